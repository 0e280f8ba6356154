package dev.lakesetup.testkit.internal.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.FakeHttpServer;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.time.Instant;
import java.util.UUID;

/**
 * Wires Microsoft Graph, Azure Resource Manager and the storage blob endpoint onto one {@link FakeHttpServer}, with
 * authentication and each service's own error shape.
 */
public final class AzureServer {

    private enum Dialect { GRAPH, ARM, STORAGE }

    private final AzureState state;
    private final FakeHttpServer server;
    private final StorageApi storage;

    /** Creates the server for an Azure state (not started). */
    public AzureServer(AzureState state, int port) {
        this.state = state;
        Router router = new Router();
        new GraphApi(state).register(router);
        new ArmApi(state).register(router);
        this.storage = new StorageApi(state);
        storage.register(router);
        this.server = new FakeHttpServer("fake-azure", port, router, this::dispatch, new Errors());
    }

    /** Returns the underlying HTTP server. */
    public FakeHttpServer http() {
        return server;
    }

    private HttpReply dispatch(Router.Match match) {
        HttpExchange ex = match.exchange();
        synchronized (state) {
            try {
                Dialect dialect = dialect(ex.path());
                if (dialect != Dialect.STORAGE && !state.settings().accessToken().equals(ex.bearerToken())) {
                    return dialect == Dialect.GRAPH
                            ? render(ex, 401, "InvalidAuthenticationToken", "Access token validation failure.")
                            : render(ex, 401, "AuthenticationFailed",
                                    "Authentication failed. The 'Authorization' header is missing or invalid.");
                }
                return match.handler().handle(ex);
            } catch (AzureError e) {
                HttpReply reply = render(ex, e.status(), e.code(), e.getMessage());
                return e.status() == 401 && dialect(ex.path()) == Dialect.STORAGE
                        ? reply.withHeader("WWW-Authenticate", storage.challenge()) : reply;
            }
        }
    }

    private static Dialect dialect(String path) {
        if (path.startsWith(GraphApi.PREFIX)) {
            return Dialect.GRAPH;
        }
        return ArmApi.owns(path) ? Dialect.ARM : Dialect.STORAGE;
    }

    private static HttpReply render(HttpExchange ex, int status, String code, String message) {
        Dialect dialect = dialect(ex.path());
        String c = code != null ? code : defaultCode(dialect, status);
        String m = message != null ? message : "Injected failure with status " + status + ".";
        return switch (dialect) {
            case STORAGE -> StorageApi.error(ex, status, c, m);
            case GRAPH, ARM -> {
                ObjectNode body = AzureJson.object();
                ObjectNode error = body.putObject("error");
                error.put("code", c);
                error.put("message", m);
                String requestId = UUID.randomUUID().toString();
                if (dialect == Dialect.GRAPH) {
                    ObjectNode inner = error.putObject("innerError");
                    inner.put("date", Instant.now().toString());
                    inner.put("request-id", requestId);
                    inner.put("client-request-id", requestId);
                    yield AzureJson.reply(status, body).withHeader("request-id", requestId);
                }
                yield AzureJson.reply(status, body).withHeader("x-ms-request-id", requestId);
            }
        };
    }

    private static String defaultCode(Dialect dialect, int status) {
        return switch (status) {
            case 400 -> dialect == Dialect.GRAPH ? "Request_BadRequest" : "BadRequest";
            case 401 -> dialect == Dialect.STORAGE ? "AuthenticationFailed" : "InvalidAuthenticationToken";
            case 403 -> dialect == Dialect.GRAPH ? "Authorization_RequestDenied"
                    : dialect == Dialect.ARM ? "AuthorizationFailed" : "AuthorizationFailure";
            case 404 -> dialect == Dialect.GRAPH ? "Request_ResourceNotFound" : "ResourceNotFound";
            case 409 -> "Conflict";
            case 429 -> dialect == Dialect.STORAGE ? "ServerBusy" : "TooManyRequests";
            case 503 -> dialect == Dialect.STORAGE ? "ServerBusy" : "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }

    private static final class Errors implements FakeHttpServer.ErrorBodies {
        @Override
        public HttpReply error(int status, String code, String message) {
            return error(HttpExchange.of("GET", "/subscriptions", h -> null, ""), status, code, message);
        }

        @Override
        public HttpReply error(HttpExchange request, int status, String code, String message) {
            return render(request, status, code, message);
        }
    }
}
