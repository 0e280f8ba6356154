package dev.lakesetup.setup;

import static dev.lakesetup.setup.Setups.WAREHOUSE;
import static dev.lakesetup.setup.Setups.assertSameBlueprint;
import static dev.lakesetup.setup.Setups.assertSamePlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every file under examples/setups reads into the same blueprint, and plans the same, as its fluent form. */
class SetupFileExamplesTest {
    private static final Map<String, String> ENV = Map.of("DATABRICKS_HOST", "https://adb-1.2.azuredatabricks.net",
            "DATABRICKS_WAREHOUSE_ID", WAREHOUSE, "CUSTOMER_ONE_HOST", "https://one.cloud.databricks.com",
            "CUSTOMER_TWO_HOST", "https://two.cloud.databricks.com", "LAKESETUP_STORAGE_ACCOUNT", "lakeacct",
            "LAKESETUP_RESOURCE_GROUP", "rg-data", "LAKESETUP_ACCESS_CONNECTOR_ID", AzureDestinationFileTest.CONNECTOR);
    private static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
            + "rg-data/providers/Microsoft.Databricks/accessConnectors/analytics";

    static List<WorkspaceSetup> example(String name) {
        return SetupFile.read(Setups.EXAMPLES.resolve(name), ENV);
    }

    static Blueprint fluentBlueprint() {
        WorkspaceServicePrincipal sp = WorkspaceServicePrincipal.named("acme-sync")
                .entitlements(Entitlement.DATABRICKS_SQL_ACCESS);
        ServicePrincipal principal = sp.principal();
        StorageCredential credential = StorageCredential.named("acme_credential",
                new StorageIdentity.AzureManagedIdentity(CONNECTOR, null))
                .comment("Access connector of the analytics workspace");
        ExternalLocation location = ExternalLocation.named("acme_landing",
                "abfss://landing@lakeacct.dfs.core.windows.net/acme", "acme_credential").readOnly(true);
        Catalog catalog = Catalog.named("acme").comment("Written by Acme's sync");
        return Blueprint.builder()
                .resource(sp)
                .resource(catalog)
                .resource(Schema.named("acme", "raw").comment("Raw events"))
                .resource(credential)
                .resource(location)
                .resource(WarehousePermission.canUse(WAREHOUSE, principal))
                .resource(OAuthSecret.forPrincipal(principal, credentials -> { }).lifetime(Duration.ofDays(90)))
                .grant(Grant.on(Securable.catalog("acme")).to(principal)
                        .privileges(Privilege.USE_CATALOG, Privilege.CREATE_SCHEMA))
                .grant(Grant.on(Securable.schema("acme", "raw")).to(principal).privileges(Privilege.USE_SCHEMA,
                        Privilege.CREATE_TABLE, Privilege.MODIFY, Privilege.SELECT))
                .grant(Grant.on(Securable.externalLocation("acme_landing")).to(principal)
                        .privileges(Privilege.READ_FILES))
                .grant(Grant.on(Securable.catalog("acme")).to(Principal.group("data-engineers"))
                        .privileges(Privilege.USE_CATALOG, Privilege.SELECT))
                .exclusive(Securable.schema("acme", "raw"))
                .order(catalog.id()).after(ResourceId.of("external_location", "acme_landing"))
                .build();
    }

    @Test
    void blueprintExample_whenRead_equalsTheFluentBlueprintAndPlansTheSame() {
        WorkspaceSetup setup = example("blueprint.yaml").get(0);
        assertThat(setup.name()).isEqualTo("analytics");
        assertThat(setup.host()).contains("https://adb-1.2.azuredatabricks.net");
        assertThat(setup.kind()).isEqualTo(SetupKind.BLUEPRINT);
        assertThat(setup.needsAzure()).isFalse();
        assertSameBlueprint(setup.blueprint(), fluentBlueprint());
        try (FakeWorkspace fake = Setups.fake()) {
            DatabricksWorkspace workspace = Setups.workspace(fake);
            Lakesetup lakesetup = Setups.lakesetup(workspace);
            assertSamePlan(setup.plan(lakesetup, workspace), lakesetup.plan(fluentBlueprint()));
        }
    }

    static DataGraphSetup fluentDataGraph() {
        return DataGraphSetup.builder()
                .servicePrincipalNamed("segment-data-graph")
                .warehouse(WAREHOUSE)
                .profilesSyncCatalog("segment_profiles")
                .readOnlyCatalogs("marketing")
                .readOnlySchemas("sales", "orders", "customers")
                .validateWithTables("segment_profiles.profiles.identities", "sales.orders.items")
                .secretSink(credentials -> { })
                .build();
    }

