package dev.lakesetup.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.http.FakeHttpServer;
import dev.lakesetup.testkit.internal.http.HttpReply;
import dev.lakesetup.testkit.internal.http.Router;
import dev.lakesetup.testkit.internal.oidc.Jwts;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A fake OpenID Connect issuer on 127.0.0.1, standing in for a workload's identity provider (GitHub Actions,
 * Kubernetes, a vendor's own IdP): it serves {@code /.well-known/openid-configuration} and its JSON Web Key Set, and
 * mints RS256 tokens with the subject, audiences and lifetime a test chooses. {@link FakeWorkspace}'s token endpoint
 * verifies such tokens against these keys when a service principal signs in by token exchange.
 *
 * <pre>{@code
 * try (FakeOidcIssuer idp = FakeOidcIssuer.start()) {
 *     String jwt = idp.token("repo:acme/loader:environment:prod").audience("https://github.com/acme").mint();
 * }
 * }</pre>
 *
 * <p>Its issuer URL is plain {@code http://127.0.0.1:<port>}: the fake workspace fetches keys only from loopback
 * issuers. Thread-safe.
 */
public final class FakeOidcIssuer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Clock clock;
    private final FakeHttpServer server;
    private volatile KeyPair key;
    private volatile String kid;

    private FakeOidcIssuer(Clock clock) {
        this.clock = clock;
        rotateKeys();
        Router router = new Router()
                .add("GET", "/.well-known/openid-configuration", ex -> json(discovery()))
                .add("GET", "/jwks.json", ex -> json(jwks()));
        this.server = new FakeHttpServer("fake-oidc-issuer", 0, router, match -> match.handler()
                .handle(match.exchange()), (status, code, message) -> HttpReply.json(status,
                "{\"error\":\"" + (code == null ? "not_found" : code) + "\"}"));
    }

    /**
     * Starts an issuer on a free port of 127.0.0.1 whose tokens are stamped with the system clock.
     *
     * @return the running issuer
     */
    public static FakeOidcIssuer start() {
        return start(Clock.systemUTC());
    }

    /**
     * Starts an issuer whose tokens' {@code iat} and {@code exp} come from a clock (a {@link VirtualClock} to test
     * expiry without waiting).
     *
     * @param clock the clock
     * @return the running issuer
     */
    public static FakeOidcIssuer start(Clock clock) {
        FakeOidcIssuer issuer = new FakeOidcIssuer(Objects.requireNonNull(clock, "clock"));
        issuer.server.start();
        return issuer;
    }

    /**
     * Returns the issuer URL, as tokens carry it in {@code iss} and a federation policy names it.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String issuer() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Starts a token for a subject: one audience, the issuer's own URL, and a lifetime of one hour unless changed.
     *
     * @param subject the {@code sub} claim
     * @return the token's builder
     */
    public TokenBuilder token(String subject) {
        return new TokenBuilder(Objects.requireNonNull(subject, "subject"));
    }

    /**
     * Mints a token for a subject and one audience, valid for one hour.
     *
     * @param subject the {@code sub} claim
     * @param audience the {@code aud} claim
     * @return the signed token
     */
    public String mint(String subject, String audience) {
        return token(subject).audience(audience).mint();
    }

    /**
     * Replaces the signing key: the key set then holds only the new key, so tokens minted before no longer verify
     * (the way a token signed by an unknown key fails).
     */
    public void rotateKeys() {
        KeyPair next = Jwts.newRsaKey();
        String nextKid = UUID.randomUUID().toString();
        synchronized (this) {
            key = next;
            kid = nextKid;
        }
    }

    /**
     * Returns the JSON Web Key Set as served, for a federation policy's {@code jwks_json}.
     *
     * @return the key set's JSON
     */
    public String jwksJson() {
        return jwks().toString();
    }

    /** Stops the issuer. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeOidcIssuer[" + issuer() + "]";
    }

    private ObjectNode discovery() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("issuer", issuer());
        o.put("jwks_uri", issuer() + "/jwks.json");
        o.putArray("id_token_signing_alg_values_supported").add("RS256");
        o.putArray("response_types_supported").add("id_token");
        o.putArray("subject_types_supported").add("public");
        return o;
    }

    private synchronized ObjectNode jwks() {
        ObjectNode o = MAPPER.createObjectNode();
        o.putArray("keys").add(Jwts.jwk((RSAPublicKey) key.getPublic(), kid));
        return o;
    }

    private static HttpReply json(ObjectNode body) {
        return HttpReply.json(200, body.toString());
    }

    /** Collects one token's claims; {@link #mint()} signs it with the issuer's current key. */
    public final class TokenBuilder {
        private final String subject;
        private final List<String> audiences = new ArrayList<>();
        private Duration lifetime = Duration.ofHours(1);
        private String issuerClaim;

        private TokenBuilder(String subject) {
            this.subject = subject;
        }

        /**
         * Adds an audience ({@code aud}; one gives a string, several an array).
         *
         * @param value the audience
         * @return this builder
         */
        public TokenBuilder audience(String value) {
            audiences.add(Objects.requireNonNull(value, "audience"));
            return this;
        }

        /**
         * Sets how long the token is valid from now on the issuer's clock; negative for one already expired.
         *
         * @param value the lifetime
         * @return this builder
         */
        public TokenBuilder expiresIn(Duration value) {
            this.lifetime = Objects.requireNonNull(value, "lifetime");
            return this;
        }

        /**
         * Claims another issuer in {@code iss} (signed with this issuer's key all the same).
         *
         * @param value the claimed issuer
         * @return this builder
         */
        public TokenBuilder issuerClaim(String value) {
            this.issuerClaim = Objects.requireNonNull(value, "issuer claim");
            return this;
        }

        /**
         * Signs the token with RS256.
         *
         * @return the compact JWT
         */
        public String mint() {
            Instant now = clock.instant();
            ObjectNode claims = MAPPER.createObjectNode();
            claims.put("iss", issuerClaim != null ? issuerClaim : issuer());
            claims.put("sub", subject);
            if (audiences.size() == 1) {
                claims.put("aud", audiences.get(0));
            } else if (!audiences.isEmpty()) {
                ArrayNode aud = claims.putArray("aud");
                audiences.forEach(aud::add);
            }
            claims.put("iat", now.getEpochSecond());
            claims.put("nbf", now.getEpochSecond());
            claims.put("exp", now.plus(lifetime).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            KeyPair signing;
            String signingKid;
            synchronized (FakeOidcIssuer.this) {
                signing = key;
                signingKid = kid;
            }
            return Jwts.sign(claims, signingKid, signing.getPrivate());
        }
    }
}
