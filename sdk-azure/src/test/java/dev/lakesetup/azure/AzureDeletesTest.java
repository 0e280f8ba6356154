package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.testkit.AzureSnapshot;
import dev.lakesetup.testkit.FakeAzure;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The Azure handlers delete the object they are given and nothing else; a repeated delete is done; a container that
 * holds anything is refused and left.
 */
class AzureDeletesTest {
    private static final String APP_ID = "0d5e1c7a-3b2f-4f6e-9a8b-1c2d3e4f5a6b";
    private static final String OTHER_APP = "7f3e2d1c-0b9a-4876-a543-210fedcba987";

    private FakeAzure azure;
    private AzureExecutor executor;
    private EntraServicePrincipal sp;

    @BeforeEach
    void start() {
        azure = FakeAzure.builder().application(APP_ID, "vendor-app").application(OTHER_APP, "other-app")
                .storageAccount("lake", "rg-data").build().start();
        TokenCredential token = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        executor = AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(token).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint)
                .storageSharedKey("lake", Secret.of(azure.storageAccountKey("lake"))).build().executor();
        sp = EntraServicePrincipal.of(ApplicationId.of(APP_ID), "vendor-app");
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    @Test
    void deleteEntraPrincipal_removesOnlyThatApplicationsPrincipalAndRepeatsAsDone() {
        azure.seedServicePrincipal(APP_ID, "vendor-app");
        azure.seedServicePrincipal(OTHER_APP, "other-app");

        DirectCalls.delete(executor, sp);
        DirectCalls.delete(executor, sp);

        assertThat(azure.snapshot().servicePrincipals()).extracting(AzureSnapshot.ServicePrincipal::appId)
                .containsExactly(OTHER_APP);
    }

    @Test
    void deleteRoleAssignment_removesOnlyThatPrincipalsRoleAtThatScope() {
        String ours = azure.seedServicePrincipal(APP_ID, "vendor-app");
        String theirs = azure.seedServicePrincipal(OTHER_APP, "other-app");
        azure.seedContainer("lake", "landing");
        String scope = azure.containerScope("lake", "landing");
        azure.seedRoleAssignment(scope, ours, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        azure.seedRoleAssignment(scope, ours, FakeAzure.STORAGE_BLOB_DATA_READER);
        azure.seedRoleAssignment(scope, theirs, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        azure.seedRoleAssignment(azure.storageAccountScope("lake"), ours, FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        RoleAssignment assignment = RoleAssignment.on(new AdlsContainer("lake", "rg-data", "landing"), sp);

        DirectCalls.delete(executor, assignment);
        DirectCalls.delete(executor, assignment);

        assertThat(azure.snapshot().roleAssignments()).hasSize(3).noneMatch(a -> a.principalId().equals(ours)
                && a.scope().equals(scope) && a.roleDefinitionId().equals(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR));
    }

    @Test
    void deleteRoleAssignment_whenThePrincipalIsGone_isDone() {
        RoleAssignment assignment = RoleAssignment.on(new AdlsContainer("lake", "rg-data", "landing"), sp);

        DirectCalls.delete(executor, assignment);

        assertThat(azure.snapshot().roleAssignments()).isEmpty();
    }

    @Test
    void deleteContainer_whenEmpty_removesOnlyItAndRepeatsAsDone() {
        azure.seedContainer("lake", "landing").seedContainer("lake", "kept");
        AdlsContainer landing = new AdlsContainer("lake", "rg-data", "landing");

        DirectCalls.delete(executor, landing);
        DirectCalls.delete(executor, landing);

        assertThat(azure.snapshot().containersOf("lake")).containsExactly("kept");
    }

    @Test
    void deleteContainer_whenItHoldsAFile_isRefusedWithThePathAndLeavesIt() {
        azure.seedPath("lake", "landing", "raw/2026/part-0.parquet");

        assertThatThrownBy(() -> DirectCalls.delete(executor, new AdlsContainer("lake", "rg-data", "landing")))
                .isInstanceOf(ServiceException.class).hasMessageContaining("not empty").hasMessageContaining("raw");

        assertThat(azure.snapshot().containersOf("lake")).containsExactly("landing");
    }
}
