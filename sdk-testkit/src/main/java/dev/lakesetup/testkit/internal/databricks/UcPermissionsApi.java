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
import java.util.Map;
import java.util.TreeMap;

/**
 * The Unity Catalog grant endpoints: read ({@code GET /permissions/{type}/{name}}), change ({@code PATCH}) and the
 * effective privileges with their inheritance ({@code GET /effective-permissions/{type}/{name}}).
 */
final class UcPermissionsApi {

    private static final String UC = "/api/2.1/unity-catalog";

    private final WorkspaceContext ctx;

    UcPermissionsApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", UC + "/permissions/{type}/{name}", this::getPermissions)
                .add("PATCH", UC + "/permissions/{type}/{name}", this::updatePermissions)
                .add("GET", UC + "/effective-permissions/{type}/{name}", this::effectivePermissions);
    }

    private HttpReply getPermissions(HttpExchange ex) {
        Securable s = securable(ex);
        ctx.uc().requireVisible(ctx.caller(), s);
        String principal = ex.queryParam("principal");
        List<ObjectNode> assignments = new ArrayList<>();
        Grants grants = ctx.uc().grants();
        ctx.grantsForRead(s).forEach((p, privs) -> {
            if (principal == null || principal.equals(p)) {
                assignments.add(GrantPages.assignment(grants, p, privs));
            }
        });
        return Json.ok(GrantPages.page(ex, assignments, "privilege_assignments", grants.pageSize()));
    }

    private HttpReply updatePermissions(HttpExchange ex) {
        Securable s = securable(ex);
        ObjectNode body = Json.parseBody(ex.body());
        JsonNode changes = body.get("changes");
        if (changes != null && !changes.isArray()) {
            throw ApiException.invalid("Field 'changes' must be an array");
        }
        ctx.uc().requireCanGrant(ctx.caller(), s);
        List<Object[]> parsed = new ArrayList<>();
        if (changes != null) {
            for (JsonNode ch : changes) {
                String principal = changePrincipal(ch);
                List<String> add = normalise(s, Json.strings(ch, "add"));
                List<String> remove = normalise(s, Json.strings(ch, "remove"));
                if (Json.text(ch, "principal_id") == null || !add.isEmpty()) {
                    // a deleted principal's privileges can only be removed, by id
                    ctx.requireGrantable(principal);
                }
                parsed.add(new Object[] {principal, add, remove});
            }
        }
        ctx.beforeGrantChange(s);
        for (Object[] p : parsed) {
            apply(s, (String) p[0], (List<?>) p[1], (List<?>) p[2]);
        }
        List<ObjectNode> assignments = new ArrayList<>();
        Grants grants = ctx.uc().grants();
        grants.direct(s).forEach((p, privs) -> assignments.add(GrantPages.assignment(grants, p, privs)));
        ObjectNode out = Json.object();
        out.putArray("privilege_assignments").addAll(assignments);
        return Json.ok(out);
    }

    private void apply(Securable s, String principal, List<?> add, List<?> remove) {
        ctx.uc().grants().add(s, principal, add.stream().map(Object::toString).toList());
        ctx.uc().grants().remove(s, principal, remove.stream().map(Object::toString).toList());
    }

    private HttpReply effectivePermissions(HttpExchange ex) {
        Securable s = securable(ex);
        ctx.uc().requireVisible(ctx.caller(), s);
        String principal = ex.queryParam("principal");
        Map<String, ArrayNode> byPrincipal = new TreeMap<>();
        for (Grants.Effective e : ctx.uc().grants().effective(s, principal)) {
            ObjectNode p = Json.object();
            p.put("privilege", e.privilege());
            if (e.inheritedFrom() != null) {
                p.put("inherited_from_type", e.inheritedFrom().upperType());
                p.put("inherited_from_name", e.inheritedFrom().fullName());
            }
            byPrincipal.computeIfAbsent(e.principal(), k -> Json.array()).add(p);
        }
        List<ObjectNode> assignments = new ArrayList<>();
        byPrincipal.forEach((p, privs) -> {
            ObjectNode a = Json.object();
            a.put("principal", p);
            a.set("privileges", privs);
            assignments.add(a);
        });
        return Json.ok(GrantPages.page(ex, assignments, "privilege_assignments", ctx.uc().grants().pageSize()));
    }

    private List<String> normalise(Securable s, List<String> raw) {
        return raw.stream().map(p -> Privileges.normalise(s.type(), p)).toList();
    }

    private Securable securable(HttpExchange ex) {
        String type = ex.param("type").toLowerCase(Locale.ROOT);
        if (!Privileges.supportsType(type)) {
            throw ApiException.invalid("Invalid securable type '" + ex.param("type") + "'");
        }
        return ctx.uc().resolve(type, ex.param("name"));
    }

    /**
     * Returns whom one change of a PATCH names: {@code principal}, or {@code principal_id} (never both), which only
     * a deleted principal's grants are known by here.
     */
    private String changePrincipal(JsonNode change) {
        String name = Json.text(change, "principal");
        String id = Json.text(change, "principal_id");
        if ((name == null || name.isEmpty()) == (id == null || id.isEmpty())) {
            throw ApiException.invalid("Only one of principal or principal_id should be specified, never both");
        }
        if (name != null && !name.isEmpty()) {
            return name;
        }
        String deleted = ctx.uc().grants().deletedName(id);
        if (deleted == null) {
            throw new ApiException(404, "PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with id " + id);
        }
        return deleted;
    }
}
