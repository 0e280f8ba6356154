package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.iam.ServicePrincipal;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretRequest;
import com.databricks.sdk.service.oauth2.CreateServicePrincipalSecretResponse;
import com.databricks.sdk.service.oauth2.SecretInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fake's OAuth secret lifecycle on a clock the test moves: times from that clock, the limit of five secrets per
 * principal, expired secrets listed {@code EXPIRED} and refused at sign-in.
 */
class FakeWorkspaceSecretLifecycleTest {
    private final VirtualClock clock = new VirtualClock();

    @Test
    void secrets_onTheTestsClock_expireAreListedExpiredAndNoLongerSignIn() {
        try (FakeWorkspace ws = FakeWorkspace.builder().clock(clock).build().start()) {
            WorkspaceClient w = Clients.admin(ws);
            ServicePrincipal sp = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("lapsing"));
            CreateServicePrincipalSecretResponse created = w.servicePrincipalSecretsProxy().create(
                    new CreateServicePrincipalSecretRequest().setServicePrincipalId(sp.getId()).setLifetime("3600s"));

            assertThat(Instant.parse(created.getCreateTime())).isEqualTo(clock.instant());
            assertThat(Instant.parse(created.getExpireTime())).isEqualTo(clock.instant().plusSeconds(3600));
            assertThat(signsIn(ws, sp, created.getSecret())).isTrue();
            clock.sleep(Duration.ofHours(2));

            List<SecretInfo> listed = new ArrayList<>();
            w.servicePrincipalSecretsProxy().list(sp.getId()).forEach(listed::add);
            assertThat(listed).singleElement().extracting(SecretInfo::getStatus).isEqualTo("EXPIRED");
            assertThat(ws.secretsOf(sp.getApplicationId())).singleElement().satisfies(secret -> {
                assertThat(secret.id()).isEqualTo(created.getId());
                assertThat(secret.status()).isEqualTo("EXPIRED");
            });
            assertThat(signsIn(ws, sp, created.getSecret())).isFalse();
        }
    }

    @Test
    void create_whenPrincipalHasFiveSecrets_isRefusedWithInvalidParameterValue() {
        try (FakeWorkspace ws = FakeWorkspace.builder().clock(clock).build().start()) {
            WorkspaceClient w = Clients.admin(ws);
            ServicePrincipal sp = w.servicePrincipals().create(new ServicePrincipal().setDisplayName("full"));
            CreateServicePrincipalSecretRequest create = new CreateServicePrincipalSecretRequest()
                    .setServicePrincipalId(sp.getId());
            for (int i = 0; i < 5; i++) {
                w.servicePrincipalSecretsProxy().create(create);
            }

            assertThatThrownBy(() -> w.servicePrincipalSecretsProxy().create(create))
                    .isInstanceOfSatisfying(DatabricksError.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(400);
                        assertThat(e.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
                    }).hasMessageContaining("maximum number of secrets");
            assertThat(ws.secretsOf(sp.getApplicationId())).hasSize(5);
        }
    }

    private static boolean signsIn(FakeWorkspace ws, ServicePrincipal sp, String secret) {
        try {
            Clients.servicePrincipal(ws, sp.getApplicationId(), secret).catalogs().list(new ListCatalogsRequest())
                    .iterator().hasNext();
            return true;
        } catch (DatabricksException e) {
            return false;
        }
    }
}
