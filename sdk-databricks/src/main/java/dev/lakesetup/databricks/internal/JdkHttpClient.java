package dev.lakesetup.databricks.internal;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.lakesetup.core.spi.RequestPermits;
import dev.lakesetup.databricks.HttpProxy;
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
import java.util.Set;
import java.util.TreeMap;
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
 * object) fails as an {@link IOException} instead of being read as an empty result; redirects are followed unless
 * the request says otherwise. Proxies come from the JVM's default {@link ProxySelector} (the {@code https.proxyHost}
 * system properties), or from the {@link HttpProxy} lakesetup was given, which may need credentials.
 *
 * <p>Each request takes a permit of lakesetup's rate limit first ({@link RequestPermits#current()}): during a call of
 * the engine, the permits of that engine's limit, so the SDK's start-up discovery requests, OAuth token requests and
 * every API request count against the limit of the call that sends them (the SDK sends them on the calling
 * thread); outside a call, none, and nothing waits. A redirect the JDK client follows is not counted again.
 * Thread-safe.
 */
public final class JdkHttpClient implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpClient.class);
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade",
            "date", "via", "warning");
    private static final String JSON = "application/json";

    private final Duration timeout;
    private final HttpProxy proxy;
    private final String proxyAuthorization;
    private final java.net.http.HttpClient following;
    private final java.net.http.HttpClient notFollowing;

    /**
     * Creates the client.
     *
     * @param timeout the connect timeout and the time allowed for each response
     */
    public JdkHttpClient(Duration timeout) {
        this(timeout, null);
    }

    /**
     * Creates the client that sends every request through a proxy. With proxy credentials each request carries a
     * {@code Proxy-Authorization: Basic} header, so the first request needs no 407 round trip. Over plain HTTP the
     * header goes to the proxy with the request; over HTTPS the JDK sends it only on the {@code CONNECT} request of
     * the tunnel (never to the server), and only when Basic is allowed for tunnels: the JDK disables it by default
     * ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}), which {@link ProxyTunnel#requireBasicAllowed} checks
     * before anything is sent.
     *
     * @param timeout the connect timeout and the time allowed for each response
     * @param proxy the proxy, or {@code null} for the JVM's default proxy selector
     */
    public JdkHttpClient(Duration timeout, HttpProxy proxy) {
        this.timeout = timeout;
        this.proxy = proxy;
        this.proxyAuthorization = proxy == null ? null : proxy.basicAuthorization().orElse(null);
        this.following = build(java.net.http.HttpClient.Redirect.NORMAL);
        this.notFollowing = build(java.net.http.HttpClient.Redirect.NEVER);
    }

    /**
     * Builds a client for HTTP/1.1. Its dependent tasks keep the client's default worker pool: running them on the
     * selector thread saved a thread switch per request over plain HTTP, but over TLS it would put every handshake
     * and every decryption of all connections on that one thread.
     */
    private java.net.http.HttpClient build(java.net.http.HttpClient.Redirect redirect) {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(redirect).proxy(proxySelector()).build();
    }

    private ProxySelector proxySelector() {
        return proxy == null ? ProxySelector.getDefault()
                : ProxySelector.of(new InetSocketAddress(proxy.host(), proxy.port()));
    }

    @Override
    public Response execute(Request in) throws IOException {
        URI uri = in.getUri();
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).timeout(timeout).method(in.getMethod(), body(in));
        in.getHeaders().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                out.header(name, value);
            }
        });
        if (proxyAuthorization != null) {
            out.setHeader("Proxy-Authorization", proxyAuthorization);
        }
        java.net.http.HttpClient client = in.getRedirectionBehavior().orElse(true) ? following : notFollowing;
        HttpRequest request = out.build();
        RequestPermits.current().acquire();
        HttpResponse<Object> response;
        try {
            response = client.send(request, bodyHandler(in.getHeaders().get("Accept")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(in.getMethod() + " " + uri.getPath() + " was interrupted");
        } catch (IllegalArgumentException e) {
            throw new IOException(in.getMethod() + " " + uri.getPath() + " could not be sent: " + e.getMessage(), e);
        }
        LOG.debug("{} {} -> {}", in.getMethod(), uri.getPath(), response.statusCode());
        return toResponse(in, response);
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
     * download); reads every other body whole, which costs no pipe between the client's threads.
     */
    private static HttpResponse.BodyHandler<Object> bodyHandler(String accept) {
        return info -> {
            String contentType = info.headers().firstValue("Content-Type").orElse("");
            boolean stream = accept != null && !JSON.equals(accept) && !contentType.startsWith(JSON)
                    && info.statusCode() < 400;
            return stream ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(),
                    body -> (Object) body)
                    : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                            body -> (Object) body);
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

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    @Override
    public String toString() {
        return "JdkHttpClient[HTTP/1.1, timeout " + timeout + (proxy == null ? "" : ", " + proxy) + "]";
    }
}
