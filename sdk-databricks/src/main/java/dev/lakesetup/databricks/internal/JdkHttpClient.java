package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.lakesetup.core.apply.RateLimiter;
import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the Databricks SDK's requests with the JDK's {@link java.net.http.HttpClient}, so that lakesetup decides
 * what is logged: the method, the path and the status at DEBUG, never a header, a query or a body. The SDK's
 * default client (Apache HttpClient) prints every header, the {@code Authorization} bearer token and the OAuth
 * token request's {@code Basic} credentials included, through its {@code org.apache.http.headers} and
 * {@code org.apache.http.wire} loggers as soon as they are at DEBUG.
 *
 * <p>It speaks HTTP/1.1 only: on a plain {@code http://} URL the JDK client would otherwise offer an {@code h2c}
 * upgrade on every request, which some servers answer wrongly. Headers the JDK client sets itself
 * ({@code Content-Length}, {@code Host}, {@code Connection}, {@code Expect}, {@code Upgrade}) are not copied. Like
 * the SDK's own client, it reads a JSON or error answer into memory and streams a non-JSON answer only when the
 * caller asked for one; a successful JSON answer that is not a JSON object (every Databricks API answers with an
 * object) fails as an {@link IOException} instead of being read as an empty result. Redirects are followed (unless
 * the request says otherwise) only within the same origin, at most five times; a redirect to another origin fails
 * instead, so the {@code Authorization} header never leaves for another host, port or scheme ({@link Redirects}).
 * Only {@code https} URLs are sent, and plain {@code http} ones to a loopback host (a local fake): any other URL
 * fails before anything is sent, whoever named it (a builder, the SDK's configuration or the service).
 *
 * <p>Nothing the service sends is unbounded: an answer longer than the size limit stops being read at the limit
 * (a declared {@code Content-Length} over it is not read at all), and a request that has not completed, body
 * included, by its deadline is abandoned, so a body trickled a byte at a time cannot hold a thread. Both fail as a
 * fatal {@link ServiceException}, which is not retried. A streamed answer is counted as the caller reads it.
 *
 * <p>Proxies come from the JVM's default {@link ProxySelector} (the {@code https.proxyHost} system properties), or
 * from the {@link ProxySettings proxy} lakesetup was given, which may need credentials.
 *
 * <p>Each request takes one permit of the {@link RateLimiter} the client was built with before it is sent: the
 * connection's rate limit, an interceptor given at construction ({@code CallPolicy.rateLimiter()} of the workspace).
 * The SDK's start-up discovery requests, OAuth token requests, retried requests and every API request go through
 * this client, so each counts against the limit, whoever sends it; each redirect it follows is a request on the wire
 * of its own and takes a permit of its own (its wait counts against the request's deadline).
 * Thread-safe.
 */
public final class JdkHttpClient implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpClient.class);
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade",
            "date", "via", "warning");
    private static final String JSON = "application/json";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** The default most bytes of one answer: far above any answer of the APIs lakesetup calls. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** The default time one request may take in all, redirects and the whole body included. */
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofMinutes(5);
    private static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final long maxResponseBytes;
    private final Duration deadline;
    private final ProxySettings proxy;
    private final String proxyAuthorization;
    private final java.net.http.HttpClient client;
    private final RateLimiter limiter;
    private final RateLimiter sharedLimiter;
    private final CallGate gate;

    /**
     * Creates the client with the default answer size limit and request deadline, without a proxy of its own.
     *
     * @param limiter gives one permit before each request
     * @param timeout the connect timeout and the time allowed until each response starts
     */
    public JdkHttpClient(RateLimiter limiter, Duration timeout) {
        this(limiter, timeout, null);
    }

    /**
     * Creates the client with the default answer size limit and request deadline.
     *
     * @param limiter gives one permit before each request
     * @param timeout the connect timeout and the time allowed until each response starts
     * @param proxy the proxy, or {@code null} for the JVM's default proxy selector
     */
    public JdkHttpClient(RateLimiter limiter, Duration timeout, ProxySettings proxy) {
        this(limiter, timeout, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_DEADLINE, proxy);
    }

    /**
     * Creates the client without a proxy of its own.
     *
     * @param limiter gives one permit before each request
     * @param timeout the connect timeout and the time allowed until each response starts
     * @param maxResponseBytes the most bytes of one answer's body; a longer answer fails, and is not retried
     * @param deadline the time one request may take in all (redirects and the whole body included)
     */
    public JdkHttpClient(RateLimiter limiter, Duration timeout, long maxResponseBytes, Duration deadline) {
        this(limiter, timeout, maxResponseBytes, deadline, null);
    }

    /**
     * Creates the client.
     *
     * @param limiter gives one permit before each request (the connection's rate limit)
     * @param timeout the connect timeout and the time allowed until each response starts
     * @param maxResponseBytes the most bytes of one answer's body; a longer answer fails, and is not retried
     * @param deadline the time one request may take in all (redirects and the whole body included); a request
     *     that takes longer is abandoned and fails, and is not retried
     * @param proxy the proxy every request goes through, or {@code null} for the JVM's default proxy selector. With
     *     proxy credentials each request carries a {@code Proxy-Authorization: Basic} header, so the first request
     *     needs no 407 round trip. Over plain HTTP the header goes to the proxy with the request; over HTTPS the JDK
     *     sends it only on the {@code CONNECT} request of the tunnel (never to the server), and only when Basic is
     *     allowed for tunnels: the JDK disables it by default ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}),
     *     which {@link ProxyTunnel#requireBasicAllowed} checks before anything is sent
     */
    public JdkHttpClient(RateLimiter limiter, Duration timeout, long maxResponseBytes, Duration deadline,
            ProxySettings proxy) {
        this(limiter, SharedLimits.NONE, timeout, maxResponseBytes, deadline, proxy);
    }

    /**
     * Creates the client with limits shared with other connections: before each request it takes a permit of the
     * connection's own limiter, then one of the shared limiter (a budget shared by many connections' account-API
     * requests), then a slot of the shared call gate, which it gives back when the answer is read.
     *
     * @param limiter gives one permit before each request (the connection's rate limit)
     * @param shared the shared limiter and call gate, either absent
     * @param timeout the connect timeout and the time allowed until each response starts
     * @param maxResponseBytes the most bytes of one answer's body; a longer answer fails, and is not retried
     * @param deadline the time one request may take in all (redirects and the whole body included)
     * @param proxy the proxy every request goes through, or {@code null} for the JVM's default proxy selector
     */
    public JdkHttpClient(RateLimiter limiter, SharedLimits shared, Duration timeout, long maxResponseBytes,
            Duration deadline, ProxySettings proxy) {
        this.limiter = Objects.requireNonNull(limiter, "rate limiter");
        this.sharedLimiter = shared.limiter();
        this.gate = shared.gate();
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.deadline = deadline;
        this.proxy = proxy;
        this.proxyAuthorization = proxy == null ? null : proxy.basicAuthorization().orElse(null);
        ProxySelector selector = proxy == null ? ProxySelector.getDefault()
                : ProxySelector.of(new InetSocketAddress(proxy.host(), proxy.port()));
        // dependent tasks keep the client's default worker pool: on the selector thread, TLS handshakes and
        // decryption of every connection would share one thread
        this.client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .proxy(selector).build();
    }

    @Override
    public Response execute(Request in) throws IOException {
        URI uri = in.getUri();
        requireEncrypted(in, uri);
        long until = System.nanoTime() + deadline.toNanos();
        String method = in.getMethod();
        boolean withBody = true;
        for (int hop = 0; ; hop++) {
            // one permit per request on the wire: a redirect followed is a request of its own
            limiter.acquire();
            HttpResponse<Object> response = gated(in, uri, method, withBody, until);
            LOG.debug("{} {} -> {}", method, uri.getPath(), response.statusCode());
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(response.statusCode()) || location == null
                    || !in.getRedirectionBehavior().orElse(true)) {
                return toResponse(in, response);
            }
            close(response);
            URI next = Redirects.target(in, uri, location, hop, MAX_REDIRECTS);
            if (response.statusCode() == 303 || (response.statusCode() <= 302 && Request.POST.equals(method))) {
                method = Request.GET;
                withBody = false;
            } else if (in.isBodyStreaming()) {
                throw Redirects.refused(in, "it would send a streamed request body again");
            }
            uri = next;
        }
    }

    /**
     * Refuses a request that would cross the network unencrypted: {@code https}, or plain {@code http} to a loopback
     * host (a local fake), nothing else. The builders check the hosts they are given, but a host can also come from
     * the SDK's configuration (environment, profile) or from the service (the OAuth token endpoint in the host's
     * metadata), and the SDK sends its first request while resolving that configuration.
     */
    private static void requireEncrypted(Request in, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !("http".equals(scheme) && Loopback.is(uri.getHost()))) {
            throw ServiceException.builder(Failure.FATAL, in.getMethod() + " " + uri.getPath() + " was not sent: "
                    + Redirects.origin(uri) + " is not https, and plain http goes to a loopback host only (a local "
                    + "fake), so that no request crosses the network unencrypted").build();
        }
    }

    /** Takes the shared permit and a slot of the shared gate (when given) around one request on the wire. */
    private HttpResponse<Object> gated(Request in, URI uri, String method, boolean withBody, long until)
            throws IOException {
        if (sharedLimiter != null) {
            sharedLimiter.acquire();
        }
        if (gate == null) {
            return send(in, uri, method, withBody, until);
        }
        gate.enter();
        try {
            return send(in, uri, method, withBody, until);
        } finally {
            gate.exit();
        }
    }

    private HttpResponse<Object> send(Request in, URI uri, String method, boolean withBody, long until)
            throws IOException {
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, withBody ? body(in) : HttpRequest.BodyPublishers.noBody());
        in.getHeaders().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))
                    && (withBody || !"content-type".equalsIgnoreCase(name))) {
                out.header(name, value);
            }
        });
        if (proxyAuthorization != null) {
            out.setHeader("Proxy-Authorization", proxyAuthorization);
        }
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<Object>> pending;
        try {
            pending = client.sendAsync(out.build(), bodyHandler(in.getHeaders().get("Accept"), reading));
        } catch (IllegalArgumentException e) {
            throw new IOException(method + " " + uri.getPath() + " could not be sent: " + e.getMessage(), e);
        }
        try {
            return pending.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            abandon(pending, reading);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(method + " " + uri.getPath() + " was interrupted");
        } catch (TimeoutException e) {
            abandon(pending, reading);
            throw ServiceException.builder(Failure.FATAL, method + " " + uri.getPath() + " did not complete within "
                    + deadline + ": the answer was abandoned (an answer that never ends is not retried; raise "
                    + "requestDeadline on DatabricksWorkspace if the service is just slow)").build();
        } catch (ExecutionException e) {
            throw unwrap(method + " " + uri.getPath(), e.getCause());
        }
    }

    private IOException unwrap(String what, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge large) {
                throw tooLarge(what, large);
            }
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(what + " failed: " + cause, cause);
    }

    private static ServiceException tooLarge(String what, BoundedBody.TooLarge large) {
        return ServiceException.builder(Failure.FATAL, what + " answered with more than " + large.limit()
                + " bytes: the answer was not read (an oversized answer is not retried; raise maxResponseSize on "
                + "DatabricksWorkspace if such answers are expected)").cause(large).build();
    }

    private static void abandon(CompletableFuture<?> pending, AtomicReference<BoundedBody> reading) {
        pending.cancel(true);
        BoundedBody body = reading.get();
        if (body != null) {
            body.abort();
        }
    }

    private static void close(HttpResponse<Object> response) {
        if (response.body() instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the redirect's own body is discarded either way
            }
        }
    }

    private static HttpRequest.BodyPublisher body(Request in) {
        if (in.isBodyString() && in.getBodyString() != null) {
            return HttpRequest.BodyPublishers.ofString(in.getBodyString(), StandardCharsets.UTF_8);
        }
        if (in.isBodyStreaming() && in.getBodyStream() != null) {
            InputStream stream = in.getBodyStream();
            return HttpRequest.BodyPublishers.ofInputStream(() -> stream);
        }
        return HttpRequest.BodyPublishers.noBody();
    }

    /**
     * Streams the body of a successful answer that is not JSON to a caller that asked for something else (a file
     * download), counting what is read against the limit; reads every other body whole, up to the limit, which
     * costs no pipe between the client's threads.
     */
    private HttpResponse.BodyHandler<Object> bodyHandler(String accept, AtomicReference<BoundedBody> reading) {
        return info -> {
            String contentType = info.headers().firstValue("Content-Type").orElse("");
            boolean stream = accept != null && !JSON.equals(accept) && !contentType.startsWith(JSON)
                    && info.statusCode() < 400;
            if (stream) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(),
                        body -> (Object) BoundedBody.bounded(body, maxResponseBytes));
            }
            BoundedBody body = new BoundedBody(maxResponseBytes, info.headers().firstValueAsLong("Content-Length")
                    .orElse(-1));
            reading.set(body);
            return HttpResponse.BodySubscribers.mapping(body, bytes -> (Object) bytes);
        };
    }

    private static Response toResponse(Request in, HttpResponse<Object> response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.put(name, List.copyOf(values));
            }
        });
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.body() instanceof InputStream stream) {
            return new Response(in, response.uri().toURL(), status, reason(status), headers, stream);
        }
        String body = new String((byte[]) response.body(), StandardCharsets.UTF_8);
        if (status < 300 && contentType.startsWith(JSON) && !body.isBlank() && body.stripLeading().charAt(0) != '{') {
            throw new IOException(in.getMethod() + " " + in.getUri().getPath() + " answered " + status
                    + " with a JSON body that is not an object: the answer is malformed");
        }
        return new Response(in, response.uri().toURL(), status, reason(status), headers, body);
    }

    /** The reason phrases of the statuses the services answer; others read "HTTP nnn". */
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(204, "No Content"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(409, "Conflict"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private static String reason(int status) {
        return REASONS.getOrDefault(status, "HTTP " + status);
    }

    @Override
    public String toString() {
        return "JdkHttpClient[HTTP/1.1, timeout " + timeout + ", deadline " + deadline + ", at most "
                + maxResponseBytes + " bytes per answer, " + limiter + (proxy == null ? "" : ", " + proxy) + "]";
    }
}
