package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.FakeHttpServer;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.List;
import java.util.Set;

/** Wires the fake workspace's endpoints onto a {@link FakeHttpServer}, with authentication and error mapping. */
public final class WorkspaceServer {

    private static final long TOKEN_LIFETIME_SECONDS = 3600;
    private static final Set<String> PUBLIC_TEMPLATES = Set.of(
            "GET /.well-known/databricks-config",
            "GET /oidc/.well-known/oauth-authorization-server",
            "POST /oidc/v1/token",
            "GET /api/2.0/connector-service/feature-flags/{driver}/{version}");

    private final WorkspaceContext ctx;
    private final FakeHttpServer server;

    /** Creates the server for a workspace state (not started). */
    public WorkspaceServer(WorkspaceContext ctx, int port) {
        this.ctx = ctx;
        Router router = new Router();
        router.add("GET", "/.well-known/databricks-config", this::hostMetadata)
                .add("GET", "/oidc/.well-known/oauth-authorization-server", this::oidcMetadata)
                .add("POST", "/oidc/v1/token", this::token)
                .add("GET", "/api/2.0/connector-service/feature-flags/{driver}/{version}", ex -> {
                    ObjectNode o = Json.object();
                    o.putArray("flags");
                    o.put("ttl_seconds", 900);
                    return Json.ok(o);
                });
        new UcApi(ctx).register(router);
        new IdentityApi(ctx).register(router);
        new AccountApi(ctx).register(router);
        new DirectoryApi(ctx).register(router);
        new NetworkApi(ctx).register(router);
        new WorkspaceFilesApi(ctx).register(router);
        WarehouseApi warehouses = new WarehouseApi(ctx);
        warehouses.register(router);
        new StatementApi(ctx, warehouses).register(router);
        this.server = new FakeHttpServer("fake-workspace", port, router, this::dispatch, Json::error);
    }

    /** Returns the underlying HTTP server. */
    public FakeHttpServer http() {
        return server;
    }

    private HttpReply dispatch(Router.Match match) {
        synchronized (ctx) {
            try {
                if (!PUBLIC_TEMPLATES.contains(match.template())) {
                    Caller caller = authenticate(match.exchange());
                    if (caller == null) {
                        return Json.error(401, "UNAUTHENTICATED",
                                "Credential was not sent or was of an unsupported type for this API.");
                    }
                    ctx.bindCaller(caller);
                }
                if (!ctx.settings().metastoreAssigned() && match.exchange().path().startsWith("/api/2.1/unity-catalog/")
                        && !match.template().endsWith("/current-metastore-assignment")) {
                    return Json.error(404, "METASTORE_DOES_NOT_EXIST",
                            "No metastore assigned for the current workspace.");
                }
                return match.handler().handle(match.exchange());
            } catch (ApiException e) {
                return Json.error(e.status(), e.errorCode(), e.getMessage());
            } catch (ScimException e) {
                ObjectNode o = Json.object();
                o.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
                o.put("detail", e.getMessage());
                o.put("status", Integer.toString(e.status()));
                return Json.reply(e.status(), o);
            } finally {
                ctx.bindCaller(null);
            }
        }
    }

    private Caller authenticate(HttpExchange ex) {
        String token = ex.bearerToken();
        if (token == null) {
            return null;
        }
        if (token.equals(ctx.settings().adminToken())) {
            return new Caller(ctx.settings().adminUser(), true);
        }
        String appId = ctx.identities().principalOfToken(token);
        return appId == null ? null : new Caller(appId, ctx.isAdmin(appId));
    }

    private HttpReply hostMetadata(HttpExchange ex) {
        ObjectNode o = Json.object();
        o.put("oidc_endpoint", ctx.host() + "/oidc");
        o.put("account_id", ctx.settings().accountId());
        o.put("workspace_id", Long.toString(ctx.settings().workspaceId()));
        o.put("cloud", "azure");
        return Json.ok(o);
    }

    private HttpReply oidcMetadata(HttpExchange ex) {
        ObjectNode o = Json.object();
        o.put("issuer", ctx.host() + "/oidc");
        o.put("authorization_endpoint", ctx.host() + "/oidc/v1/authorize");
        o.put("token_endpoint", ctx.host() + "/oidc/v1/token");
        o.put("jwks_uri", ctx.host() + "/oidc/jwks.json");
        o.putArray("grant_types_supported").add("client_credentials").add("authorization_code")
                .add("refresh_token");
        o.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        return Json.ok(o);
    }

    private HttpReply token(HttpExchange ex) {
        var form = ex.form();
        String grant = first(form.get("grant_type"));
        String[] basic = ex.basicCredentials();
        String clientId = basic != null ? basic[0] : first(form.get("client_id"));
        String secret = basic != null ? basic[1] : first(form.get("client_secret"));
        if (!"client_credentials".equals(grant)) {
            return oauthError(400, "unsupported_grant_type", "Only client_credentials is supported by the fake.");
        }
        String token = clientId == null ? null
                : ctx.identities().issueToken(clientId, secret, ctx.host() + "/oidc", TOKEN_LIFETIME_SECONDS);
        if (token == null) {
            return oauthError(401, "invalid_client", "Client authentication failed");
        }
        ObjectNode o = Json.object();
        o.put("access_token", token);
        o.put("token_type", "Bearer");
        o.put("expires_in", TOKEN_LIFETIME_SECONDS);
        o.put("scope", "all-apis");
        return Json.ok(o);
    }

    private static HttpReply oauthError(int status, String error, String description) {
        ObjectNode o = Json.object();
        o.put("error", error);
        o.put("error_description", description);
        return Json.reply(status, o);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
