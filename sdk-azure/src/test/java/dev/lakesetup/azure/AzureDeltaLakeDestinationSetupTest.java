package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AzureDeltaLakeDestinationSetupTest {
    private static final String APP_ID = AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID;
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg-data/providers/"
            + "Microsoft.Databricks/accessConnectors/lake-connector";

    private static AzureDeltaLakeDestinationSetup.Builder complete() {
        return AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                .storageContainer("lakeacct", "rg-data", "segment")
                .storageCredential("segment_credential").accessConnector(CONNECTOR)
                .externalLocation("segment_location").catalog("segment");
    }

    @Test
    void blueprint_coversEveryStepOfTheGuide() {
        Blueprint blueprint = complete().build().blueprint();
        ServicePrincipal sp = ServicePrincipal.of(ApplicationId.of(APP_ID));

        assertThat(blueprint.resources()).extracting(r -> r.id().kind()).containsExactly(
                EntraServicePrincipal.KIND, AdlsContainer.KIND, RoleAssignment.KIND, "service_principal",
                "storage_credential", "external_location", "catalog");
        assertThat(blueprint.resources().get(0)).isEqualTo(EntraServicePrincipal.of(ApplicationId.of(APP_ID),
                "Segment Storage Destinations"));
        assertThat(blueprint.resources().get(2)).isInstanceOfSatisfying(RoleAssignment.class, ra -> {
            assertThat(ra.role()).isEqualTo(AzureRole.STORAGE_BLOB_DATA_CONTRIBUTOR);
            assertThat(ra.accountWide()).isFalse();
            assertThat(ra.container()).isEqualTo(new AdlsContainer("lakeacct", "rg-data", "segment"));
        });
        assertThat(blueprint.resources().get(3)).isInstanceOfSatisfying(WorkspaceServicePrincipal.class, p -> {
            assertThat(p.principal()).isEqualTo(sp);
            assertThat(p.isThroughAccount()).isTrue();
            assertThat(p.entitlements()).containsExactlyInAnyOrder(Entitlement.ALLOW_CLUSTER_CREATE,
                    Entitlement.DATABRICKS_SQL_ACCESS);
        });
        assertThat(blueprint.resources().get(4)).isInstanceOfSatisfying(StorageCredential.class, c ->
                assertThat(c.identity()).isEqualTo(new StorageIdentity.AzureManagedIdentity(CONNECTOR, null)));
        assertThat(blueprint.resources().get(5)).isInstanceOfSatisfying(ExternalLocation.class, l -> {
            assertThat(l.url().value()).isEqualTo("abfss://segment@lakeacct.dfs.core.windows.net");
            assertThat(l.credential().toString()).isEqualTo("segment_credential");
        });
        assertThat(blueprint.resources().get(6)).isInstanceOfSatisfying(Catalog.class, c ->
                assertThat(c.managedLocation()).hasValueSatisfying(u ->
                        assertThat(u.value()).isEqualTo("abfss://segment@lakeacct.dfs.core.windows.net")));
        Map<Securable, Set<Privilege>> grants = blueprint.grants().stream()
                .collect(Collectors.toMap(Grant::securable, Grant::privileges));
        assertThat(grants).containsExactlyInAnyOrderEntriesOf(Map.of(
                Securable.storageCredential("segment_credential"),
                Set.of(Privilege.CREATE_EXTERNAL_TABLE, Privilege.READ_FILES, Privilege.WRITE_FILES),
                Securable.catalog("segment"), Set.of(Privilege.ALL_PRIVILEGES)));
        assertThat(blueprint.grants()).allMatch(g -> g.principal().equals(sp));
    }

    @Test
    void blueprint_ordersLocationAfterCredentialContainerAndRoleAndCatalogAfterLocation() {
        Blueprint blueprint = complete().build().blueprint();
        Resource location = blueprint.resources().get(5);
        Resource catalog = blueprint.resources().get(6);

        assertThat(blueprint.prerequisitesOf(location)).containsExactlyInAnyOrder(
                blueprint.resources().get(4).id(), blueprint.resources().get(1).id(),
                blueprint.resources().get(2).id());
        assertThat(blueprint.prerequisitesOf(catalog)).containsExactly(location.id());
        assertThat(blueprint.prerequisitesOf(blueprint.resources().get(2)))
                .containsExactlyInAnyOrder(blueprint.resources().get(0).id(), blueprint.resources().get(1).id());
    }

    /** The guarantee the removed plan re-sorting gave, now declared by the blueprint and read by the planner. */
    @Test
    void blueprint_ordersTheDatabricksStepsAfterTheAzureStepsTheyRelyOn() {
        Blueprint blueprint = complete().build().blueprint();
        Resource entra = blueprint.resources().get(0);
        Resource container = blueprint.resources().get(1);
        Resource role = blueprint.resources().get(2);

        assertThat(blueprint.prerequisitesOf(blueprint.resources().get(3))).containsExactly(entra.id());
        assertThat(blueprint.waitsFor(blueprint.resources().get(5).id()))
                .containsExactlyInAnyOrder(container.id(), role.id());
        assertThat(blueprint.waitsFor(blueprint.resources().get(6).id())).isEmpty();
    }

    @Test
    void build_withGivenUrlAndCatalogPath_usesThem() {
        AzureDeltaLakeDestinationSetup setup = complete()
                .externalLocation("segment_location", "abfss://segment@lakeacct.dfs.core.windows.net/landing/")
                .catalog("segment", "catalogs/segment/").build();

        assertThat(setup.externalLocationUrl().value())
                .isEqualTo("abfss://segment@lakeacct.dfs.core.windows.net/landing");
        assertThat(setup.catalogStorageRoot().value())
                .isEqualTo("abfss://segment@lakeacct.dfs.core.windows.net/landing/catalogs/segment");
    }

    @Test
    void build_withServicePrincipalCredential_keepsSecretOutOfToString() {
        AzureDeltaLakeDestinationSetup setup = complete().accessConnector(CONNECTOR).storageCredential("c")
                .build();
        AzureDeltaLakeDestinationSetup withSp = AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                .storageContainer("lakeacct", "rg-data", "segment").storageCredential("c")
                .credentialServicePrincipal(TENANT, "0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f", Secret.of("s3cr3t-value"))
                .externalLocation("l").catalog("segment").displayName("Vendor Loader").build();

        assertThat(withSp.toString()).doesNotContain("s3cr3t-value");
        assertThat(withSp.blueprint().toString()).doesNotContain("s3cr3t-value");
        assertThat(withSp.blueprint().resources().get(0)).isEqualTo(EntraServicePrincipal.of(
                ApplicationId.of(APP_ID), "Vendor Loader"));
        assertThat(setup.principal().applicationId()).hasValue(ApplicationId.of(APP_ID));
    }

    @Test
    void build_whenAnyInputIsMalformed_failsBeforeAnythingIsSent() {
        java.util.List<java.util.function.Supplier<AzureDeltaLakeDestinationSetup.Builder>> bad = java.util.List.of(
                () -> complete().displayName("x".repeat(300)),
                () -> complete().displayName("tab\there"),
                () -> complete().storageCredential("bad name"),
                () -> complete().storageCredential("a.b"),
                () -> complete().externalLocation("bad/name"),
                () -> complete().externalLocation("l", "https://elsewhere/x"),
                () -> complete().accessConnector("not a resource id"),
                () -> complete().storageContainer("UPPER", "rg-data", "segment"),
                () -> complete().storageContainer("lakeacct", "rg-data", "-bad-"),
                () -> complete().catalog("a b"));
        for (java.util.function.Supplier<AzureDeltaLakeDestinationSetup.Builder> input : bad) {
            assertThatThrownBy(() -> input.get().build()).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void build_withoutVendorApplication_namesIt() {
        assertThatThrownBy(() -> AzureDeltaLakeDestinationSetup.builder()
                .storageContainer("lakeacct", "rg-data", "segment").storageCredential("c").accessConnector(CONNECTOR)
                .externalLocation("l").catalog("segment").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vendor application")
                .hasMessageContaining("GUIDE_APPLICATION_ID");
    }

    @Test
    void build_withoutContainerCredentialLocationOrCatalog_namesWhatIsMissing() {
        AzureDeltaLakeDestinationSetup.Builder noContainer = AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(APP_ID).storageCredential("c").accessConnector(CONNECTOR).externalLocation("l")
                .catalog("x");
        assertThatThrownBy(noContainer::build).hasMessageContaining("storage container");
        AzureDeltaLakeDestinationSetup.Builder noCredential = AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(APP_ID).storageContainer("lakeacct", "rg-data", "segment")
                .accessConnector(CONNECTOR).externalLocation("l").catalog("x");
        assertThatThrownBy(noCredential::build).hasMessageContaining("storage credential");
        AzureDeltaLakeDestinationSetup.Builder noIdentity = AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(APP_ID).storageContainer("lakeacct", "rg-data", "segment")
                .storageCredential("c").externalLocation("l").catalog("x");
        assertThatThrownBy(noIdentity::build).hasMessageContaining("storage credential identity")
                .hasMessageContaining("accessConnector");
        AzureDeltaLakeDestinationSetup.Builder noLocation = AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(APP_ID).storageContainer("lakeacct", "rg-data", "segment")
                .storageCredential("c").accessConnector(CONNECTOR).catalog("x");
        assertThatThrownBy(noLocation::build).hasMessageContaining("external location");
        AzureDeltaLakeDestinationSetup.Builder noCatalog = AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(APP_ID).storageContainer("lakeacct", "rg-data", "segment")
                .storageCredential("c").accessConnector(CONNECTOR).externalLocation("l");
        assertThatThrownBy(noCatalog::build).hasMessageContaining("catalog");
    }

    @Test
    void build_withBothIdentities_isRefusedAsContradictory() {
        assertThatThrownBy(() -> complete().credentialServicePrincipal(TENANT,
                "0b5c0f4e-7d1a-4c3b-9e2f-5a6b7c8d9e0f", Secret.of("s3cr3t-value")).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("both an access connector and a service principal")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void build_withVendorAppAsCredentialPrincipal_isRefused() {
        assertThatThrownBy(() -> AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                .storageContainer("lakeacct", "rg-data", "segment").storageCredential("c")
                .credentialServicePrincipal(TENANT, APP_ID, Secret.of("x")).externalLocation("l").catalog("s")
                .build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vendor's application");
    }

    @Test
    void build_withLocationUrlOutsideTheContainer_isRefused() {
        assertThatThrownBy(() -> complete()
                .externalLocation("l", "abfss://other@lakeacct.dfs.core.windows.net/").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not in the container lakeacct/segment");
        assertThatThrownBy(() -> complete()
                .externalLocation("l", "abfss://segment@otheracct.dfs.core.windows.net/x").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not in the container");
    }

    @Test
    void catalog_withPathEscapingTheLocation_isRefused() {
        assertThatThrownBy(() -> complete().catalog("s", "../other")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("catalog sub-path");
        assertThatThrownBy(() -> complete().catalog("s", "/abs")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> complete().catalog("s", "abfss://x@y.dfs.core.windows.net"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void builder_withInvalidValues_failsAtTheCall() {
        assertThatThrownBy(() -> complete().vendorApplication("not-a-uuid")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> complete().storageContainer("Bad_Account", "rg", "segment"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("storage account");
        assertThatThrownBy(() -> complete().accessConnector("connector")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("access connector id");
        assertThatThrownBy(() -> complete().displayName(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> complete().role(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void role_whenOverridden_isAssigned() {
        Blueprint blueprint = complete().role(AzureRole.STORAGE_BLOB_DATA_OWNER).build().blueprint();

        assertThat(blueprint.resources().get(2)).isInstanceOfSatisfying(RoleAssignment.class, ra ->
                assertThat(ra.role()).isEqualTo(AzureRole.STORAGE_BLOB_DATA_OWNER));
    }
}
