package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.oauth2.CreateServicePrincipalFederationPolicyRequest;
import com.databricks.sdk.service.oauth2.FederationPolicy;
import com.databricks.sdk.service.oauth2.OidcFederationPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesetup.testkit.internal.oidc.Jwts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token exchange checks a workload token as a real verifier does: not before its {@code nbf} on the
 * workspace's clock (no leeway), and, when the issuer's key set holds several keys, only with the key the token
 * names in {@code kid}.
 */
class FakeWorkspaceTokenValidityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUBJECT = "repo:acme/loader:environment:prod";
    private static final String AUDIENCE = "https://github.com/acme";

    private final VirtualClock clock = new VirtualClock();
    private final FakeWorkspace ws = FakeWorkspace.builder().clock(clock).build().start();
    private final FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("loader");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void tokenExchange_whenNotBeforeIsNowOnTheWorkspaceClock_answersAnAccessToken() throws Exception {
        try (FakeOidcIssuer idp = FakeOidcIssuer.start(clock)) {
            policy(idp.issuer(), null);

            assertThat(exchange(idp.mint(SUBJECT, AUDIENCE)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokenExchange_whenNotBeforeIsOneSecondAhead_isRefusedAsNotValidYet() throws Exception {
        try (FakeOidcIssuer idp = FakeOidcIssuer.start(Clock.offset(clock, Duration.ofSeconds(1)))) {
            policy(idp.issuer(), null);
            String early = idp.mint(SUBJECT, AUDIENCE);

            assertRefused(exchange(early), "not valid yet");
            clock.sleep(Duration.ofSeconds(1));
            assertThat(exchange(early).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokenExchange_whenTimeClaimsAreNotNumbers_isRefused() throws Exception {
        KeyPair key = Jwts.newRsaKey();
        policy("https://idp.example.com", jwks(Map.of("a", key)));
        ObjectNode textNbf = claims("https://idp.example.com").put("nbf", "soon");
        ObjectNode noExp = claims("https://idp.example.com");
        noExp.remove("exp");

        assertRefused(exchange(Jwts.sign(textNbf, "a", key.getPrivate())), "nbf");
        assertRefused(exchange(Jwts.sign(noExp, "a", key.getPrivate())), "exp");
    }

    @Test
    void tokenExchange_withSeveralKeysAndNoKid_isRefused() throws Exception {
        KeyPair first = Jwts.newRsaKey();
        KeyPair second = Jwts.newRsaKey();
        policy("https://idp.example.com", jwks(Map.of("first", first, "second", second)));
        ObjectNode claims = claims("https://idp.example.com");

        assertRefused(exchange(Jwts.sign(claims, null, first.getPrivate())), "kid");
        assertRefused(exchange(Jwts.sign(claims, "second", first.getPrivate())), "signature");
        assertRefused(exchange(Jwts.sign(claims, "unknown", first.getPrivate())), "signature");
        assertThat(exchange(Jwts.sign(claims, "first", first.getPrivate())).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenExchange_withASingleKeyAndNoKid_verifiesWithThatKey() throws Exception {
        KeyPair only = Jwts.newRsaKey();
        policy("https://idp.example.com", jwks(Map.of("only", only)));
        ObjectNode claims = claims("https://idp.example.com");

        assertThat(exchange(Jwts.sign(claims, null, only.getPrivate())).statusCode()).isEqualTo(200);
        assertRefused(exchange(Jwts.sign(claims, null, Jwts.newRsaKey().getPrivate())), "signature");
    }

    private void policy(String issuer, String jwksJson) {
        OidcFederationPolicy oidc = new OidcFederationPolicy().setIssuer(issuer).setSubject(SUBJECT)
                .setAudiences(List.of(AUDIENCE));
        if (jwksJson != null) {
            oidc.setJwksJson(jwksJson);
        }
        Clients.account(ws).servicePrincipalFederationPolicy().create(
                new CreateServicePrincipalFederationPolicyRequest().setServicePrincipalId(Long.parseLong(sp.id()))
                        .setPolicy(new FederationPolicy().setOidcPolicy(oidc)));
    }

    private static String jwks(Map<String, KeyPair> keys) {
        ObjectNode set = MAPPER.createObjectNode();
        keys.forEach((kid, pair) -> set.withArray("keys").add(Jwts.jwk((RSAPublicKey) pair.getPublic(), kid)));
        return set.toString();
    }

    private ObjectNode claims(String issuer) {
        long now = clock.instant().getEpochSecond();
        return MAPPER.createObjectNode().put("iss", issuer).put("sub", SUBJECT).put("aud", AUDIENCE)
                .put("iat", now).put("nbf", now).put("exp", now + 600);
    }

    private HttpResponse<String> exchange(String subjectToken) throws Exception {
        Map<String, String> form = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken, "subject_token_type", "urn:ietf:params:oauth:token-type:jwt",
                "client_id", sp.applicationId(), "scope", "all-apis");
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(ws.host() + "/oidc/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> answer, String why) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = MAPPER.readTree(answer.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid_request");
        assertThat(body.path("error_description").asText()).contains(why);
    }
}
