package dev.lakesetup.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared-port front end bounds the request bodies it reads. */
class PortFrontEndTest {

    @Test
    void post_whenBodyIsOverTheBound_isAnswered413WithoutReachingTheHandler() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (PortFrontEnd front = new PortFrontEnd(ex -> {
            handled.incrementAndGet();
            return HttpReply.json(200, "{\"size\":" + ex.body().length() + "}");
        }, workers, new AtomicInteger(), new AtomicInteger())) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + front.port() + "/upload");

            HttpResponse<String> small = client.send(HttpRequest.newBuilder(uri).POST(
                    HttpRequest.BodyPublishers.ofString("x".repeat(1000))).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> large = client.send(HttpRequest.newBuilder(uri).POST(
                    HttpRequest.BodyPublishers.ofByteArray(new byte[PortFrontEnd.MAX_BODY_BYTES + 1])).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).isEqualTo("{\"size\":1000}");
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(large.body()).contains("larger than " + PortFrontEnd.MAX_BODY_BYTES);
            assertThat(handled).hasValue(1);
        } finally {
            workers.shutdownNow();
        }
    }
}
