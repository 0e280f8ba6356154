package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ResourceHandler;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each REST handler deletes the object it is given and nothing else; a repeated delete is done; the service's
 * refusal of an object that is not empty reaches the caller and leaves the object.
 */
class HandlerDeletesTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";

    private final FakeFixture f = FakeFixture.start();
    private final Executor rest = f.workspace.restExecutor();

    @AfterEach
    void stop() {
        f.close();
    }

    @SuppressWarnings("unchecked")
    static <R extends Resource> void delete(Executor executor, R resource, FakeFixture fixture) {
        ResourceHandler<R> handler = (ResourceHandler<R>) executor.resourceHandlers().stream()
                .filter(h -> h.type() == resource.getClass()).findFirst().orElseThrow();
        assertThat(handler.canDelete()).as(handler + " can delete").isTrue();
        handler.apply(new ResourceChange(ResourceChange.idOf(resource), Action.DELETE, resource, List.of(), Set.of()),
                resource, fixture.context());
    }

    private void delete(Resource resource) {
        delete(rest, resource, f);
    }

    @Test
    void deleteCatalog_whenEmpty_removesOnlyItAndRepeatsAsDone() {
        f.fake.seedCatalog("gone").seedCatalog("kept");

        delete(Catalog.named("gone"));
        delete(Catalog.named("gone"));

        assertThat(f.fake.snapshot().catalogs()).contains("kept").doesNotContain("gone");
        assertThat(f.fake.requests().count("DELETE /api/2.1/unity-catalog/catalogs/{name}")).isEqualTo(2);
    }

    @Test
    void deleteCatalog_whenItHoldsASchema_isRefusedAndLeavesIt() {
        f.fake.seedSchema("full.raw");

        assertThatThrownBy(() -> delete(Catalog.named("full"))).isInstanceOf(ServiceException.class)
                .hasMessageContaining("delete catalog full").hasMessageContaining("not empty");

        assertThat(f.fake.snapshot().catalogs()).contains("full");
        assertThat(f.fake.snapshot().schemas()).contains("full.raw");
    }

    @Test
    void deleteSchema_removesOnlyItAndRefusesOneWithTables() {
        f.fake.seedSchema("sales.gone").seedSchema("sales.kept");
        f.fake.seedTable("sales.busy.orders", List.of("id"), List.of(List.of(1)));

        delete(Schema.named("sales", "gone"));
        delete(Schema.named("sales", "gone"));
        assertThatThrownBy(() -> delete(Schema.named("sales", "busy"))).isInstanceOf(ServiceException.class)
                .hasMessageContaining("not empty");

        assertThat(f.fake.snapshot().schemas()).contains("sales.kept", "sales.busy").doesNotContain("sales.gone");
    }

    @Test
    void deleteStorageObjects_removesTheLocationThenTheCredentialAndRefusesACredentialInUse() {
        f.fake.contents().seedStorageCredential("cred", CONNECTOR).seedStorageCredential("other", CONNECTOR)
                .seedExternalLocation("lake", "abfss://c@acct.dfs.core.windows.net/x", "cred")
                .seedExternalLocation("theirs", "abfss://c@acct.dfs.core.windows.net/y", "other");
        StorageCredential cred = StorageCredential.named("cred", new StorageIdentity.AzureManagedIdentity(CONNECTOR,
                null));

        assertThatThrownBy(() -> delete(cred)).isInstanceOf(ServiceException.class).hasMessageContaining("lake");
        delete(ExternalLocation.named("lake", "abfss://c@acct.dfs.core.windows.net/x", "cred"));
        delete(ExternalLocation.named("lake", "abfss://c@acct.dfs.core.windows.net/x", "cred"));
        delete(cred);
        delete(cred);

        assertThat(f.fake.contents().externalLocations()).containsExactly("theirs");
        assertThat(f.fake.contents().storageCredentials()).containsExactly("other");
    }

    @Test
    void deleteWarehousePermission_removesOnlyThatPrincipalsEntry() {
        FakeWorkspace.SeededPrincipal ours = f.fake.seedServicePrincipal("ours");
        FakeWorkspace.SeededPrincipal theirs = f.fake.seedServicePrincipal("theirs");
        WarehousePermission permission = WarehousePermission.canUse(FakeFixture.WAREHOUSE,
                ServicePrincipal.of(ApplicationId.of(ours.applicationId())));
        create(permission);
        create(WarehousePermission.canUse(FakeFixture.WAREHOUSE,
                ServicePrincipal.of(ApplicationId.of(theirs.applicationId()))));
        Map<String, String> before = f.fake.snapshot().warehouseAcls().get(FakeFixture.WAREHOUSE);

        delete(permission);
        delete(permission);

        Map<String, String> after = f.fake.snapshot().warehouseAcls().get(FakeFixture.WAREHOUSE);
        assertThat(after).doesNotContainKey("service_principal_name:" + ours.applicationId())
                .containsEntry("service_principal_name:" + theirs.applicationId(), "CAN_USE");
        assertThat(after.size()).isEqualTo(before.size() - 1);
        assertThat(f.fake.requests().count("PUT /api/2.0/permissions/warehouses/{id}")).isEqualTo(1);
    }

    @Test
    void deleteWorkspacePrincipal_removesItFromTheWorkspaceOnly() {
        create(WorkspaceServicePrincipal.named("sp-gone"));
        f.fake.seedServicePrincipal("sp-kept");

        delete(WorkspaceServicePrincipal.named("sp-gone"));
        delete(WorkspaceServicePrincipal.named("sp-gone"));

        assertThat(f.fake.snapshot().principals()).filteredOn(WorkspaceSnapshot.Principal::inWorkspace)
                .extracting(WorkspaceSnapshot.Principal::displayName).contains("sp-kept").doesNotContain("sp-gone");
    }

    @Test
    void deleteAccountPrincipal_removesTheWorkspaceAssignmentAndKeepsTheAccountPrincipal() {
        create(WorkspaceServicePrincipal.named("acct-sp").throughAccount());

        delete(WorkspaceServicePrincipal.named("acct-sp").throughAccount());
        delete(WorkspaceServicePrincipal.named("acct-sp").throughAccount());

        assertThat(f.fake.snapshot().principals()).filteredOn(p -> p.displayName().equals("acct-sp"))
                .singleElement().satisfies(p -> assertThat(p.inWorkspace()).isFalse());
        assertThat(f.fake.requests().count(
                "DELETE /api/2.0/accounts/{account_id}/workspaces/{ws}/permissionassignments/principals/{id}"))
                .isEqualTo(1);
    }

    @Test
    void deleteSecrets_removesEverySecretOfThatPrincipalOnly() {
        FakeWorkspace.SeededPrincipal ours = f.fake.seedServicePrincipal("ours");
        FakeWorkspace.SeededPrincipal theirs = f.fake.seedServicePrincipal("theirs");
        OAuthSecret secret = OAuthSecret.forPrincipal(ServicePrincipal.of(ApplicationId.of(ours.applicationId())),
                credentials -> { });

        delete(secret);
        delete(secret);

        Map<String, Integer> counts = f.fake.snapshot().secretsPerPrincipal();
        assertThat(counts.getOrDefault(ours.applicationId(), 0)).isZero();
        assertThat(counts.get(theirs.applicationId())).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private <R extends Resource> void create(R resource) {
        ResourceHandler<R> handler = (ResourceHandler<R>) rest.resourceHandlers().stream()
                .filter(h -> h.type() == resource.getClass()).findFirst().orElseThrow();
        handler.apply(ResourceChange.create(resource, Set.of()), resource, f.context());
    }
}
