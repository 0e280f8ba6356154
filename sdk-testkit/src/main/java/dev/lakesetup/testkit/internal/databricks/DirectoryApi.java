package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * SCIM users and groups of the workspace (and, with the same members, of the account): listing with a
 * {@code filter} of one comparison ({@code userName}, {@code displayName} or {@code id}; {@code eq}, {@code co} or
 * {@code sw}, compared case-insensitively) and paging by {@code startIndex} and {@code count}.
 */
final class DirectoryApi {
    private static final String WS_SCIM = "/api/2.0/preview/scim/v2/";
    private static final String ACC_SCIM = "/api/2.0/accounts/{account_id}/scim/v2/";
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final WorkspaceContext ctx;

    DirectoryApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", WS_SCIM + "Users", ex -> list(ex, true))
                .add("GET", WS_SCIM + "Groups", ex -> list(ex, false))
                .add("GET", ACC_SCIM + "Users", ex -> list(account(ex), true))
                .add("GET", ACC_SCIM + "Groups", ex -> list(account(ex), false));
    }

    private HttpExchange account(HttpExchange ex) {
        if (!ctx.settings().accountId().equals(ex.param("account_id"))) {
            throw ApiException.notFound("NOT_FOUND", "Account " + ex.param("account_id") + " does not exist.");
        }
        return ex;
    }

    private HttpReply list(HttpExchange ex, boolean users) {
        if (!ctx.caller().admin()) {
            throw ApiException.denied("Only admins can perform this operation.");
        }
        Identities ids = ctx.identities();
        String filter = ex.queryParam("filter");
        List<ObjectNode> matching = new ArrayList<>();
        for (String name : users ? ids.users() : ids.groups()) {
            String id = ids.directoryId(name);
            if (matches(filter, users, name, id)) {
                matching.add(users ? user(name, id) : group(name, id));
            }
        }
        return Json.ok(IdentityApi.listResponse(ex, matching));
    }

    private static boolean matches(String filter, boolean users, String name, String id) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        Matcher m = IdentityApi.FILTER.matcher(filter);
        if (!m.matches()) {
            throw new ScimException(400, "Invalid filter: " + filter);
        }
        String attribute = m.group(1).toLowerCase(Locale.ROOT);
        String actual = switch (attribute) {
            case "id" -> id;
            case "displayname" -> name;
            case "username" -> {
                if (!users) {
                    throw new ScimException(400, "Unsupported filter attribute: " + m.group(1));
                }
                yield name;
            }
            default -> throw new ScimException(400, "Unsupported filter attribute: " + m.group(1));
        };
        String value = m.group(3).replaceAll("\\\\(.)", "$1").toLowerCase(Locale.ROOT);
        String lower = actual.toLowerCase(Locale.ROOT);
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "eq" -> lower.equals(value);
            case "co" -> lower.contains(value);
            default -> lower.startsWith(value);
        };
    }

    private static ObjectNode user(String name, String id) {
        ObjectNode o = Json.object();
        o.putArray("schemas").add(USER_SCHEMA);
        o.put("id", id);
        o.put("userName", name);
        o.put("displayName", name);
        o.put("active", true);
        return o;
    }

    private static ObjectNode group(String name, String id) {
        ObjectNode o = Json.object();
        o.putArray("schemas").add(GROUP_SCHEMA);
        o.put("id", id);
        o.put("displayName", name);
        return o;
    }
}
