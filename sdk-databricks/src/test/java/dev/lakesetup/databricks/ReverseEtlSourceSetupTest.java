package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.catalog.Privilege;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Reverse ETL source recipe against the fake workspace, validated as the principal over JDBC. */
class ReverseEtlSourceSetupTest extends OnFakeWorkspace {
    private static final String NAME = "segment-reverse-etl";
    private static final String RETL = "sales.__segment_reverse_etl";

    private final List<OAuthCredentials> vault = new ArrayList<>();

    @BeforeEach
    void seedTables() {
        List<String> columns = List.of("id INT", "name STRING");
        List<List<?>> rows = List.of(List.of(1, "a"));
        f.fake.seedTable("sales.orders.items", columns, rows).seedTable("sales.customers.accounts", columns, rows)
                .seedTable("sales.finance.salaries", columns, rows);
    }

    private ReverseEtlSourceSetup.Builder recipe() {
        return ReverseEtlSourceSetup.builder().servicePrincipalNamed(NAME).warehouse(FakeFixture.WAREHOUSE)
                .readSchemas("sales", "orders", "customers").validateWithTables("sales.orders.items")
                .secretSink(vault::add);
    }

    private SetupResult run(ReverseEtlSourceSetup setup) {
        return setup.run(f.lakesetup(f.workspace.restExecutor()), f.workspace, FAKE_OPTIONS);
    }

    @Test
    void run_whenVendorCreatesItsSchema_grantsReadAccessAndCreateSchema() {
        SetupResult result = run(recipe().vendorCreatesSchemaIn("sales").build());

        WorkspaceSnapshot snapshot = f.fake.snapshot();
        String sp = RecipeTestRuns.appId(snapshot, NAME);
        assertThat(snapshot.warehouseAcls().get(FakeFixture.WAREHOUSE))
                .containsEntry("service_principal_name:" + sp, "CAN_USE");
        assertThat(snapshot.grantsOn("catalog", "sales")).containsEntry(sp, Set.of("USE_CATALOG", "CREATE_SCHEMA"));
        assertThat(snapshot.grantsOn("schema", "sales.orders")).containsEntry(sp, Set.of("USE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("schema", "sales.customers")).containsEntry(sp, Set.of("USE_SCHEMA", "SELECT"));
        assertThat(snapshot.grantsOn("schema", "sales.finance")).doesNotContainKey(sp);
        assertThat(snapshot.schemas()).doesNotContain(RETL);
        ValidationReport validation = result.validation().orElseThrow();
        assertThat(validation.passed()).as(validation.render()).isTrue();
        assertThat(validation.checks()).extracting(ValidationCheck::name)
                .contains("SHOW SCHEMAS IN sales", "SELECT * FROM sales.orders.items LIMIT 10");
        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.connectionDetails().catalog().fullName()).isEqualTo("sales");
    }

    @Test
    void run_whenSchemaIsPrecreated_createsItWithAllPrivilegesAndNoCreateSchema() {
        SetupResult result = run(recipe().precreatedSchemaIn("sales").build());

        WorkspaceSnapshot snapshot = f.fake.snapshot();
        String sp = RecipeTestRuns.appId(snapshot, NAME);
        assertThat(snapshot.schemas()).contains(RETL);
        assertThat(snapshot.grantsOn("schema", RETL)).containsEntry(sp, Set.of("ALL_PRIVILEGES"));
        assertThat(snapshot.grantsOn("catalog", "sales")).containsEntry(sp, Set.of("USE_CATALOG"));
        assertThat(result.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
        assertThat(result.succeeded()).as(result.toString()).isTrue();
    }

    @Test
    void run_whenAdminRevokesSelect_rerunHealsItAndKeepsOthersGrants() {
        f.fake.seedUser("ana@example.com").seedGrant("schema", "sales.orders", "ana@example.com", "SELECT");
        run(recipe().vendorCreatesSchemaIn("sales").build());
        String sp = RecipeTestRuns.appId(f.fake.snapshot(), NAME);
        RecipeTestRuns.revoke(f, "schema", "sales.orders", sp, Privilege.SELECT);
        ReverseEtlSourceSetup again = recipe().vendorCreatesSchemaIn("sales").validateWith(vault.get(0)).build();

        SetupResult healed = run(again);

        assertThat(healed.plan().actionableChanges()).extracting(change -> change.object())
                .containsExactly("grants on schema sales.orders");
        assertThat(healed.plan().changes()).noneMatch(change -> change.action() == Action.REVOKE);
        assertThat(f.fake.snapshot().grantsOn("schema", "sales.orders"))
                .containsEntry(sp, Set.of("USE_SCHEMA", "SELECT")).containsEntry("ana@example.com", Set.of("SELECT"));
        assertThat(healed.succeeded()).as(healed.toString()).isTrue();
        assertThat(run(again).plan().isEmpty()).isTrue();
    }

    @Test
    void build_whenInputIsIncompleteOrContradictory_namesFieldValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> recipe().build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bookkeeping schema").hasMessageContaining("none")
                .hasMessageContaining("vendorCreatesSchemaIn(catalog) or precreatedSchemaIn(catalog)");
        assertThatThrownBy(() -> recipe().vendorCreatesSchemaIn("sales").precreatedSchemaIn("sales").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 choices");
        assertThatThrownBy(() -> ReverseEtlSourceSetup.builder().servicePrincipalNamed(NAME).warehouse("wh1")
                .secretSink(vault::add).vendorCreatesSchemaIn("sales").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("read schemas")
                .hasMessageContaining("readSchemas(catalog, schema...)");
        assertThatThrownBy(() -> recipe().readSchemas("sales")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no schema was given");
    }
}
