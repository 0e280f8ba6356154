package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalFederationPolicyRequest;
import com.databricks.sdk.service.oauth2.FederationPolicy;
import com.databricks.sdk.service.oauth2.OidcFederationPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceFederationTest {
    private static final String SUBJECT = "repo:acme/loader:environment:prod";
    private static final String AUDIENCE = "https://github.com/acme";

    private final FakeWorkspace ws;
    private final AccountClient a;
    private final FakeOidcIssuer idp = FakeOidcIssuer.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeWorkspace.SeededPrincipal sp;

    FakeWorkspaceFederationTest(FakeWorkspace ws) {
        this.ws = ws;
        this.a = Clients.account(ws);
        this.sp = ws.seedServicePrincipal("loader");
    }

    @AfterEach
    void closeIssuer() {
        idp.close();
    }

    private FederationPolicy create(String issuer, String subject, String... audiences) {
        OidcFederationPolicy oidc = new OidcFederationPolicy().setIssuer(issuer).setSubject(subject);
        if (audiences.length > 0) {
            oidc.setAudiences(List.of(audiences));
        }
        return a.servicePrincipalFederationPolicy().create(new CreateServicePrincipalFederationPolicyRequest()
                .setServicePrincipalId(Long.parseLong(sp.id())).setPolicy(new FederationPolicy().setOidcPolicy(oidc)));
    }

    private HttpResponse<String> exchange(String clientId, String subjectToken) throws Exception {
        Map<String, String> form = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken, "subject_token_type", "urn:ietf:params:oauth:token-type:jwt",
                "client_id", clientId, "scope", "all-apis");
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(ws.host() + "/oidc/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> asBearer(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ws.host()
                + "/api/2.0/preview/scim/v2/ServicePrincipals")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void federationPolicies_createListGetDelete_inTheServiceShape() {
        FederationPolicy created = create(idp.issuer(), SUBJECT, AUDIENCE);

        assertThat(created.getPolicyId()).isNotBlank();
        assertThat(created.getServicePrincipalId()).isEqualTo(Long.parseLong(sp.id()));
        assertThat(created.getOidcPolicy().getAudiences()).containsExactly(AUDIENCE);
        assertThat(a.servicePrincipalFederationPolicy().list(Long.parseLong(sp.id())))
                .extracting(FederationPolicy::getPolicyId).containsExactly(created.getPolicyId());
        assertThat(a.servicePrincipalFederationPolicy().get(Long.parseLong(sp.id()), created.getPolicyId())
                .getOidcPolicy().getSubject()).isEqualTo(SUBJECT);

        a.servicePrincipalFederationPolicy().delete(Long.parseLong(sp.id()), created.getPolicyId());

        assertThatThrownBy(() -> a.servicePrincipalFederationPolicy().delete(Long.parseLong(sp.id()),
                created.getPolicyId())).isInstanceOfSatisfying(DatabricksError.class,
                e -> assertThat(e.getErrorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST"));
    }

    @Test
    void federationPolicies_create_refusesTheTwentyFirstAndAPlainHttpRemoteIssuer() {
        for (int i = 0; i < 20; i++) {
            create(idp.issuer(), "subject-" + i);
        }
        assertThatThrownBy(() -> create(idp.issuer(), "one-too-many"))
                .isInstanceOfSatisfying(DatabricksError.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("RESOURCE_LIMIT_EXCEEDED");
                });
        assertThatThrownBy(() -> create("http://idp.example.com", "x"))
                .isInstanceOfSatisfying(DatabricksError.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE"));
    }

    @Test
    void tokenExchange_withAMatchingToken_answersAnAccessTokenTheWorkspaceAccepts() throws Exception {
        create(idp.issuer(), SUBJECT, AUDIENCE);

        HttpResponse<String> answer = exchange(sp.applicationId(), idp.mint(SUBJECT, AUDIENCE));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(1L, 3600L);
        assertThat(asBearer(body.path("access_token").asText()).statusCode()).isNotEqualTo(401);
    }

    @Test
    void tokenExchange_withoutAudiences_acceptsTheAccountIdAsAudience() throws Exception {
        create(idp.issuer(), SUBJECT);

        assertThat(exchange(sp.applicationId(), idp.mint(SUBJECT, ws.accountId())).statusCode()).isEqualTo(200);
        assertThat(exchange(sp.applicationId(), idp.mint(SUBJECT, AUDIENCE)).statusCode()).isEqualTo(400);
    }

    @Test
    void tokenExchange_refusesWrongSubjectAudienceIssuerSignatureAndExpiredTokens() throws Exception {
        create(idp.issuer(), SUBJECT, AUDIENCE);
        String signedBeforeRotation = idp.mint(SUBJECT, AUDIENCE);
        try (FakeOidcIssuer other = FakeOidcIssuer.start()) {
            assertRefused(exchange(sp.applicationId(), idp.mint("repo:acme/other", AUDIENCE)), "subject");
            assertRefused(exchange(sp.applicationId(), idp.mint(SUBJECT, "someone-else")), "audience");
            assertRefused(exchange(sp.applicationId(), other.mint(SUBJECT, AUDIENCE)), "issuer");
            assertRefused(exchange(sp.applicationId(), other.token(SUBJECT).audience(AUDIENCE)
                    .issuerClaim(idp.issuer()).mint()), "signature");
            assertRefused(exchange(sp.applicationId(), idp.token(SUBJECT).audience(AUDIENCE)
                    .expiresIn(Duration.ofMinutes(-1)).mint()), "expired");
            idp.rotateKeys();
            assertRefused(exchange(sp.applicationId(), signedBeforeRotation), "signature");
            assertThat(exchange(sp.applicationId(), idp.mint(SUBJECT, AUDIENCE)).statusCode()).isEqualTo(200);
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String why) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid_request");
        assertThat(body.path("error_description").asText()).contains(why);
    }
}
