package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Securable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs against a real workspace; skipped unless {@code DATABRICKS_HOST} and {@code DATABRICKS_TOKEN} are set
 * ({@code DATABRICKS_WAREHOUSE_ID} adds the SQL path). Creates a catalog named {@code lakesetup_it_<random>} and
 * leaves it for the operator to drop.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "DATABRICKS_HOST", matches = ".+")
@EnabledIfEnvironmentVariable(named = "DATABRICKS_TOKEN", matches = ".+")
class LiveWorkspaceTest {

    private static DatabricksWorkspace workspace() {
        DatabricksWorkspace.Builder builder = DatabricksWorkspace.builder().host(System.getenv("DATABRICKS_HOST"))
                .pat(System.getenv("DATABRICKS_TOKEN"));
        String warehouse = System.getenv("DATABRICKS_WAREHOUSE_ID");
        if (warehouse != null && !warehouse.isBlank()) {
            builder.warehouseId(warehouse);
        }
        return builder.build();
    }

    @Test
    void checkUnityCatalog_onLiveWorkspace_findsMetastore() {
        assertThat(workspace().restExecutor().checkUnityCatalog()).isNotBlank();
    }

    @Test
    void apply_onLiveWorkspace_createsCatalogAndReplanIsEmpty() {
        DatabricksWorkspace workspace = workspace();
        Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).build();
        String name = "lakesetup_it_" + UUID.randomUUID().toString().substring(0, 8);
        Blueprint blueprint = Blueprint.builder().resource(Catalog.named(name).comment("lakesetup live test")).build();

        assertThat(lakesetup.apply(lakesetup.plan(blueprint)).isSuccess()).isTrue();

        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "DATABRICKS_WAREHOUSE_ID", matches = ".+")
    void readGrants_throughSqlOnLiveWorkspace_answersForMain() {
        SqlExecutor sql = workspace().sqlExecutor();
        Map<Securable, ?> grants = TestDispatch.readGrants(sql, List.of(Securable.catalog("main")),
                TestDispatch.context());
        assertThat(grants).isNotNull();
    }
}
