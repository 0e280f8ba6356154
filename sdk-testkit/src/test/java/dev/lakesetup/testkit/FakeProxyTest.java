package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The proxy wants Basic credentials, answers 407 without them, and reaches loopback targets only. */
class FakeProxyTest {
    private static final String CREDENTIALS = "Basic " + Base64.getEncoder()
            .encodeToString("u:p".getBytes(StandardCharsets.UTF_8));

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void request_withoutCredentials_gets407WithABasicChallenge() throws IOException {
        try (FakeProxy proxy = FakeProxy.start("u", "p")) {
            String answer = exchange(proxy.port(), "GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 407 ").contains("Proxy-Authenticate: Basic");
            assertThat(proxy.seen()).containsExactly(new FakeProxy.Seen("GET http://127.0.0.1:9/ HTTP/1.1", false));
        }
    }

    @Test
    void request_whoseBodyIsOver16MiB_gets413BeforeAnythingIsForwarded() throws IOException {
        try (FakeProxy proxy = FakeProxy.start("u", "p")) {
            String answer = exchange(proxy.port(), "POST http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n"
                    + "Content-Length: " + (16L * 1024 * 1024 + 1) + "\r\nProxy-Authorization: " + CREDENTIALS
                    + "\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void request_whoseContentLengthIsNotANumber_gets400() throws IOException {
        try (FakeProxy proxy = FakeProxy.start("u", "p")) {
            String answer = exchange(proxy.port(), "POST http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n"
                    + "Content-Length: 99999999999999999999\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void request_toANonLoopbackAddress_isRefused() throws IOException {
        try (FakeProxy proxy = FakeProxy.start("u", "p")) {
            String answer = exchange(proxy.port(), "GET http://192.0.2.1/ HTTP/1.1\r\nHost: 192.0.2.1\r\n"
                    + "Proxy-Authorization: " + CREDENTIALS + "\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 403 ");
        }
    }

    @Test
    void request_withCredentials_isForwardedWithoutTheProxyHeaders() throws IOException, InterruptedException {
        try (ServerSocket origin = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                FakeProxy proxy = FakeProxy.start("u", "p")) {
            StringBuilder received = new StringBuilder();
            Thread server = new Thread(() -> {
                try (Socket s = origin.accept()) {
                    byte[] head = new byte[4096];
                    int n = s.getInputStream().read(head);
                    received.append(new String(head, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1));
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    received.append("failed: ").append(e);
                }
            });
            server.start();
            String target = "http://127.0.0.1:" + origin.getLocalPort() + "/path?q=1";

            String answer = exchange(proxy.port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Proxy-Authorization: " + CREDENTIALS + "\r\n\r\n");

            server.join();
            assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("ok");
            assertThat(received.toString()).startsWith("GET /path?q=1 HTTP/1.1\r\n")
                    .doesNotContainIgnoringCase("proxy-authorization");
            assertThat(proxy.seen()).containsExactly(new FakeProxy.Seen("GET " + target + " HTTP/1.1", true));
        }
    }
}
