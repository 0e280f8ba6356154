package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.Plan;
import org.junit.jupiter.api.Test;

/**
 * The SQL executor reads external locations from the documented DESCRIBE EXTERNAL LOCATION output and schemas from
 * the documented DESCRIBE SCHEMA output.
 */
class SqlDescribeTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";

    @Test
    void plan_overSql_whenReadOnlyLocationExistsAsDeclared_isEmpty() {
        try (FakeFixture f = FakeFixture.start()) {
            Blueprint blueprint = Blueprint.builder()
                    .resource(StorageCredential.named("lake_cred", new StorageIdentity.AzureManagedIdentity(CONNECTOR,
                            null)))
                    .resource(ExternalLocation.named("lake", "abfss://c@acct.dfs.core.windows.net/x", "lake_cred")
                            .readOnly(true).comment("landing"))
                    .build();
            Lakesetup rest = f.lakesetup(f.workspace.restExecutor());
            assertThat(rest.apply(rest.plan(blueprint)).isSuccess()).isTrue();

            Plan overSql = f.lakesetup(f.sqlExecutor()).plan(blueprint);

            assertThat(overSql.isEmpty()).as(overSql.changes().toString()).isTrue();
        }
    }

    @Test
    void plan_overSql_whenSchemaWithCommentWasAppliedOverSql_isEmpty() {
        try (FakeFixture f = FakeFixture.start()) {
            Blueprint blueprint = Blueprint.builder()
                    .resource(Catalog.named("described").comment("sales data"))
                    .resource(Schema.named("described", "raw").comment("raw files"))
                    .build();
            Lakesetup sql = f.lakesetup(f.sqlExecutor());
            assertThat(sql.apply(sql.plan(blueprint)).isSuccess()).isTrue();

            Plan again = sql.plan(blueprint);

            assertThat(again.isEmpty()).as(again.changes().toString()).isTrue();
        }
    }
}
