package dev.lakesetup.testkit.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WireMock server on 127.0.0.1 with one catch-all stub whose response is computed by a {@link Router}: the
 * generic part every fake shares (lifecycle, routing, fault rules, request counting, in-flight tracking).
 */
public final class FakeHttpServer implements AutoCloseable {

    /** Renders an error body in the service's shape. */
    @FunctionalInterface
    public interface ErrorBodies {
        /** Returns the reply for an error with this status, code (may be null) and message (may be null). */
        HttpReply error(int status, String code, String message);

        /**
         * Returns the reply for an error answering this request; a server that speaks several error dialects (one
         * per endpoint family) overrides it. The default ignores the request.
         */
        default HttpReply error(HttpExchange request, int status, String code, String message) {
            return error(status, code, message);
        }
    }

    /** Runs a routed request; lets a service add checks (authentication) around its handlers. */
    @FunctionalInterface
    public interface Dispatcher {
        /** Returns the reply for a matched route. */
        HttpReply dispatch(Router.Match match);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FakeHttpServer.class);

    private final Router router;
    private final Dispatcher dispatcher;
    private final ErrorBodies errors;
    private final FaultRules faults = new FaultRules();
    private final RequestCounter counter = new RequestCounter();
    private final int requestedPort;
    private final String name;
    private WireMockServer server;

    /**
     * Creates a server (not started yet).
     *
     * @param name a short name used in the WireMock extension and logs
     * @param port the port, 0 for a free one
     * @param router the routes
     * @param dispatcher runs a matched route
     * @param errors renders error bodies (fault replies, unknown endpoints, uncaught handler failures)
     */
    public FakeHttpServer(String name, int port, Router router, Dispatcher dispatcher, ErrorBodies errors) {
        this.name = Objects.requireNonNull(name, "name");
        this.requestedPort = port;
        this.router = Objects.requireNonNull(router, "router");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Starts the server on 127.0.0.1. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException(name + " is already started");
        }
        var config = options().bindAddress("127.0.0.1").gzipDisabled(true).containerThreads(40)
                .disableRequestJournal().stubRequestLoggingDisabled(true)
                .extensions(new Transformer());
        config = requestedPort == 0 ? config.dynamicPort() : config.port(requestedPort);
        WireMockServer s = new WireMockServer(config);
        s.start();
        s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        server = s;
        LOG.debug("{} listening on 127.0.0.1:{}", name, s.port());
    }

    /** Returns the bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return server.port();
    }

    /** Returns the fault rules of this server. */
    public FaultRules faults() {
        return faults;
    }

    /** Returns a snapshot of the request counts. */
    public RequestCounter.Counts stats() {
        return counter.snapshot();
    }

    /** Returns the start times ({@link System#nanoTime()}) of the requests counted since the last reset. */
    public java.util.List<Long> requestStartTimes() {
        return counter.startTimes();
    }

    /** Clears the request counts. */
    public void resetStats() {
        counter.reset();
    }

    /** Stops the server. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private ResponseDefinition serve(Request request) {
        HttpExchange exchange = HttpExchange.of(request.getMethod().getName(), request.getUrl(),
                request::getHeader, request.getAllHeaderKeys(), request.getBodyAsString());
        HttpReply reply = handle(exchange);
        return reply == null
                ? ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build()
                : toDefinition(reply);
    }

    /**
     * Serves one request: counts it, routes it, applies the fault rules (a latency waits on this thread) and runs
     * the matched handler. The WireMock server calls it for each request it receives; a front end of its own (the
     * many-workspaces server) may call it too, without starting WireMock.
     *
     * @param exchange the request as received
     * @return the reply, or {@code null} when a fault asks for the connection to be reset instead
     */
    public HttpReply handle(HttpExchange exchange) {
        counter.started();
        try {
            Router.Match match = router.route(exchange);
            counter.endpoint(match == null ? exchange.method() + " " + exchange.path() : match.template());
            InjectedFault fault = faults.fire(exchange.method(), exchange.path());
            if (fault != null) {
                sleep(fault.delay());
                switch (fault.kind()) {
                    case CONNECTION_RESET:
                        return null;
                    case STATUS:
                        return faultReply(exchange, fault);
                    case LATENCY:
                    case RESET_AFTER_APPLYING:
                        break;
                }
            }
            if (match == null) {
                return errors.error(exchange, 404, "ENDPOINT_NOT_FOUND",
                        "No API found for '" + exchange.method() + " " + exchange.path() + "'");
            }
            return dispatch(exchange, match, fault);
        } finally {
            counter.finished();
        }
    }

    /** Runs the matched handler; a handler that throws answers 500, and a reset-after-applying fault drops the reply. */
    private HttpReply dispatch(HttpExchange exchange, Router.Match match, InjectedFault fault) {
        try {
            HttpReply reply = dispatcher.dispatch(match);
            if (fault != null && fault.kind() == InjectedFault.Kind.RESET_AFTER_APPLYING) {
                return null;
            }
            return reply;
        } catch (RuntimeException e) {
            LOG.warn("{} handler for {} failed", name, match.template(), e);
            return errors.error(exchange, 500, "INTERNAL_ERROR", "fake failed: " + e.getClass().getName());
        }
    }

    private HttpReply faultReply(HttpExchange exchange, InjectedFault fault) {
        HttpReply reply = fault.body() != null
                ? HttpReply.of(fault.status(), fault.contentType(), fault.body())
                : errors.error(exchange, fault.status(), fault.errorCode(), fault.message());
        return fault.retryAfter() == null ? reply : reply.withHeader("Retry-After", fault.retryAfter());
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ResponseDefinition toDefinition(HttpReply reply) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status())
                .withBody(reply.body());
        reply.headers().forEach(b::withHeader);
        return b.build();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return serve(serveEvent.getRequest());
        }

        @Override
        public String getName() {
            return "lakesetup-" + name;
        }
    }
}
