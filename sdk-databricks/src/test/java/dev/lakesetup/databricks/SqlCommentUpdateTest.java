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
 * The SQL executor changes a catalog's or schema's comment with the documented {@code COMMENT ON} and an external
 * location's comment through the REST API, since no documented SQL statement changes it.
 */
class SqlCommentUpdateTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";
    private static final String CATALOG_PATCH = "PATCH /api/2.1/unity-catalog/catalogs/{name}";
    private static final String SCHEMA_PATCH = "PATCH /api/2.1/unity-catalog/schemas/{full_name}";
    private static final String LOCATION_PATCH = "PATCH /api/2.1/unity-catalog/external-locations/{name}";

    private static Blueprint commented(String comment) {
        return Blueprint.builder()
                .resource(Catalog.named("noted").comment(comment))
                .resource(Schema.named("noted", "raw").comment(comment))
                .resource(StorageCredential.named("noted_cred", new StorageIdentity.AzureManagedIdentity(CONNECTOR,
                        null)))
                .resource(ExternalLocation.named("noted_loc", "abfss://c@acct.dfs.core.windows.net/n", "noted_cred")
                        .comment(comment))
                .build();
    }

    @Test
    void apply_overSql_whenCommentsChange_usesCommentOnForCatalogAndSchemaAndTheApiForTheLocation() {
        try (FakeFixture f = FakeFixture.start()) {
            Lakesetup rest = f.lakesetup(f.workspace.restExecutor());
            assertThat(rest.apply(rest.plan(commented("old"))).isSuccess()).isTrue();
            Lakesetup sql = f.lakesetup(f.sqlExecutor());

            Plan update = sql.plan(commented("new"));
            assertThat(update.changes()).filteredOn(c -> c.action().name().equals("UPDATE")).hasSize(3);
            assertThat(sql.apply(update).isSuccess()).as(update.changes().toString()).isTrue();

            assertThat(f.fake.requests().count(CATALOG_PATCH)).as("catalog comment by COMMENT ON").isZero();
            assertThat(f.fake.requests().count(SCHEMA_PATCH)).as("schema comment by COMMENT ON").isZero();
            assertThat(f.fake.requests().count(LOCATION_PATCH)).as("location comment by the API").isEqualTo(1);
            Plan again = sql.plan(commented("new"));
            assertThat(again.isEmpty()).as(again.changes().toString()).isTrue();
        }
    }
}
