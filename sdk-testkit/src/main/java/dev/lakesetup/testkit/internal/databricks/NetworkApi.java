package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's IP access lists, read-only ({@code GET /api/2.0/ip-access-lists}), and the workspace setting that
 * switches them on ({@code GET /api/2.0/workspace-conf?keys=enableIpAccessLists}); both for workspace admins only.
 * Tests seed the lists through {@code FakeWorkspace.seedIpAccessList}.
 */
final class NetworkApi {
    static final String FEATURE_KEY = "enableIpAccessLists";

    private final WorkspaceContext ctx;

    NetworkApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/api/2.0/ip-access-lists", ex -> list())
                .add("GET", "/api/2.0/workspace-conf", this::conf);
    }

    private HttpReply list() {
        requireAdmin();
        ObjectNode out = Json.object();
        ArrayNode lists = out.putArray("ip_access_lists");
        for (IpAccessLists.Entry entry : ctx.ipAccessLists().lists()) {
            ObjectNode list = lists.addObject();
            list.put("list_id", entry.id()).put("label", entry.label()).put("list_type", entry.type())
                    .put("enabled", entry.enabled()).put("address_count", entry.addresses().size());
            entry.addresses().forEach(list.putArray("ip_addresses")::add);
        }
        return Json.ok(out);
    }

    private HttpReply conf(HttpExchange ex) {
        requireAdmin();
        String keys = ex.queryParam("keys");
        if (keys == null || keys.isBlank()) {
            throw ApiException.invalid("Missing required field: keys");
        }
        List<String> unknown = new ArrayList<>();
        ObjectNode out = Json.object();
        for (String key : keys.split(",")) {
            if (key.strip().equals(FEATURE_KEY)) {
                out.put(FEATURE_KEY, Boolean.toString(ctx.ipAccessLists().featureEnabled()));
            } else {
                unknown.add(key.strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("Invalid keys: " + unknown);
        }
        return Json.ok(out);
    }

    private void requireAdmin() {
        if (!ctx.caller().admin()) {
            throw ApiException.denied("Only workspace admins can read IP access lists and workspace settings.");
        }
    }
}
