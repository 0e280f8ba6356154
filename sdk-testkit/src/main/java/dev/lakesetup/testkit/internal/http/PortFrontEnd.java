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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A light HTTP front end on 127.0.0.1 (the JDK's built-in server): one port, whose requests a {@link FakeHttpServer}
 * handles, on a worker pool shared with other front ends. Many fakes served this way cost one listening socket and
 * one accepting thread each, not a WireMock server each.
 */
public final class PortFrontEnd implements AutoCloseable {
    private static final int MAX_ARRIVALS = 1_000_000;
    /** The largest request body read, as the other fake servers bound theirs; a larger one is answered 413. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /**
     * When a request arrived and where it went.
     *
     * @param nanoTime its arrival, as {@link System#nanoTime()}
     * @param path its path, without the query
     */
    public record Arrival(long nanoTime, String path) { }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger arrived = new AtomicInteger();

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
            if (arrived.incrementAndGet() <= MAX_ARRIVALS) {
                arrivals.add(new Arrival(System.nanoTime(), ex.getRequestURI().getPath()));
            }
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try (ex) {
                HttpReply reply;
                try {
                    HttpExchange request = exchange(ex);
                    reply = request == null ? tooLarge() : handler.apply(request);
                } finally {
                    // counted until the answer is ready, so a client sees no request of its as in flight here
                    // once it has read the answer
                    inFlight.decrementAndGet();
                }
                if (reply != null) {
                    send(ex, reply);
                }
                // no answer: the exchange is closed without one, and the client sees the connection end
            }
        });
        server.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, HttpReply reply) throws IOException {
        reply.headers().forEach((name, value) -> ex.getResponseHeaders().set(name, value));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        boolean empty = body.length == 0 || reply.status() == 204 || reply.status() == 304;
        ex.sendResponseHeaders(reply.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static HttpReply tooLarge() {
        return HttpReply.json(413, "{\"message\":\"The request body is "
                + "larger than " + MAX_BODY_BYTES + " bytes.\"}");
    }

    /** Reads the request, or returns {@code null} when its body is over {@link #MAX_BODY_BYTES}. */
    private static HttpExchange exchange(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Headers headers = ex.getRequestHeaders();
        Set<String> names = new HashSet<>(headers.keySet());
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return null;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        return HttpExchange.of(ex.getRequestMethod(), raw, headers::getFirst, names, body);
    }

    /**
     * Returns when each request arrived and its path, in arrival order (the first million since start or
     * {@link #clearArrivals()}).
     *
     * @return the arrivals
     */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Forgets the arrivals so far. */
    public void clearArrivals() {
        arrivals.clear();
        arrived.set(0);
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
