package dev.lakesetup.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlueprintTest {
    private static final ServicePrincipal SP = ServicePrincipal.named("segment-data-graph");

    @Test
    void build_whenSameResourceDeclaredTwiceAlike_keepsOne() {
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("Sales").comment("c"))
                .resource(Catalog.named("sales").comment("c"))
                .build();

        assertThat(blueprint.resources()).hasSize(1);
    }

    @Test
    void build_whenSameResourceDeclaredWithOtherSettings_failsNamingBoth() {
        Blueprint.Builder builder = Blueprint.builder().resource(Catalog.named("sales").comment("one"));

        assertThatThrownBy(() -> builder.resource(Catalog.named("SALES").comment("two")))
                .isInstanceOf(ConflictingDeclarationException.class)
                .hasMessageContaining("catalog:sales")
                .hasMessageContaining("comment=one")
                .hasMessageContaining("comment=two");
    }

    @Test
    void merge_whenBlueprintsDisagree_fails() {
        Blueprint first = Blueprint.builder()
                .resource(Catalog.named("lake").managedLocation("abfss://a@b.dfs.core.windows.net/x")).build();
        Blueprint second = Blueprint.builder()
                .resource(Catalog.named("lake").managedLocation("abfss://a@b.dfs.core.windows.net/y")).build();

        assertThatThrownBy(() -> first.merge(second)).isInstanceOf(ConflictingDeclarationException.class)
                .hasMessageContaining("/x").hasMessageContaining("/y");
    }

    @Test
    void grants_forSamePrincipalAndSecurable_accumulate() {
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(SP).privileges(Privilege.USE_CATALOG))
                .grant(Grant.on(Securable.catalog("SALES")).to(SP).privileges(Privilege.SELECT))
                .grant(Grant.on(Securable.catalog("sales")).to(Group.of("g")).privileges(Privilege.SELECT))
                .build();

        assertThat(blueprint.grants()).hasSize(2);
        assertThat(blueprint.grants().get(0).privileges()).containsExactly(Privilege.USE_CATALOG, Privilege.SELECT);
    }

    @Test
    void prerequisites_includeDeclaredRequirementsAndCoveringLocation() {
        StorageCredential credential = StorageCredential.named("cred", new StorageIdentity.AzureManagedIdentity(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac", null));
        ExternalLocation location = ExternalLocation.named("landing", "abfss://lake@acct.dfs.core.windows.net/",
                "cred");
        Catalog catalog = Catalog.named("segment").managedLocation("abfss://lake@acct.dfs.core.windows.net/segment");
        Schema schema = Schema.named("segment", "events");
        Schema orphan = Schema.named("other", "events");
        Blueprint blueprint = Blueprint.builder().resources(java.util.List.of(credential, location, catalog, schema,
                orphan)).build();

        assertThat(blueprint.prerequisitesOf(location)).containsExactly(credential.id());
        assertThat(blueprint.prerequisitesOf(catalog)).containsExactly(location.id());
        assertThat(blueprint.prerequisitesOf(schema)).containsExactly(catalog.id());
        assertThat(blueprint.prerequisitesOf(orphan)).isEmpty();
        assertThat(Blueprint.resourceIdOf(Securable.schema("Segment", "Events"))).contains(schema.id());
        assertThat(Blueprint.resourceIdOf(Securable.table("a", "b", "c"))).isEmpty();
    }

    @Test
    void resources_exposeSettingsForThePlanner() {
        WorkspaceServicePrincipal sp = WorkspaceServicePrincipal
                .ofApplication(ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"), "Segment Storage Destinations")
                .entitlements(Entitlement.DATABRICKS_SQL_ACCESS, Entitlement.ALLOW_CLUSTER_CREATE)
                .throughAccount();

        assertThat(sp.id()).hasToString("service_principal:fffa5b05-1da5-4599-8360-cc2684bcdefb");
        assertThat(sp.settings()).containsExactly(
                Setting.members("entitlements", java.util.Set.of("allow-cluster-create", "databricks-sql-access")),
                Setting.mutable("workspace assignment", "USER"));
        assertThat(WarehousePermission.canUse("abc123", SP).satisfiedBy()).containsExactly(
                WarehousePermission.Level.CAN_USE, WarehousePermission.Level.CAN_MANAGE,
                WarehousePermission.Level.IS_OWNER);
        assertThat(WarehousePermission.canUse("abc123", SP).requires())
                .containsExactly(WorkspaceServicePrincipal.named("segment-data-graph").id());
        assertThat(OAuthSecret.forPrincipal(SP, c -> { }).requires())
                .containsExactly(WorkspaceServicePrincipal.named("segment-data-graph").id());
    }

    @Test
    void securable_isTheObjectAResourceDeclares_andInvertsResourceIdOf() {
        StorageCredential credential = StorageCredential.named("cred", new StorageIdentity.AzureManagedIdentity(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac", null));
        java.util.List<Resource> declared = java.util.List.of(Catalog.named("Sales"), Schema.named("sales", "raw"),
                credential, ExternalLocation.named("loc", "s3://bucket", "cred"));

        for (Resource resource : declared) {
            Securable securable = resource.securable().orElseThrow();
            assertThat(Blueprint.resourceIdOf(securable)).contains(resource.id());
        }
        assertThat(WarehousePermission.canUse("abc123", SP).securable()).isEmpty();
        assertThat(WorkspaceServicePrincipal.named("x").securable()).isEmpty();
    }
}
