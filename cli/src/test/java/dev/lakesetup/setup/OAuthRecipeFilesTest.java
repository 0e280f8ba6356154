package dev.lakesetup.setup;

import static dev.lakesetup.setup.Setups.WAREHOUSE;
import static dev.lakesetup.setup.Setups.assertSameBlueprint;
import static dev.lakesetup.setup.Setups.assertSamePlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksDestinationSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.ProfilesSyncSetup;
import dev.lakesetup.databricks.ReverseEtlSourceSetup;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The Databricks destination, Profiles Sync and Reverse ETL source examples equal their fluent recipes. */
class OAuthRecipeFilesTest {

    private static void assertSameAsFluent(String example, SetupKind kind, Class<?> type, Blueprint fluent,
            BiFunction<Lakesetup, DatabricksWorkspace, Plan> fluentPlan) {
        WorkspaceSetup setup = SetupFileExamplesTest.example(example).get(0);
        assertThat(setup.kind()).isEqualTo(kind);
        assertThat(setup.recipe(type)).isPresent();
        assertThat(setup.needsAzure()).isFalse();
        assertSameBlueprint(setup.blueprint(), fluent);
        try (FakeWorkspace fake = Setups.fake()) {
            fake.seedCatalog("sales").seedSchema("sales.orders").seedSchema("sales.customers");
            DatabricksWorkspace workspace = Setups.workspace(fake);
            Lakesetup lakesetup = Setups.lakesetup(workspace);
            assertSamePlan(setup.plan(lakesetup, workspace), fluentPlan.apply(lakesetup, workspace));
        }
    }

    @Test
    void databricksDestinationExample_whenRead_equalsTheFluentRecipeAndPlansTheSame() {
        DatabricksDestinationSetup fluent = DatabricksDestinationSetup.builder()
                .servicePrincipalNamed(DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME)
                .warehouse(WAREHOUSE)
                .catalog("segment_events")
                .secretSink(credentials -> { })
                .secretLifetime(Duration.ofDays(365))
                .vendorIpRanges("52.25.130.38/32", "34.223.203.0/28")
                .build();
        assertSameAsFluent("databricks-destination.yaml", SetupKind.DATABRICKS_DESTINATION,
                DatabricksDestinationSetup.class, fluent.blueprint(), fluent::plan);
    }

    @Test
    void profilesSyncExample_whenRead_equalsTheFluentRecipeAndPlansTheSame() {
        ProfilesSyncSetup fluent = ProfilesSyncSetup.builder()
                .servicePrincipalNamed("segment-profiles-sync")
                .warehouse(WAREHOUSE)
                .catalog("segment_profiles")
                .secretSink(credentials -> { })
                .build();
        assertSameAsFluent("profiles-sync.yaml", SetupKind.PROFILES_SYNC, ProfilesSyncSetup.class,
                fluent.blueprint(), fluent::plan);
    }

    @Test
    void reverseEtlSourceExample_whenRead_equalsTheFluentRecipeAndPlansTheSame() {
        ReverseEtlSourceSetup fluent = ReverseEtlSourceSetup.builder()
                .servicePrincipalNamed("segment-reverse-etl")
                .warehouse(WAREHOUSE)
                .readSchemas("sales", "orders", "customers")
                .vendorCreatesSchemaIn("sales")
                .validateWithTables("sales.orders.items")
                .secretSink(credentials -> { })
                .build();
        assertSameAsFluent("reverse-etl-source.yaml", SetupKind.REVERSE_ETL_SOURCE, ReverseEtlSourceSetup.class,
                fluent.blueprint(), fluent::plan);
    }

    @Test
    void reverseEtlSource_withPrecreatedSchemaAndExistingPrincipal_equalsTheFluentRecipe() {
        WorkspaceSetup setup = Setups.one(Setups.workspace("""
                reverseEtlSource:
                  servicePrincipal: {applicationId: 99999999-8888-7777-6666-555555555555}
                  readSchemas: [{catalog: sales, schemas: [orders]}]
                  bookkeepingSchema: {precreatedIn: segment}
                """));
        ReverseEtlSourceSetup fluent = ReverseEtlSourceSetup.builder()
                .existingServicePrincipal("99999999-8888-7777-6666-555555555555")
                .warehouse(WAREHOUSE)
                .readSchemas("sales", "orders")
                .precreatedSchemaIn("segment")
                .build();
        assertSameBlueprint(setup.blueprint(), fluent.blueprint());
    }

    @Test
    void databricksDestination_whenSecretSinkMissingForANewPrincipal_namesTheRecipe() {
        SetupFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(SetupFileException.class,
                () -> Setups.one(Setups.workspace("""
                        databricksDestination:
                          servicePrincipal: {name: dest}
                          catalog: events
                        """)));
        assertThat(e.problems().get(0).field()).isEqualTo("/workspaces/0/setup/databricksDestination");
        assertThat(e.problems().get(0).line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("secret");
    }
}
