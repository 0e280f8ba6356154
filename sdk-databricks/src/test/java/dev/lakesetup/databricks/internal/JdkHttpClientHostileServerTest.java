package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RateLimiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.testkit.FakeProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Holds {@link JdkHttpClient} to its guarantees against a hostile or broken server on 127.0.0.1: credentials never
 * follow a redirect to another origin, and an answer that is too long or never ends fails, fatally (not retried),
 * instead of filling the memory or holding the thread.
 */
class JdkHttpClientHostileServerTest {
    private static final RateLimiter LIMIT = CallPolicy.builder().rateLimitPerSecond(10_000).build().rateLimiter();

    private static final String TOKEN = "Bearer dapi-admin-secret";
    private final List<HostileServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (HostileServer server : servers) {
            server.close();
        }
    }

    @Test
    void execute_whenRedirectedToAnotherOrigin_sendsNoCredentialsThereAndFailsFatally() throws IOException {
        HostileServer elsewhere = server((request, out) -> HostileServer.json(out, 200, "{}"));
        HostileServer workspace = server((request, out) -> HostileServer.json(out, 302, "{}",
                "Location: " + elsewhere.url("/steal")));
        JdkHttpClient client = new JdkHttpClient(LIMIT, Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.execute(get(workspace, "/api/2.0/clusters/list")))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("another origin").hasMessageContaining(":" + elsewhere.port())
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void execute_whenPlainHttpToAHostThatIsNotLoopback_failsFatallyBeforeSendingAnything() {
        // every request goes to the proxy on 127.0.0.1, which forwards nothing without its credentials
        try (FakeProxy proxy = FakeProxy.start("proxy-user", "proxy-password")) {
            JdkHttpClient client = new JdkHttpClient(LIMIT, Duration.ofSeconds(5),
                    new ProxySettings("127.0.0.1", proxy.port(), null, null));
            Request request = new Request("GET", "http://adb-1.2.azuredatabricks.net/api/2.0/clusters/list")
                    .withHeader("Authorization", TOKEN);

            assertThatThrownBy(() -> client.execute(request)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("http://adb-1.2.azuredatabricks.net:80").hasMessageContaining("loopback")
                    .hasMessageNotContaining(TOKEN)
                    .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
            assertThat(proxy.seen()).isEmpty();
        }
    }

    @Test
    void execute_whenRedirectedWithinTheSameOrigin_followsWithCredentials() throws IOException {
        HostileServer workspace = server((request, out) -> {
            if (request.path().equals("/old")) {
                HostileServer.json(out, 307, "{}", "Location: /new");
            } else {
                HostileServer.json(out, 200, "{\"moved\":true}");
            }
        });

        Response response = new JdkHttpClient(LIMIT, Duration.ofSeconds(5)).execute(get(workspace, "/old"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"moved\":true}");
        assertThat(workspace.received()).extracting(r -> r.headers().get("authorization"))
                .containsExactly(TOKEN, TOKEN);
    }

    @Test
    void execute_whenRedirectedTwice_takesOnePermitPerRequestOnTheWire() throws IOException {
        HostileServer workspace = server((request, out) -> {
            switch (request.path()) {
                case "/a" -> HostileServer.json(out, 307, "{}", "Location: /b");
                case "/b" -> HostileServer.json(out, 302, "{}", "Location: /c");
                default -> HostileServer.json(out, 200, "{}");
            }
        });
        FakeTime time = new FakeTime();
        RateLimiter onePerSecond = CallPolicy.builder().rateLimitPerSecond(1).clock(time).sleeper(time).build()
                .rateLimiter();

        Response response = new JdkHttpClient(onePerSecond, Duration.ofSeconds(5)).execute(get(workspace, "/a"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(workspace.received()).hasSize(3);
        // the first permit is free; each later one waits a full interval (1.03 s at one per second)
        assertThat(time.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(2 * 1030))
                .isLessThan(Duration.ofMillis(3 * 1030));
    }

    @Test
    void execute_whenRedirectedInALoop_stopsAfterFiveHops() throws IOException {
        HostileServer workspace = server((request, out) -> HostileServer.json(out, 302, "{}", "Location: /again"));

        assertThatThrownBy(() -> new JdkHttpClient(LIMIT, Duration.ofSeconds(5)).execute(get(workspace, "/start")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than 5 times");
        assertThat(workspace.received()).hasSize(6);
    }

    @Test
    void execute_whenTheDeclaredLengthPassesTheLimit_failsFatallyWithoutReading() throws IOException {
        HostileServer workspace = server((request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4194304\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });
        JdkHttpClient client = new JdkHttpClient(LIMIT, Duration.ofSeconds(5), 1024 * 1024, Duration.ofMinutes(1));

        assertThatThrownBy(() -> client.execute(get(workspace, "/api/2.0/big")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than 1048576 bytes")
                .hasMessageContaining("maxResponseSize")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
    }

    @Test
    void execute_whenAnUndeclaredBodyPassesTheLimit_stopsReadingAndFailsFatally() throws IOException {
        HostileServer workspace = server((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
            out.write('}');
            out.close();
        });
        JdkHttpClient client = new JdkHttpClient(LIMIT, Duration.ofSeconds(5), 1024 * 1024, Duration.ofMinutes(1));

        assertThatThrownBy(() -> client.execute(get(workspace, "/api/2.0/long")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than 1048576 bytes")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
    }

    @Test
    void execute_whenTheBodyTrickles_abandonsItAtTheDeadlineAndFailsFatally() throws IOException {
        HostileServer workspace = server((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 42\r\n\r\n{"
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 40; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(100);
            }
            out.write('}');
        });
        JdkHttpClient client = new JdkHttpClient(LIMIT, Duration.ofSeconds(2), 1024 * 1024, Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.execute(get(workspace, "/api/2.0/slow")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("did not complete within PT1S")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
    }

    @Test
    void execute_whenAStreamedAnswerPassesTheLimit_failsTheReaderAndIsClassifiedFatal() throws IOException {
        HostileServer workspace = server((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[2 * 1024 * 1024]);
            out.close();
        });
        JdkHttpClient client = new JdkHttpClient(LIMIT, Duration.ofSeconds(5), 1024 * 1024, Duration.ofMinutes(1));
        Response response = client.execute(new Request(Request.GET, workspace.url("/api/2.0/fs/files/x"))
                .withHeader("Accept", "application/octet-stream"));

        IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> response.getBody().readAllBytes());
        ServiceException classified = (ServiceException) Failures.fromSdk("download x",
                new java.io.UncheckedIOException(failure));

        assertThat(failure).hasMessageContaining("longer than 1048576 bytes");
        assertThat(classified.failure()).isEqualTo(Failure.FATAL);
    }

    private static Request get(HostileServer server, String path) {
        return new Request(Request.GET, server.url(path)).withHeader("Authorization", TOKEN)
                .withHeader("Accept", "application/json");
    }

    private HostileServer server(HostileServer.Answer answer) throws IOException {
        HostileServer server = new HostileServer(answer);
        servers.add(server);
        return server;
    }
}
