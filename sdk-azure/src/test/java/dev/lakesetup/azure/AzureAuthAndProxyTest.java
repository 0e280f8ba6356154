package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.HttpProxy;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FakeProxy;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** One Azure credential serves the Azure clients and an Azure Databricks workspace; both go through a proxy. */
class AzureAuthAndProxyTest {
    private static final String USER = "proxy-user";
    private static final String PASSWORD = "proxy-password-4711";
    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";

    private final List<List<String>> scopesAsked = new CopyOnWriteArrayList<>();

    private TokenCredential credential(String token) {
        return request -> {
            scopesAsked.add(List.copyOf(request.getScopes()));
            return Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
        };
    }

    private static AzureConnection.Builder connection(FakeAzure azure, TokenCredential credential) {
        return AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(credential).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint);
    }

    @Test
    void databricksWorkspace_fromAzureConnection_signsWithTheDatabricksScopeAndReusesTheToken() {
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse("wh1", "Starter").build().start();
                FakeAzure azure = FakeAzure.builder().build().start()) {
            fake.seedCatalog("sales");
            // the fake workspace takes the token the credential returns as a bearer token, as Azure Databricks takes
            // an Entra ID token
            AzureConnection connection = connection(azure, credential(fake.adminToken())).build();
            DatabricksWorkspace workspace = connection.databricksWorkspace(fake.host()).plainHttpForTesting().warehouseId("wh1").build();
            Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).build();

            Plan plan = lakesetup.plan(Blueprint.builder().resource(Catalog.named("sales")).build());
            lakesetup.plan(Blueprint.builder().resource(Catalog.named("sales")).build());

            assertThat(plan.summary().actionable()).isZero();
            assertThat(scopesAsked).isNotEmpty()
                    .allSatisfy(scopes -> assertThat(scopes).containsExactly(AzureDatabricksCredentials.SCOPE));
            assertThat(scopesAsked).hasSize(1);
            assertThat(workspace.toString()).contains("azure-token-credential").doesNotContain(fake.adminToken());
            assertThatThrownBy(workspace::jdbc).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("azure-token-credential");
        }
    }

    @Test
    void credentials_nearExpiry_askForANewToken() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        List<String> issued = new CopyOnWriteArrayList<>();
        TokenCredential credential = request -> {
            String token = "token-" + issued.size();
            issued.add(token);
            return Mono.just(new AccessToken(token, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .plusMinutes(10)));
        };
        var headers = new AzureDatabricksCredentials(credential, clock).configure(null);

        assertThat(headers.headers()).containsEntry("Authorization", "Bearer token-0");
        clock.advance(Duration.ofMinutes(4));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer token-0");
        clock.advance(Duration.ofMinutes(2));
        assertThat(headers.headers()).containsEntry("Authorization", "Bearer token-1");
        assertThat(issued).hasSize(2);
    }

    @Test
    void azureAndDatabricks_withProxy_goThroughItWithCredentials() {
        try (FakeWorkspace fake = FakeWorkspace.builder().build().start();
                FakeAzure azure = FakeAzure.builder().application(APP_ID, "vendor-app").build().start();
                FakeProxy proxy = FakeProxy.start(USER, PASSWORD)) {
            fake.seedCatalog("sales");
            HttpProxy settings = HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, PASSWORD);
            AzureConnection connection = connection(azure, credential(azure.accessToken())).proxy(settings).build();
            Lakesetup azureOnly = Lakesetup.builder().executor(connection.executor()).sleeper(d -> { }).build();

            azureOnly.plan(Blueprint.builder().resource(EntraServicePrincipal.of(ApplicationId.of(APP_ID),
                    "vendor-app")).build());

            assertThat(proxy.seen()).anyMatch(seen -> seen.authorized()
                    && seen.requestLine().contains("127.0.0.1:" + azure.port()));
            assertThat(connection.toString()).contains("****").doesNotContain(PASSWORD);
            int before = proxy.seen().size();

            AzureConnection forDatabricks = connection(azure, credential(fake.adminToken())).proxy(settings).build();
            DatabricksWorkspace workspace = forDatabricks.databricksWorkspace(fake.host()).plainHttpForTesting().build();
            Lakesetup databricks = Lakesetup.builder().executor(workspace.restExecutor()).build();
            databricks.plan(Blueprint.builder().resource(Catalog.named("sales")).build());

            assertThat(proxy.seen().subList(before, proxy.seen().size())).anyMatch(seen -> seen.authorized()
                    && seen.requestLine().contains(fake.host() + "/api/2.1/unity-catalog/catalogs"));
        }
    }

    @Test
    void proxy_withOwnHttpClient_isRefusedAsAmbiguous() {
        try (FakeAzure azure = FakeAzure.builder().build().start()) {
            assertThatThrownBy(() -> connection(azure, credential("t")).httpClient(new RecordingHttpClient())
                    .proxy(HttpProxy.of("127.0.0.1", 3128)).build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("proxy");
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
