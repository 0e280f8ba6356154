package dev.lakesetup.testkit.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A light HTTP front end on 127.0.0.1 (the JDK's built-in server): one port, whose requests a {@link FakeHttpServer}
 * handles, on a worker pool shared with other front ends. Many fakes served this way cost one listening socket and
 * one accepting thread each, not a WireMock server each.
 */
public final class PortFrontEnd implements AutoCloseable {
    private final HttpServer server;

    /**
     * Starts a front end on a free port of 127.0.0.1.
     *
     * @param handler handles each request (returns {@code null} to drop the connection)
     * @param workers the shared worker pool requests run on
     * @param inFlight counts requests in flight across every front end sharing it
     * @param peak the most requests in flight at once across every front end sharing it
     * @throws IOException when the port cannot be opened
     */
    public PortFrontEnd(Function<HttpExchange, HttpReply> handler, Executor workers, AtomicInteger inFlight,
            AtomicInteger peak) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(workers);
        server.createContext("/", ex -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try (ex) {
                HttpReply reply = handler.apply(exchange(ex));
                if (reply == null) {
                    return;   // closed without an answer: the client sees the connection end
                }
                reply.headers().forEach((name, value) -> ex.getResponseHeaders().set(name, value));
                byte[] body = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
                boolean empty = body.length == 0 || reply.status() == 204 || reply.status() == 304;
                ex.sendResponseHeaders(reply.status(), empty ? -1 : body.length);
                if (!empty) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
    }

    private static HttpExchange exchange(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Headers headers = ex.getRequestHeaders();
        Set<String> names = new HashSet<>(headers.keySet());
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return HttpExchange.of(ex.getRequestMethod(), raw, headers::getFirst, names, body);
    }

    /**
     * Returns the port this front end listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening; requests in flight are not waited for. */
    @Override
    public void close() {
        server.stop(0);
    }
}
