package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM service principals, in the workspace and in the account; the account's workspace assignments and OAuth
 * secrets are {@link AccountApi}.
 */
final class IdentityApi {

    private static final String WS_SCIM = "/api/2.0/preview/scim/v2/ServicePrincipals";
    private static final String ACC = "/api/2.0/accounts/{account_id}";
    private static final String SP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
    /** One SCIM comparison: attribute, operator, quoted value. */
    static final Pattern FILTER = Pattern.compile("\\s*(\\w+)\\s+(eq|co|sw)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*",
            Pattern.CASE_INSENSITIVE);
    /** The largest SCIM page: the API reference constrains {@code count} to at most 100. */
    private static final int MAX_COUNT = 100;

    private final WorkspaceContext ctx;

    IdentityApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", WS_SCIM, ex -> create(ex, true))
                .add("GET", WS_SCIM, ex -> list(ex, true))
                .add("GET", WS_SCIM + "/{id}", ex -> Json.ok(spJson(ids().byId(ex.param("id"), true))))
                .add("PATCH", WS_SCIM + "/{id}", ex -> patch(ex, true))
                .add("PUT", WS_SCIM + "/{id}", ex -> replace(ex, true))
                .add("DELETE", WS_SCIM + "/{id}", ex -> delete(ex, true))
                .add("POST", ACC + "/scim/v2/ServicePrincipals", ex -> create(account(ex), false))
                .add("GET", ACC + "/scim/v2/ServicePrincipals", ex -> list(account(ex), false))
                .add("GET", ACC + "/scim/v2/ServicePrincipals/{id}",
                        ex -> Json.ok(spJson(ids().byId(account(ex).param("id"), false))))
                .add("PATCH", ACC + "/scim/v2/ServicePrincipals/{id}", ex -> patch(account(ex), false))
                .add("PUT", ACC + "/scim/v2/ServicePrincipals/{id}", ex -> replace(account(ex), false))
                .add("DELETE", ACC + "/scim/v2/ServicePrincipals/{id}", ex -> delete(account(ex), false));
    }

    private Identities ids() {
        return ctx.identities();
    }

    private HttpExchange account(HttpExchange ex) {
        return requireAccount(ctx, ex);
    }

    private void requireAdmin() {
        requireAdmin(ctx);
    }

    /** Checks that the caller is an admin and the request names this account (403 or 404 otherwise). */
    static HttpExchange requireAccount(WorkspaceContext ctx, HttpExchange ex) {
        requireAdmin(ctx);
        if (!ctx.settings().accountId().equals(ex.param("account_id"))) {
            throw ApiException.notFound("NOT_FOUND", "Account " + ex.param("account_id") + " does not exist.");
        }
        return ex;
    }

    /** Checks that the caller is an admin (403 otherwise). */
    static void requireAdmin(WorkspaceContext ctx) {
        if (!ctx.caller().admin()) {
            throw ApiException.denied("Only admins can perform this operation.");
        }
    }

    private HttpReply create(HttpExchange ex, boolean workspace) {
        requireAdmin();
        ObjectNode body = Json.parseBody(ex.body());
        List<String> entitlements = new ArrayList<>();
        body.path("entitlements").forEach(e -> entitlements.add(e.path("value").asText()));
        Identities.Principal p = ids().create(Json.text(body, "displayName"), Json.text(body, "applicationId"),
                Json.text(body, "externalId"), body.path("active").asBoolean(true), entitlements, workspace);
        return Json.reply(201, spJson(p));
    }

    private HttpReply list(HttpExchange ex, boolean workspace) {
        requireAdmin();
        Predicate<Identities.Principal> filter = filter(ex.queryParam("filter"));
        List<ObjectNode> all = ids().all(workspace).stream().filter(filter).map(IdentityApi::spJson).toList();
        return Json.ok(listResponse(ex, all));
    }

    /**
     * Returns a SCIM ListResponse of the page {@code startIndex} (from 1) and {@code count} ask for; a {@code count}
     * over {@value #MAX_COUNT} gets {@value #MAX_COUNT}, as the service documents it ({@code count <= 100}).
     */
    static ObjectNode listResponse(HttpExchange ex, List<ObjectNode> all) {
        int start = intParam(ex, "startIndex", 1);
        String asked = ex.queryParam("count");
        int count = asked == null || asked.isBlank() ? all.size() : Math.min(intParam(ex, "count", 0), MAX_COUNT);
        int from = Math.min(all.size(), Math.max(start, 1) - 1);
        int to = Math.min(all.size(), from + Math.max(count, 0));
        ObjectNode out = Json.object();
        out.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        out.put("totalResults", all.size());
        out.put("startIndex", Math.max(start, 1));
        out.put("itemsPerPage", to - from);
        ArrayNode resources = out.putArray("Resources");
        all.subList(from, to).forEach(resources::add);
        return out;
    }

    private HttpReply patch(HttpExchange ex, boolean workspace) {
        requireAdmin();
        Identities.Principal p = ids().byId(ex.param("id"), workspace);
        ObjectNode body = Json.parseBody(ex.body());
        JsonNode ops = body.get("Operations");
        if (ops == null || !ops.isArray()) {
            throw new ScimException(400, "Missing Operations in PATCH request.");
        }
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("").toLowerCase(Locale.ROOT);
            String path = op.path("path").asText("");
            if (path.equals("active") && kind.equals("replace")) {
                p.active = op.path("value").asBoolean(true);
                continue;
            }
            if (!path.startsWith("entitlements")) {
                throw new ScimException(400, "Unsupported PATCH path: " + path);
            }
            switch (kind) {
                case "add" -> op.path("value").forEach(v -> p.entitlements.add(v.path("value").asText()));
                case "remove" -> {
                    Matcher m = Pattern.compile("entitlements\\[value eq \"([^\"]*)\"]").matcher(path);
                    if (m.matches()) {
                        p.entitlements.remove(m.group(1));
                    } else {
                        op.path("value").forEach(v -> p.entitlements.remove(v.path("value").asText()));
                    }
                }
                case "replace" -> {
                    p.entitlements.clear();
                    op.path("value").forEach(v -> p.entitlements.add(v.path("value").asText()));
                }
                default -> throw new ScimException(400, "Unsupported PATCH op: " + kind);
            }
        }
        return Json.ok(spJson(p));
    }

    private HttpReply replace(HttpExchange ex, boolean workspace) {
        requireAdmin();
        Identities.Principal p = ids().byId(ex.param("id"), workspace);
        ObjectNode body = Json.parseBody(ex.body());
        if (body.hasNonNull("displayName")) {
            p.displayName = body.get("displayName").asText();
        }
        p.active = body.path("active").asBoolean(p.active);
        p.entitlements.clear();
        body.path("entitlements").forEach(e -> p.entitlements.add(e.path("value").asText()));
        return Json.ok(spJson(p));
    }

    private HttpReply delete(HttpExchange ex, boolean workspace) {
        requireAdmin();
        Identities.Principal p = ids().byId(ex.param("id"), workspace);
        if (workspace) {
            p.inWorkspace = false;
            p.workspacePermissions.clear();
        } else {
            ids().delete(p);
        }
        return HttpReply.of(204, "application/json", "");
    }

    static ObjectNode spJson(Identities.Principal p) {
        ObjectNode o = Json.object();
        o.putArray("schemas").add(SP_SCHEMA);
        o.put("id", Long.toString(p.id));
        o.put("applicationId", p.applicationId);
        o.put("displayName", p.displayName);
        o.put("active", p.active);
        if (p.externalId != null) {
            o.put("externalId", p.externalId);
        }
        if (!p.entitlements.isEmpty()) {
            ArrayNode arr = o.putArray("entitlements");
            p.entitlements.forEach(e -> arr.addObject().put("value", e));
        }
        return o;
    }

    private static int intParam(HttpExchange ex, String name, int fallback) {
        String v = ex.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ScimException(400, "Invalid " + name + ": " + v);
        }
    }

    private static Predicate<Identities.Principal> filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return p -> true;
        }
        Matcher m = FILTER.matcher(filter);
        if (!m.matches()) {
            throw new ScimException(400, "Invalid filter: " + filter);
        }
        String attr = m.group(1).toLowerCase(Locale.ROOT);
        String op = m.group(2).toLowerCase(Locale.ROOT);
        String value = m.group(3).replaceAll("\\\\(.)", "$1");
        return p -> {
            String actual = switch (attr) {
                case "applicationid" -> p.applicationId;
                case "displayname" -> p.displayName;
                case "id" -> Long.toString(p.id);
                case "externalid" -> p.externalId;
                default -> throw new ScimException(400, "Unsupported filter attribute: " + m.group(1));
            };
            if (actual == null) {
                return false;
            }
            return switch (op) {
                case "eq" -> actual.equalsIgnoreCase(value);
                case "co" -> actual.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
                default -> actual.toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT));
            };
        };
    }
}
