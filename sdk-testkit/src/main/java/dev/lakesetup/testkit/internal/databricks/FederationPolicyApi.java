package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpExchange;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The account API's service principal federation policies:
 * {@code /api/2.0/accounts/{account_id}/servicePrincipals/{id}/federationPolicies[/{policy_id}]} (list, create, get,
 * delete), with the documented limit of {@value FederationPolicies#MAX_PER_PRINCIPAL} policies per principal.
 */
final class FederationPolicyApi {

    private static final String BASE = "/api/2.0/accounts/{account_id}/servicePrincipals/{id}/federationPolicies";
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9-]{1,63}");

    private final WorkspaceContext ctx;

    FederationPolicyApi(WorkspaceContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("POST", BASE, this::create)
                .add("GET", BASE, this::list)
                .add("GET", BASE + "/{policy_id}", ex -> Json.ok(json(ex, find(ex))))
                .add("DELETE", BASE + "/{policy_id}", this::delete);
    }

    private Identities.Principal principal(HttpExchange ex) {
        IdentityApi.requireAccount(ctx, ex);
        return ctx.identities().byIdForApi(ex.param("id"));
    }

    private List<FederationPolicies.Policy> policies(HttpExchange ex) {
        return ctx.federationPolicies().of(principal(ex).id);
    }

    private HttpReply create(HttpExchange ex) {
        List<FederationPolicies.Policy> policies = policies(ex);
        JsonNode oidc = Json.parseBody(ex.body()).path("oidc_policy");
        if (!oidc.isObject()) {
            throw ApiException.invalid("oidc_policy is required for a service principal federation policy.");
        }
        FederationPolicies.Policy p = new FederationPolicies.Policy();
        p.principalId = Long.parseLong(ex.param("id"));
        p.issuer = requireIssuer(Json.text(oidc, "issuer"));
        p.subject = Json.text(oidc, "subject");
        if (p.subject == null || p.subject.isBlank()) {
            throw ApiException.invalid("subject is required for a service principal federation policy.");
        }
        if (Json.text(oidc, "subject_claim") != null) {
            p.subjectClaim = Json.text(oidc, "subject_claim");
        }
        p.audiences.addAll(Json.strings(oidc, "audiences"));
        p.jwksJson = Json.text(oidc, "jwks_json");
        p.description = Json.text(Json.parseBody(ex.body()), "description");
        p.id = policyId(ex.queryParam("policy_id"), policies);
        if (policies.size() >= FederationPolicies.MAX_PER_PRINCIPAL) {
            throw new ApiException(400, "RESOURCE_LIMIT_EXCEEDED", "Service principal " + ex.param("id")
                    + " already has the maximum of " + FederationPolicies.MAX_PER_PRINCIPAL
                    + " federation policies.");
        }
        p.uid = UUID.randomUUID().toString();
        p.createTime = ctx.identities().now().toString();
        policies.add(p);
        return Json.ok(json(ex, p));
    }

    private static String policyId(String asked, List<FederationPolicies.Policy> policies) {
        if (asked == null || asked.isEmpty()) {
            return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        }
        if (!POLICY_ID.matcher(asked).matches()) {
            throw ApiException.invalid("Invalid federation policy id: '" + asked
                    + "'. Must contain only 0-9, a-z, and hyphen.");
        }
        if (policies.stream().anyMatch(p -> p.id.equals(asked))) {
            throw ApiException.conflict("RESOURCE_ALREADY_EXISTS", "Federation policy " + asked
                    + " already exists.");
        }
        return asked;
    }

    /** The service wants an https issuer; the fake also takes plain http on a loopback host (a local issuer). */
    private static String requireIssuer(String issuer) {
        URI uri;
        try {
            uri = issuer == null ? null : URI.create(issuer);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = uri != null && uri.getHost() != null && (uri.getHost().startsWith("127.")
                || uri.getHost().equals("localhost"));
        if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw ApiException.invalid("Invalid issuer: '" + issuer + "'. The issuer must be an https URL.");
        }
        return issuer;
    }

    private HttpReply list(HttpExchange ex) {
        List<FederationPolicies.Policy> all = policies(ex);
        int size = pageSize(ex.queryParam("page_size"));
        int from = 0;
        String token = ex.queryParam("page_token");
        if (token != null && !token.isEmpty()) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Invalid page_token: " + token);
            }
        }
        int to = Math.min(all.size(), from + size);
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("policies");
        all.subList(Math.min(from, all.size()), to).forEach(p -> arr.add(json(ex, p)));
        if (to < all.size()) {
            out.put("next_page_token", Integer.toString(to));
        }
        return Json.ok(out);
    }

    private static int pageSize(String asked) {
        if (asked == null || asked.isEmpty()) {
            return 100;
        }
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(asked)));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Invalid page_size: " + asked);
        }
    }

    private FederationPolicies.Policy find(HttpExchange ex) {
        return policies(ex).stream().filter(p -> p.id.equals(ex.param("policy_id"))).findFirst()
                .orElseThrow(() -> ApiException.notFound("RESOURCE_DOES_NOT_EXIST", "Federation policy "
                        + ex.param("policy_id") + " does not exist."));
    }

    private HttpReply delete(HttpExchange ex) {
        FederationPolicies.Policy p = find(ex);
        policies(ex).remove(p);
        return Json.ok(Json.object());
    }

    private ObjectNode json(HttpExchange ex, FederationPolicies.Policy p) {
        ObjectNode o = Json.object();
        o.put("policy_id", p.id);
        o.put("uid", p.uid);
        o.put("name", "accounts/" + ex.param("account_id") + "/servicePrincipals/" + p.principalId
                + "/federationPolicies/" + p.id);
        o.put("service_principal_id", p.principalId);
        if (p.description != null) {
            o.put("description", p.description);
        }
        o.put("create_time", p.createTime);
        o.put("update_time", p.createTime);
        ObjectNode oidc = o.putObject("oidc_policy");
        oidc.put("issuer", p.issuer);
        oidc.put("subject", p.subject);
        oidc.put("subject_claim", p.subjectClaim);
        if (!p.audiences.isEmpty()) {
            ArrayNode aud = oidc.putArray("audiences");
            p.audiences.forEach(aud::add);
        }
        if (p.jwksJson != null) {
            oidc.put("jwks_json", p.jwksJson);
        }
        return o;
    }
}
