package dev.lakesetup.testkit.internal.azure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Azure Resource Manager: built-in role definitions and role assignments at any scope. */
final class ArmApi {

    private static final String AUTHZ = "/providers/Microsoft.Authorization/";
    private static final Pattern ACCOUNT_SCOPE = Pattern.compile(
            "/subscriptions/[^/]+/resourceGroups/([^/]+)/providers/Microsoft\\.Storage/storageAccounts/([^/]+)(/.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AzureState state;

    ArmApi(AzureState state) {
        this.state = state;
    }

    void register(Router router) {
        for (String prefix : List.of("", "/{scope...}")) {
            router.add("GET", prefix + AUTHZ + "roleDefinitions/{id}", this::getDefinition)
                    .add("GET", prefix + AUTHZ + "roleDefinitions", this::listDefinitions)
                    .add("PUT", prefix + AUTHZ + "roleAssignments/{name}", this::putAssignment)
                    .add("GET", prefix + AUTHZ + "roleAssignments/{name}", this::getAssignment)
                    .add("DELETE", prefix + AUTHZ + "roleAssignments/{name}", this::deleteAssignment)
                    .add("GET", prefix + AUTHZ + "roleAssignments", this::listAssignments);
        }
    }

    /** Returns whether a path belongs to ARM (for the error dialect). */
    static boolean owns(String path) {
        return path.startsWith("/subscriptions/") || path.startsWith("/providers/") || path.contains(AUTHZ);
    }

    // ----- role definitions

    private HttpReply getDefinition(HttpExchange ex) {
        String scope = scope(ex);
        RoleDefinitions.Role role = RoleDefinitions.byId(ex.param("id"));
        if (role == null) {
            throw AzureError.notFound("RoleDefinitionDoesNotExist",
                    "The specified role definition with ID '" + ex.param("id") + "' does not exist.");
        }
        return AzureJson.reply(200, render(role, scope));
    }

    private HttpReply listDefinitions(HttpExchange ex) {
        String scope = scope(ex);
        Predicate<RoleDefinitions.Role> keep = r -> true;
        for (ODataFilter.Condition c : ODataFilter.parse(ex.queryParam("$filter"), "InvalidFilterInQueryString")) {
            String v = c.value();
            keep = keep.and(switch (c.field()) {
                case "rolename" -> r -> r.name().equalsIgnoreCase(v);
                case "type" -> r -> "BuiltInRole".equalsIgnoreCase(v);
                default -> throw AzureError.badRequest("InvalidFilterInQueryString",
                        "The filter '" + ex.queryParam("$filter") + "' is not supported.");
            });
        }
        ArrayNode value = AzureJson.MAPPER.createArrayNode();
        RoleDefinitions.BUILT_IN.stream().filter(keep).forEach(r -> value.add(render(r, scope)));
        ObjectNode out = AzureJson.object();
        out.set("value", value);
        return AzureJson.reply(200, out);
    }

    private ObjectNode render(RoleDefinitions.Role role, String scope) {
        ObjectNode o = AzureJson.object();
        ObjectNode p = o.putObject("properties");
        p.put("roleName", role.name());
        p.put("type", "BuiltInRole");
        p.put("description", role.description());
        p.putArray("assignableScopes").add("/");
        ObjectNode perm = p.putArray("permissions").addObject();
        role.actions().forEach(perm.putArray("actions")::add);
        perm.putArray("notActions");
        role.dataActions().forEach(perm.putArray("dataActions")::add);
        perm.putArray("notDataActions");
        p.put("createdOn", "2017-12-21T00:01:24.7972312Z");
        p.put("updatedOn", "2021-11-11T20:13:54.9397456Z");
        p.putNull("createdBy");
        p.putNull("updatedBy");
        o.put("id", definitionId(role.id(), scope));
        o.put("type", "Microsoft.Authorization/roleDefinitions");
        o.put("name", role.id());
        return o;
    }

    private String definitionId(String guid, String scope) {
        String base = "/".equals(scope) ? "" : "/subscriptions/" + state.settings().subscriptionId();
        return base + AUTHZ + "roleDefinitions/" + guid;
    }

    // ----- role assignments

    private HttpReply putAssignment(HttpExchange ex) {
        String scope = scope(ex);
        String name = ex.param("name");
        if (!GUID.matcher(name).matches()) {
            throw AzureError.badRequest("InvalidRoleAssignmentId", "The role assignment ID '" + name
                    + "' is not valid. The role assignment ID must be a GUID.");
        }
        ObjectNode props = (ObjectNode) AzureJson.parse(ex.body(), "InvalidRequestContent").get("properties");
        String roleDefinitionId = AzureJson.text(props, "roleDefinitionId");
        String principalId = AzureJson.text(props, "principalId");
        if (roleDefinitionId == null || principalId == null) {
            throw AzureError.badRequest("InvalidRequestContent",
                    "The request content was invalid: properties.roleDefinitionId and properties.principalId are "
                            + "required.");
        }
        requireWriteAccess(scope, name);
        String roleId = RoleDefinitions.guidOf(roleDefinitionId);
        if (RoleDefinitions.byId(roleId) == null) {
            throw AzureError.badRequest("RoleDefinitionDoesNotExist",
                    "The specified role definition with ID '" + roleId + "' does not exist.");
        }
        String principalType = AzureJson.text(props, "principalType");
        AzureState.Assignment existing = state.assignment(scope, name);
        if (existing != null) {
            if (existing.principalId().equalsIgnoreCase(principalId) && existing.roleId().equals(roleId)) {
                return AzureJson.reply(201, render(existing));
            }
            throw AzureError.badRequest("RoleAssignmentUpdateNotPermitted",
                    "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
        }
        requireNoTwin(scope, principalId, roleId);
        requireKnownPrincipal(principalId, principalType);
        AzureState.Assignment created = new AzureState.Assignment(name, scope, roleId, principalId,
                principalType == null ? "ServicePrincipal" : principalType, state.now());
        state.putAssignment(created);
        return AzureJson.reply(201, render(created));
    }

    /** Answers 403 AuthorizationFailed when the caller may not write role assignments at the scope. */
    private void requireWriteAccess(String scope, String name) {
        if (state.denied(scope)) {
            throw new AzureError(403, "AuthorizationFailed", "The client '" + state.settings().callerObjectId()
                    + "' with object id '" + state.settings().callerObjectId() + "' does not have authorization to "
                    + "perform action 'Microsoft.Authorization/roleAssignments/write' over scope '" + scope
                    + "/providers/Microsoft.Authorization/roleAssignments/" + name + "' or the scope is invalid. If "
                    + "access was recently granted, please refresh your credentials.");
        }
    }

    /** Answers 409 RoleAssignmentExists when another assignment gives the principal the same role at the scope. */
    private void requireNoTwin(String scope, String principalId, String roleId) {
        for (AzureState.Assignment a : state.assignments()) {
            if (a.scope().equalsIgnoreCase(scope) && a.principalId().equalsIgnoreCase(principalId)
                    && a.roleId().equals(roleId)) {
                throw AzureError.conflict("RoleAssignmentExists", "The role assignment already exists. The ID of "
                        + "the existing role assignment is " + a.name().replace("-", "") + ".");
            }
        }
    }

    /**
     * Answers 400 PrincipalNotFound for a principal Resource Manager does not see yet (replication delay), and 400
     * UnmatchedPrincipalType when the request names another type than a service principal.
     */
    private void requireKnownPrincipal(String principalId, String principalType) {
        if (state.principalHiddenFromArm(principalId)) {
            throw AzureError.badRequest("PrincipalNotFound", "Principal " + principalId.replace("-", "")
                    + " does not exist in the directory " + state.settings().tenantId() + ". Check that you have "
                    + "the correct principal ID. If you are creating this principal and then immediately assigning "
                    + "a role, this error might be related to a replication delay. In this case, set the role "
                    + "assignment principalType property to a value, such as ServicePrincipal, User, or Group.");
        }
        if (principalType != null && !"ServicePrincipal".equals(principalType)) {
            throw AzureError.badRequest("UnmatchedPrincipalType", "The PrincipalId '" + principalId.replace("-", "")
                    + "' has type 'ServicePrincipal' , which is different from specified PrincipalType '"
                    + principalType + "'.");
        }
    }

    private HttpReply getAssignment(HttpExchange ex) {
        String scope = scope(ex);
        AzureState.Assignment a = state.assignment(scope, ex.param("name"));
        if (a == null) {
            throw AzureError.notFound("RoleAssignmentNotFound",
                    "The role assignment '" + ex.param("name") + "' is not found.");
        }
        return AzureJson.reply(200, render(a));
    }

    private HttpReply deleteAssignment(HttpExchange ex) {
        AzureState.Assignment a = state.removeAssignment(scope(ex), ex.param("name"));
        return a == null ? new HttpReply(204, Map.of(), "") : AzureJson.reply(200, render(a));
    }

    private HttpReply listAssignments(HttpExchange ex) {
        String scope = scope(ex);
        boolean atScope = false;
        Predicate<AzureState.Assignment> keep = a -> true;
        for (ODataFilter.Condition c : ODataFilter.parse(ex.queryParam("$filter"), "InvalidFilterInQueryString")) {
            String v = c.value();
            switch (c.kind()) {
                case AT_SCOPE -> atScope = true;
                case ASSIGNED_TO -> keep = keep.and(a -> a.principalId().equalsIgnoreCase(v));
                case EQ -> {
                    if (!"principalid".equals(c.field())) {
                        throw unsupportedFilter(ex);
                    }
                    keep = keep.and(a -> a.principalId().equalsIgnoreCase(v));
                }
                case STARTS_WITH, ANY_EQ -> throw unsupportedFilter(ex);
            }
        }
        boolean onlyAbove = atScope;
        ArrayNode value = AzureJson.MAPPER.createArrayNode();
        state.assignments().stream().filter(keep)
                .filter(a -> covers(a.scope(), scope) || (!onlyAbove && covers(scope, a.scope())))
                .forEach(a -> value.add(render(a)));
        ObjectNode out = AzureJson.object();
        out.set("value", value);
        return AzureJson.reply(200, out);
    }

    private static AzureError unsupportedFilter(HttpExchange ex) {
        return AzureError.badRequest("InvalidFilterInQueryString",
                "The filter '" + ex.queryParam("$filter") + "' is not supported.");
    }

    /** Returns whether {@code outer} is {@code inner} or one of its ancestors. */
    private static boolean covers(String outer, String inner) {
        String o = AzureState.key(outer);
        String i = AzureState.key(inner);
        return "/".equals(o) || i.equals(o) || i.startsWith(o + "/");
    }

    private ObjectNode render(AzureState.Assignment a) {
        ObjectNode o = AzureJson.object();
        ObjectNode p = o.putObject("properties");
        p.put("roleDefinitionId", definitionId(a.roleId(), a.scope()));
        p.put("principalId", a.principalId());
        p.put("principalType", a.principalType());
        p.put("scope", a.scope());
        p.putNull("condition");
        p.putNull("conditionVersion");
        p.put("createdOn", a.created().toString());
        p.put("updatedOn", a.created().toString());
        p.put("createdBy", state.settings().callerObjectId());
        p.put("updatedBy", state.settings().callerObjectId());
        p.putNull("delegatedManagedIdentityResourceId");
        p.putNull("description");
        o.put("id", a.id());
        o.put("type", "Microsoft.Authorization/roleAssignments");
        o.put("name", a.name());
        return o;
    }

    /** Validates the api-version and the scope of a request and returns the scope ({@code /} for the root). */
    private String scope(HttpExchange ex) {
        if (ex.queryParam("api-version") == null) {
            throw AzureError.badRequest("MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        String raw = ex.param("scope");
        if (raw == null) {
            return "/";
        }
        String scope = "/" + raw.replaceAll("/+$", "");
        String[] parts = scope.split("/");
        if (parts.length < 3 || !"subscriptions".equalsIgnoreCase(parts[1])) {
            throw AzureError.badRequest("InvalidScope", "The scope '" + scope + "' is not valid.");
        }
        if (!parts[2].equalsIgnoreCase(state.settings().subscriptionId())) {
            throw AzureError.notFound("SubscriptionNotFound", "The subscription '" + parts[2]
                    + "' could not be found.");
        }
        Matcher m = ACCOUNT_SCOPE.matcher(scope);
        if (m.matches()) {
            AzureState.StorageAccount account = state.account(m.group(2));
            if (account == null || !account.resourceGroup().equalsIgnoreCase(m.group(1))) {
                throw AzureError.notFound("ResourceNotFound", "The Resource 'Microsoft.Storage/storageAccounts/"
                        + m.group(2) + "' under resource group '" + m.group(1) + "' was not found.");
            }
        }
        return scope;
    }

    /** Returns a new random assignment name. */
    static String newName() {
        return UUID.randomUUID().toString();
    }
}
