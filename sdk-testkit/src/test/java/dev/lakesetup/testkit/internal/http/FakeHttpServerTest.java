package dev.lakesetup.testkit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeHttpServerTest {

    private FakeHttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Router router = new Router().add("GET", "/things/{id}", ex -> HttpReply.json(200,
                "{\"id\":\"" + ex.param("id") + "\",\"q\":\"" + ex.queryParam("q") + "\"}"));
        server = new FakeHttpServer("test", 0, router, m -> m.handler().handle(m.exchange()),
                (status, code, message) -> HttpReply.json(status, "{\"code\":\"" + code + "\"}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void route_capturesPathAndQuery_andCountsPerTemplate() throws Exception {
        assertThat(get("/things/a%20b?q=x").body()).isEqualTo("{\"id\":\"a b\",\"q\":\"x\"}");
        get("/things/c");
        get("/other");
        assertThat(server.stats().count("GET /things/{id}")).isEqualTo(2);
        assertThat(server.stats().count("GET /other")).isEqualTo(1);
        assertThat(server.stats().total()).isEqualTo(3);
        server.resetStats();
        assertThat(server.stats().total()).isZero();
    }

    @Test
    void unknownEndpoint_isRenderedInTheServicesErrorShape() throws Exception {
        HttpResponse<String> r = get("/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"code\":\"ENDPOINT_NOT_FOUND\"}");
    }

    @Test
    void faultRule_firesOnlyTheGivenNumberOfTimes() throws Exception {
        var rule = server.faults().add("GET", "/things/.*", 1,
                new InjectedFault(InjectedFault.Kind.STATUS, 429, "7", "SLOW_DOWN", null, null, null, Duration.ZERO));
        HttpResponse<String> limited = get("/things/a");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(limited.body()).contains("SLOW_DOWN");
        assertThat(get("/things/a").statusCode()).isEqualTo(200);
        assertThat(rule.hits()).isEqualTo(1);
    }
}
