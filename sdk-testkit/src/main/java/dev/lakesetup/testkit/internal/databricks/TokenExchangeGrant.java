package dev.lakesetup.testkit.internal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.oidc.IssuerKeys;
import dev.lakesetup.testkit.internal.oidc.Jwts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OAuth 2.0 token exchange grant (RFC 8693) at the workspace's {@code /oidc/v1/token}: a service principal
 * ({@code client_id}) signs in with a JWT of its workload's issuer ({@code subject_token}, type
 * {@code urn:ietf:params:oauth:token-type:jwt}). The token must be RS256-signed by a key of the issuer (fetched from
 * the issuer over loopback, or the policy's {@code jwks_json}), unexpired on the fake's clock, and match one of the
 * principal's federation policies: its issuer, its subject (in the policy's subject claim) and one of its audiences
 * (the account id when it names none). Any failure answers 400 {@code invalid_request}, as RFC 8693 section 2.2.2
 * prescribes; a match answers a Databricks access token the rest of the fake accepts for that principal, living no
 * longer than the federated token (and at most an hour).
 */
final class TokenExchangeGrant {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    private static final long MAX_LIFETIME_SECONDS = 3600;

    private final WorkspaceContext ctx;
    private final Supplier<Instant> now;
    private final IssuerKeys keys = new IssuerKeys();

    TokenExchangeGrant(WorkspaceContext ctx, Supplier<Instant> now) {
        this.ctx = ctx;
        this.now = now;
    }

    /** Answers one token exchange request given its form fields. */
    HttpReply exchange(Map<String, List<String>> form) {
        try {
            return Json.ok(grant(form));
        } catch (IllegalArgumentException e) {
            ObjectNode o = Json.object();
            o.put("error", "invalid_request");
            o.put("error_description", e.getMessage());
            return Json.reply(400, o);
        }
    }

    private ObjectNode grant(Map<String, List<String>> form) {
        String clientId = first(form, "client_id");
        String subjectToken = first(form, "subject_token");
        require(subjectToken != null, "subject_token is required");
        require(JWT_TYPE.equals(first(form, "subject_token_type")), "subject_token_type must be " + JWT_TYPE);
        require(clientId != null, "client_id is required: the fake serves service principal federation only");
        Jwts.Parsed token = Jwts.parse(subjectToken);
        require(token != null, "subject_token is not a JWT");
        require("RS256".equals(token.header().path("alg").asText()), "the token is not signed with RS256");
        Identities.Principal principal = ctx.identities().byApplicationId(clientId);
        require(principal != null && principal.active, "no active service principal " + clientId);
        String issuer = token.claims().path("iss").asText(null);
        List<FederationPolicies.Policy> candidates = ctx.federationPolicies().of(principal.id).stream()
                .filter(p -> p.issuer.equals(issuer)).toList();
        require(!candidates.isEmpty(), "no federation policy of " + clientId + " trusts the issuer " + issuer);
        long exp = token.claims().path("exp").asLong(0);
        long at = now.get().getEpochSecond();
        require(exp > at, "the token has expired");
        FederationPolicies.Policy policy = candidates.stream().filter(p -> subjectMatches(p, token.claims())
                && audienceMatches(p, token.claims())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "the token's subject or audience matches no federation policy of " + clientId));
        require(signedByIssuer(token, policy), "the token's signature does not verify with the issuer's keys");
        long lifetime = Math.min(MAX_LIFETIME_SECONDS, exp - at);
        String access = ctx.identities().issueExchangedToken(principal.applicationId, ctx.host() + "/oidc",
                at, lifetime);
        ObjectNode o = Json.object();
        o.put("access_token", access);
        o.put("token_type", "Bearer");
        o.put("expires_in", lifetime);
        o.put("scope", first(form, "scope") == null ? "all-apis" : first(form, "scope"));
        return o;
    }

    private static boolean subjectMatches(FederationPolicies.Policy policy, JsonNode claims) {
        return policy.subject.equals(claims.path(policy.subjectClaim).asText(null));
    }

    private boolean audienceMatches(FederationPolicies.Policy policy, JsonNode claims) {
        List<String> accepted = policy.audiences.isEmpty() ? List.of(ctx.settings().accountId()) : policy.audiences;
        JsonNode aud = claims.path("aud");
        List<String> given = new ArrayList<>();
        if (aud.isTextual()) {
            given.add(aud.asText());
        } else {
            aud.forEach(a -> given.add(a.asText()));
        }
        return given.stream().anyMatch(accepted::contains);
    }

    private boolean signedByIssuer(Jwts.Parsed token, FederationPolicies.Policy policy) {
        List<IssuerKeys.Key> known = policy.jwksJson != null ? IssuerKeys.parse(policy.jwksJson)
                : keys.fetch(policy.issuer);
        String kid = token.header().path("kid").asText(null);
        return known.stream().filter(k -> kid == null || k.kid() == null || kid.equals(k.kid()))
                .anyMatch(k -> Jwts.verifies(token, k.key()));
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
