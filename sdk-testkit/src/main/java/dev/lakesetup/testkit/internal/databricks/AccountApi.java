package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account API's workspace permission assignments and service principal OAuth secrets (account-level paths and
 * the account-less secret paths a workspace client uses).
 */
final class AccountApi {

    private static final String ACC = "/api/2.0/accounts/{account_id}";
    private static final Pattern LIFETIME = Pattern.compile("(\\d+)(?:\\.\\d+)?s");
    private static final long DEFAULT_SECRET_LIFETIME = 730L * 24 * 3600;

    private final WorkspaceContext ctx;

    AccountApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("PUT", ACC + "/workspaces/{ws}/permissionassignments/principals/{id}", this::assign)
                .add("DELETE", ACC + "/workspaces/{ws}/permissionassignments/principals/{id}", this::unassign)
                .add("GET", ACC + "/workspaces/{ws}/permissionassignments", this::assignments)
                .add("POST", ACC + "/servicePrincipals/{id}/credentials/secrets", ex -> createSecret(account(ex)))
                .add("GET", ACC + "/servicePrincipals/{id}/credentials/secrets", ex -> listSecrets(account(ex)))
                .add("DELETE", ACC + "/servicePrincipals/{id}/credentials/secrets/{secret_id}",
                        ex -> deleteSecret(account(ex)))
                .add("POST", "/api/2.0/accounts/servicePrincipals/{id}/credentials/secrets", this::createSecret)
                .add("GET", "/api/2.0/accounts/servicePrincipals/{id}/credentials/secrets", this::listSecrets)
                .add("DELETE", "/api/2.0/accounts/servicePrincipals/{id}/credentials/secrets/{secret_id}",
                        this::deleteSecret);
    }

    private Identities ids() {
        return ctx.identities();
    }

    private HttpExchange account(HttpExchange ex) {
        return IdentityApi.requireAccount(ctx, ex);
    }

    private void requireAdmin() {
        IdentityApi.requireAdmin(ctx);
    }

    private HttpReply assign(HttpExchange ex) {
        account(ex);
        requireWorkspace(ex);
        Identities.Principal p = ids().byIdForApi(ex.param("id"));
        // as documented: USER and ADMIN (case-sensitive), ADMIN taking precedence; other values are ignored, and a
        // missing or unsupported list acts as an empty one, which deletes all the principal's permissions
        List<String> permissions = Json.strings(Json.parseBody(ex.body()), "permissions");
        p.workspacePermissions.clear();
        if (permissions.contains("ADMIN")) {
            p.workspacePermissions.add("ADMIN");
        } else if (permissions.contains("USER")) {
            p.workspacePermissions.add("USER");
        }
        p.inWorkspace = !p.workspacePermissions.isEmpty();
        return Json.ok(assignmentJson(p));
    }

    private HttpReply unassign(HttpExchange ex) {
        account(ex);
        requireWorkspace(ex);
        Identities.Principal p = ids().byIdForApi(ex.param("id"));
        p.inWorkspace = false;
        p.workspacePermissions.clear();
        return Json.ok(Json.object());
    }

    private HttpReply assignments(HttpExchange ex) {
        account(ex);
        requireWorkspace(ex);
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("permission_assignments");
        ids().all(true).forEach(p -> arr.add(assignmentJson(p)));
        return Json.ok(out);
    }

    private void requireWorkspace(HttpExchange ex) {
        if (!Long.toString(ctx.settings().workspaceId()).equals(ex.param("ws"))) {
            throw ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "Workspace " + ex.param("ws") + " does not exist.");
        }
    }

    private HttpReply createSecret(HttpExchange ex) {
        requireAdmin();
        Identities.Principal p = ids().byIdForApi(ex.param("id"));
        String lifetime = Json.text(Json.parseBody(ex.body()), "lifetime");
        long seconds = DEFAULT_SECRET_LIFETIME;
        if (lifetime != null) {
            Matcher m = LIFETIME.matcher(lifetime);
            if (!m.matches()) {
                throw ApiException.invalid("Invalid lifetime '" + lifetime + "': expected seconds such as 3600s");
            }
            seconds = Long.parseLong(m.group(1));
        }
        String[] created = ids().createSecret(p, seconds);
        Identities.Secret s = p.secrets.get(p.secrets.size() - 1);
        ObjectNode o = secretJson(s, false);
        o.put("secret", created[1]);
        return Json.ok(o);
    }

    private HttpReply listSecrets(HttpExchange ex) {
        requireAdmin();
        Identities.Principal p = ids().byIdForApi(ex.param("id"));
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("secrets");
        p.secrets.forEach(s -> arr.add(secretJson(s, ids().isExpired(s))));
        return Json.ok(out);
    }

    private HttpReply deleteSecret(HttpExchange ex) {
        requireAdmin();
        Identities.Principal p = ids().byIdForApi(ex.param("id"));
        if (!p.secrets.removeIf(s -> s.id.equals(ex.param("secret_id")))) {
            throw ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "Secret " + ex.param("secret_id")
                    + " does not exist.");
        }
        return Json.ok(Json.object());
    }

    private static ObjectNode secretJson(Identities.Secret s, boolean expired) {
        ObjectNode o = Json.object();
        o.put("id", s.id);
        o.put("secret_hash", s.hash.substring(0, 12));
        o.put("status", expired ? "EXPIRED" : "ACTIVE");
        o.put("create_time", s.createTime);
        o.put("update_time", s.createTime);
        o.put("expire_time", s.expireTime);
        return o;
    }

    private ObjectNode assignmentJson(Identities.Principal p) {
        ObjectNode o = Json.object();
        ObjectNode principal = o.putObject("principal");
        principal.put("principal_id", p.id);
        principal.put("display_name", p.displayName);
        principal.put("service_principal_name", p.applicationId);
        ArrayNode perms = o.putArray("permissions");
        p.workspacePermissions.forEach(perms::add);
        return o;
    }
}
