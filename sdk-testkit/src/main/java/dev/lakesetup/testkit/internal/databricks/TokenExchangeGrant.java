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
 * the issuer over loopback, or the policy's {@code jwks_json}; with several keys the token must name its key in
 * {@code kid}), unexpired and not before its {@code nbf} on the fake's clock (no leeway), and match one of the
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
        long at = now.get().getEpochSecond();
        long exp = requireValidNow(token.claims(), at);
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

    /**
     * Checks the token's time claims against the fake's clock, with no leeway (the service documents none): it must
     * carry a numeric {@code exp} after now (RFC 7519 section 4.1.4), and a {@code nbf}, when present, at or before
     * now (section 4.1.5); an {@code iat}, when present, must be a number (section 4.1.6 makes it informational).
     *
     * @return the expiry, in seconds since the epoch
     */
    private static long requireValidNow(JsonNode claims, long at) {
        JsonNode exp = claims.path("exp");
        require(exp.isNumber(), "the token has no numeric exp claim");
        require(exp.asLong() > at, "the token has expired");
        JsonNode nbf = claims.path("nbf");
        require(nbf.isMissingNode() || nbf.isNumber(), "the token's nbf claim is not a number");
        require(nbf.isMissingNode() || nbf.asLong() <= at, "the token is not valid yet (nbf " + nbf.asLong()
                + " is after now, " + at + ")");
        JsonNode iat = claims.path("iat");
        require(iat.isMissingNode() || iat.isNumber(), "the token's iat claim is not a number");
        return exp.asLong();
    }

    /**
     * Verifies the signature the way an OpenID relying party picks the key: a token naming a key ({@code kid}) is
     * checked against that key only (or, when no key of the set carries that id, against keys without an id); a
     * token naming none is accepted only when the key set holds a single key (OpenID Connect Core 1.0 section 10.1:
     * with several keys, a {@code kid} must be given).
     */
    private boolean signedByIssuer(Jwts.Parsed token, FederationPolicies.Policy policy) {
        List<IssuerKeys.Key> known = policy.jwksJson != null ? IssuerKeys.parse(policy.jwksJson)
                : keys.fetch(policy.issuer);
        JsonNode kidNode = token.header().path("kid");
        if (kidNode.isMissingNode() || kidNode.isNull()) {
            require(known.size() == 1, "the token names no signing key (kid) and the issuer's key set holds "
                    + known.size() + " keys");
            return Jwts.verifies(token, known.get(0).key());
        }
        require(kidNode.isTextual(), "the token's kid header is not a string");
        String kid = kidNode.asText();
        List<IssuerKeys.Key> named = known.stream().filter(k -> kid.equals(k.kid())).toList();
        List<IssuerKeys.Key> candidates = named.isEmpty()
                ? known.stream().filter(k -> k.kid() == null).toList() : named;
        return candidates.stream().anyMatch(k -> Jwts.verifies(token, k.key()));
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
