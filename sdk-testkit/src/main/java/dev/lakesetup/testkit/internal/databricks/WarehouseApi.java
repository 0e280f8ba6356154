package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL warehouses and their permissions ({@code /api/2.0/sql/warehouses}, {@code /api/2.0/permissions/warehouses}). */
final class WarehouseApi {

    private static final Set<String> LEVELS = Set.of("CAN_MANAGE", "CAN_MONITOR", "CAN_USE", "CAN_VIEW", "IS_OWNER");
    private static final List<String> KINDS = List.of("user_name", "group_name", "service_principal_name");

    private final WorkspaceContext ctx;

    WarehouseApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/api/2.0/sql/warehouses", ex -> {
            ObjectNode out = Json.object();
            ArrayNode arr = out.putArray("warehouses");
            ctx.warehouses().values().stream().filter(w -> canUse(w)).forEach(w -> arr.add(warehouseJson(w)));
            return Json.ok(out);
        })
                .add("GET", "/api/2.0/sql/warehouses/{id}", ex -> Json.ok(warehouseJson(visible(ex.param("id")))))
                .add("GET", "/api/2.0/permissions/warehouses/{id}", ex -> Json.ok(aclJson(visible(ex.param("id")))))
                .add("PATCH", "/api/2.0/permissions/warehouses/{id}", ex -> change(ex, false))
                .add("PUT", "/api/2.0/permissions/warehouses/{id}", ex -> change(ex, true));
    }

    /** Returns a warehouse by id; 404 RESOURCE_DOES_NOT_EXIST. */
    WorkspaceContext.Warehouse existing(String id) {
        WorkspaceContext.Warehouse w = ctx.warehouses().get(id);
        if (w == null) {
            throw ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "Warehouse " + id + " does not exist.");
        }
        return w;
    }

    /** Returns whether the caller may run statements on a warehouse. */
    boolean canUse(WorkspaceContext.Warehouse w) {
        Caller c = ctx.caller();
        if (c.admin()) {
            return true;
        }
        for (String kind : KINDS) {
            if (w.acl.containsKey(kind + ":" + c.name())) {
                return true;
            }
        }
        return w.acl.containsKey("group_name:users");
    }

    private WorkspaceContext.Warehouse visible(String id) {
        WorkspaceContext.Warehouse w = existing(id);
        if (!canUse(w)) {
            throw ApiException.denied("User does not have permission to access warehouse " + id + ".");
        }
        return w;
    }

    private HttpReply change(HttpExchange ex, boolean replace) {
        WorkspaceContext.Warehouse w = existing(ex.param("id"));
        Caller caller = ctx.caller();
        if (!caller.admin() && !"CAN_MANAGE".equals(w.acl.get("service_principal_name:" + caller.name()))) {
            throw ApiException.denied("User does not have CAN_MANAGE permission on warehouse " + w.id + ".");
        }
        JsonNode list = Json.parseBody(ex.body()).get("access_control_list");
        if (list == null || !list.isArray()) {
            throw ApiException.invalid("Missing required field: access_control_list");
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (JsonNode entry : list) {
            parsed.put(principalKey(entry), level(entry));
        }
        if (replace) {
            String owner = w.acl.entrySet().stream().filter(e -> e.getValue().equals("IS_OWNER"))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (owner == null && !parsed.containsValue("IS_OWNER")) {
                throw ApiException.invalid("PUT requests for warehouse " + w.id + " with no existing owner must "
                        + "provide a new owner.");
            }
            w.acl.clear();
            if (owner != null && !parsed.containsValue("IS_OWNER")) {
                w.acl.put(owner, "IS_OWNER");
            }
        }
        w.acl.putAll(parsed);
        return Json.ok(aclJson(w));
    }

    /** Returns the {@code kind:name} key of the one principal an access control entry names (400 otherwise). */
    private String principalKey(JsonNode entry) {
        String key = null;
        for (String kind : KINDS) {
            String name = Json.text(entry, kind);
            if (name != null) {
                if (key != null) {
                    throw ApiException.invalid("Exactly one of user_name, group_name or service_principal_name "
                            + "must be set in an access control entry.");
                }
                key = kind + ":" + name;
                if (!ctx.identities().grantable(name)) {
                    throw ApiException.invalid("Principal " + name + " does not exist.");
                }
            }
        }
        if (key == null) {
            throw ApiException.invalid("One of user_name, group_name or service_principal_name must be set.");
        }
        return key;
    }

    /** Returns an access control entry's permission level, one a warehouse supports (400 otherwise). */
    private static String level(JsonNode entry) {
        String level = Json.requiredText(entry, "permission_level");
        if (!LEVELS.contains(level)) {
            throw ApiException.invalid("Invalid permission level '" + level + "' for warehouses; expected one of "
                    + new java.util.TreeSet<>(LEVELS) + ".");
        }
        return level;
    }

    private ObjectNode aclJson(WorkspaceContext.Warehouse w) {
        ObjectNode out = Json.object();
        out.put("object_id", "/sql/warehouses/" + w.id);
        out.put("object_type", "warehouses");
        ArrayNode arr = out.putArray("access_control_list");
        w.acl.forEach((key, level) -> {
            int colon = key.indexOf(':');
            ObjectNode e = arr.addObject();
            e.put(key.substring(0, colon), key.substring(colon + 1));
            e.putArray("all_permissions").addObject().put("permission_level", level).put("inherited", false);
        });
        ObjectNode admins = arr.addObject();
        admins.put("group_name", "admins");
        admins.putArray("all_permissions").addObject().put("permission_level", "CAN_MANAGE").put("inherited", true)
                .putArray("inherited_from_object").add("/sql/warehouses/");
        return out;
    }

    private ObjectNode warehouseJson(WorkspaceContext.Warehouse w) {
        ObjectNode o = Json.object();
        o.put("id", w.id);
        o.put("name", w.name);
        o.put("state", "RUNNING");
        o.put("cluster_size", "2X-Small");
        o.put("warehouse_type", "PRO");
        o.put("enable_serverless_compute", true);
        o.put("auto_stop_mins", 10);
        o.put("num_clusters", 1);
        o.put("min_num_clusters", 1);
        o.put("max_num_clusters", 1);
        o.put("creator_name", ctx.settings().adminUser());
        String hostname = ctx.host().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        ObjectNode odbc = o.putObject("odbc_params");
        odbc.put("hostname", hostname);
        odbc.put("path", "/sql/1.0/warehouses/" + w.id);
        odbc.put("protocol", "https");
        odbc.put("port", 443);
        o.put("jdbc_url", "jdbc:databricks://" + hostname + ":443/default;transportMode=http;ssl=1;AuthMech=3;"
                + "httpPath=/sql/1.0/warehouses/" + w.id + ";");
        return o;
    }
}