    @Test
    void dataGraphExample_whenRead_equalsTheFluentRecipeAndPlansTheSame() {
        WorkspaceSetup setup = example("data-graph.yaml").get(0);
        DataGraphSetup fluent = fluentDataGraph();
        DataGraphSetup fromFile = setup.recipe(DataGraphSetup.class).orElseThrow();
        assertThat(fromFile.toString()).isEqualTo(fluent.toString());
        assertThat(fromFile.validationTables()).isEqualTo(fluent.validationTables());
        assertSameBlueprint(fromFile.blueprint(schema -> true), fluent.blueprint(schema -> true));
        assertSameBlueprint(fromFile.blueprint(schema -> false), fluent.blueprint(schema -> false));
        try (FakeWorkspace fake = Setups.fake()) {
            fake.seedCatalog("segment_profiles").seedCatalog("marketing").seedCatalog("sales")
                    .seedSchema("sales.orders").seedSchema("sales.customers");
            DatabricksWorkspace workspace = Setups.workspace(fake);
            Lakesetup lakesetup = Setups.lakesetup(workspace);
            assertSamePlan(setup.plan(lakesetup, workspace), fluent.plan(lakesetup, workspace));
        }
    }

    static Blueprint fluentProfile(String catalog, String sourceCatalog, String sourceSchema, String warehouse) {
        WorkspaceServicePrincipal sp = WorkspaceServicePrincipal.named("acme-sync")
                .entitlements(Entitlement.DATABRICKS_SQL_ACCESS);
        ServicePrincipal principal = sp.principal();
        return Blueprint.builder()
                .resource(sp)
                .resource(WarehousePermission.canUse(warehouse, principal))
                .resource(OAuthSecret.forPrincipal(principal, credentials -> { }))
                .grant(Grant.on(Securable.catalog(catalog)).to(principal).privileges(Privilege.USE_CATALOG,
                        Privilege.USE_SCHEMA, Privilege.SELECT, Privilege.CREATE_SCHEMA, Privilege.CREATE_TABLE,
                        Privilege.MODIFY))
                .grant(Grant.on(Securable.catalog(sourceCatalog)).to(principal).privileges(Privilege.USE_CATALOG))
                .grant(Grant.on(Securable.schema(sourceCatalog, sourceSchema)).to(principal)
                        .privileges(Privilege.USE_SCHEMA, Privilege.SELECT, Privilege.CREATE_TABLE, Privilege.MODIFY))
                .build();
    }

    @Test
    void profileExample_whenRead_givesEachWorkspaceTheProfileWithItsNames() {
        List<WorkspaceSetup> setups = example("vendor-profile.yaml");
        assertThat(setups).extracting(WorkspaceSetup::name).containsExactly("customer-one", "customer-two");
        assertThat(setups).extracting(WorkspaceSetup::kind).containsOnly(SetupKind.PROFILE);
        assertThat(setups.get(1).host()).contains("https://two.cloud.databricks.com");
        assertSameBlueprint(setups.get(0).blueprint(), fluentProfile("acme", "sales", "orders", WAREHOUSE));
        assertSameBlueprint(setups.get(1).blueprint(),
                fluentProfile("acme_data", "crm", "accounts", "9a8b7c6d5e4f3021"));
        try (FakeWorkspace fake = Setups.fake()) {
            DatabricksWorkspace workspace = Setups.workspace(fake);
            Lakesetup lakesetup = Setups.lakesetup(workspace);
            assertSamePlan(setups.get(0).plan(lakesetup, workspace),
                    lakesetup.plan(fluentProfile("acme", "sales", "orders", WAREHOUSE)));
        }
    }

    @Test
    void everyExample_whenRead_isValidAndTestedAbove() {
        List<String> tested = List.of("blueprint.yaml", "data-graph.yaml", "azure-delta-lake-destination.yaml",
                "vendor-profile.yaml", "databricks-destination.yaml", "profiles-sync.yaml", "reverse-etl-source.yaml");
        for (String name : tested) {
            assertThat(example(name)).as(name).isNotEmpty();
        }
        assertThat(Setups.EXAMPLES.toFile().list()).as("every example file is compared with its fluent form")
                .containsExactlyInAnyOrderElementsOf(tested);
    }
}
