package dev.lakesetup.testkit.internal.azure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Microsoft Graph {@code /v1.0/servicePrincipals}: create for an existing application, list by filter, get, delete. */
final class GraphApi {

    static final String PREFIX = "/v1.0/";
    private static final String CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals";

    private final AzureState state;

    GraphApi(AzureState state) {
        this.state = state;
    }

    void register(Router router) {
        router.add("POST", "/v1.0/servicePrincipals", this::create)
                .add("GET", "/v1.0/servicePrincipals", this::list)
                .add("GET", "/v1.0/servicePrincipals(appId='{appId}')", ex -> get(byAppId(ex.param("appId"))))
                .add("GET", "/v1.0/servicePrincipals/{id}", ex -> get(byId(ex.param("id"))))
                .add("DELETE", "/v1.0/servicePrincipals/{id}", this::delete);
    }

    private HttpReply create(HttpExchange ex) {
        ObjectNode body = AzureJson.parse(ex.body(), "Request_BadRequest");
        String appId = AzureJson.text(body, "appId");
        if (appId == null || appId.isBlank()) {
            throw AzureError.badRequest("Request_BadRequest",
                    "One or more properties contains invalid values: appId is required.");
        }
        String appName = state.applicationName(appId);
        if (appName != null && findByAppId(appId) != null) {
            throw AzureError.conflict("Request_MultipleObjectsWithSameKeyValue", "The service principal cannot be "
                    + "created, updated, or restored because the service principal name " + appId
                    + " is already in use.");
        }
        if (appName == null || state.consumeApplicationNotYetValid(appId)) {
            throw AzureError.badRequest("Request_BadRequest", "The appId '" + appId
                    + "' of the service principal does not reference a valid application object.");
        }
        String displayName = AzureJson.text(body, "displayName");
        boolean enabled = !body.has("accountEnabled") || body.get("accountEnabled").asBoolean(true);
        AzureState.ServicePrincipal sp = state.addPrincipal(UUID.randomUUID().toString(), appId,
                displayName == null ? appName : displayName, enabled, true);
        ObjectNode out = render(sp);
        out.put("@odata.context", CONTEXT + "/$entity");
        return AzureJson.reply(201, out).withHeader("Location",
                "https://graph.microsoft.com/v2/" + state.settings().tenantId() + "/directoryObjects/" + sp.id()
                        + "/Microsoft.DirectoryServices.ServicePrincipal");
    }

    private HttpReply list(HttpExchange ex) {
        Predicate<AzureState.ServicePrincipal> filter = filter(ex.queryParam("$filter"));
        ArrayNode value = AzureJson.MAPPER.createArrayNode();
        state.principals().stream().filter(filter).forEach(sp -> value.add(render(sp)));
        ObjectNode out = AzureJson.object();
        out.put("@odata.context", CONTEXT);
        out.set("value", value);
        return AzureJson.reply(200, out);
    }

    private HttpReply get(AzureState.ServicePrincipal sp) {
        ObjectNode out = render(sp);
        out.put("@odata.context", CONTEXT + "/$entity");
        return AzureJson.reply(200, out);
    }

    private HttpReply delete(HttpExchange ex) {
        state.removePrincipal(byId(ex.param("id")).id());
        return new HttpReply(204, Map.of(), "");
    }

    private AzureState.ServicePrincipal byId(String id) {
        AzureState.ServicePrincipal sp = state.principal(id);
        if (sp == null) {
            throw notFound(id);
        }
        return sp;
    }

    private AzureState.ServicePrincipal byAppId(String quoted) {
        String appId = quoted.replace("''", "'");
        AzureState.ServicePrincipal sp = findByAppId(appId);
        if (sp == null) {
            throw notFound(appId);
        }
        return sp;
    }

    private AzureState.ServicePrincipal findByAppId(String appId) {
        return state.principals().stream().filter(sp -> sp.appId().equalsIgnoreCase(appId)).findFirst().orElse(null);
    }

    private static AzureError notFound(String id) {
        return AzureError.notFound("Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    private static Predicate<AzureState.ServicePrincipal> filter(String text) {
        Predicate<AzureState.ServicePrincipal> all = sp -> true;
        for (ODataFilter.Condition c : ODataFilter.parse(text, "Request_UnsupportedQuery")) {
            all = all.and(condition(c));
        }
        return all;
    }

    private static Predicate<AzureState.ServicePrincipal> condition(ODataFilter.Condition c) {
        String v = c.value();
        return switch (c.kind()) {
            case EQ -> switch (c.field()) {
                case "appid" -> sp -> sp.appId().equalsIgnoreCase(v);
                case "id" -> sp -> sp.id().equalsIgnoreCase(v);
                case "displayname" -> sp -> v.equals(sp.displayName());
                default -> throw unsupportedProperty(c.field());
            };
            case STARTS_WITH -> {
                if (!"displayname".equals(c.field())) {
                    throw unsupportedProperty(c.field());
                }
                String prefix = v.toLowerCase(Locale.ROOT);
                yield sp -> sp.displayName() != null && sp.displayName().toLowerCase(Locale.ROOT).startsWith(prefix);
            }
            case ANY_EQ -> {
                if (!"serviceprincipalnames".equals(c.field())) {
                    throw unsupportedProperty(c.field());
                }
                yield sp -> names(sp).stream().anyMatch(n -> n.equalsIgnoreCase(v));
            }
            case AT_SCOPE, ASSIGNED_TO -> throw AzureError.badRequest("Request_UnsupportedQuery",
                    "Unsupported query.");
        };
    }

    private static AzureError unsupportedProperty(String field) {
        return AzureError.badRequest("Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property '" + field
                        + "' of resource 'ServicePrincipal'.");
    }

    private static List<String> names(AzureState.ServicePrincipal sp) {
        return List.of(sp.appId());
    }

    private ObjectNode render(AzureState.ServicePrincipal sp) {
        ObjectNode o = AzureJson.object();
        o.put("id", sp.id());
        o.put("appId", sp.appId());
        o.put("displayName", sp.displayName());
        o.put("appDisplayName", state.applicationName(sp.appId()));
        o.put("accountEnabled", sp.accountEnabled());
        o.put("servicePrincipalType", "Application");
        o.put("signInAudience", "AzureADMultipleOrgs");
        o.putNull("appOwnerOrganizationId");
        ArrayNode names = o.putArray("servicePrincipalNames");
        names(sp).forEach(names::add);
        o.putArray("tags");
        o.putArray("appRoles");
        o.putArray("oauth2PermissionScopes");
        o.putArray("keyCredentials");
        o.putArray("passwordCredentials");
        o.putArray("replyUrls");
        return o;
    }
}
