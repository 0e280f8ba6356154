package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changing the comment or read-only flag of declared objects plans an UPDATE that the REST executor applies. */
class UcUpdateTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";
    private static final String URL = "abfss://c@acct.dfs.core.windows.net/x";

    private final FakeFixture f = FakeFixture.start();
    private final Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
    private final WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host())
            .setToken(f.fake.adminToken()).setAuthType("pat").setDisableRetries(true));

    @AfterEach
    void stop() {
        f.close();
    }

    private static Blueprint blueprint(String comment, boolean readOnly) {
        return Blueprint.builder()
                .resource(Catalog.named("profiles"))
                .resource(Schema.named("profiles", "raw").comment(comment))
                .resource(StorageCredential.named("lake_cred", new StorageIdentity.AzureManagedIdentity(CONNECTOR,
                        null)).comment(comment).readOnly(readOnly))
                .resource(ExternalLocation.named("lake", URL, "lake_cred").comment(comment).readOnly(readOnly))
                .build();
    }

    @Test
    void apply_whenCommentAndReadOnlyChange_plansUpdatesAndPatchesEachObject() {
        assertThat(lakesetup.apply(lakesetup.plan(blueprint("landing", false))).isSuccess()).isTrue();
        f.fake.resetRequests();

        Plan plan = lakesetup.plan(blueprint("curated", true));
        ApplyReport report = lakesetup.apply(plan);

        assertThat(plan.changes()).filteredOn(ResourceChange.class::isInstance).map(ResourceChange.class::cast)
                .filteredOn(c -> c.action() != Action.NO_OP).extracting(c -> c.action() + " " + c.kind())
                .containsExactlyInAnyOrder("UPDATE schema", "UPDATE storage_credential", "UPDATE external_location");
        assertThat(report.failures()).isEmpty();
        assertThat(w.schemas().get("profiles.raw").getComment()).isEqualTo("curated");
        assertThat(w.storageCredentials().get("lake_cred").getComment()).isEqualTo("curated");
        assertThat(w.storageCredentials().get("lake_cred").getReadOnly()).isTrue();
        assertThat(w.externalLocations().get("lake").getComment()).isEqualTo("curated");
        assertThat(w.externalLocations().get("lake").getReadOnly()).isTrue();
        assertThat(w.externalLocations().get("lake").getUrl()).isEqualTo(URL);
        for (String path : List.of("schemas/{full_name}", "storage-credentials/{name}", "external-locations/{name}")) {
            assertThat(f.fake.requests().count("PATCH /api/2.1/unity-catalog/" + path)).as(path).isEqualTo(1);
        }
        assertThat(lakesetup.plan(blueprint("curated", true)).isEmpty()).isTrue();
    }

    @Test
    void apply_whenOnlyReadOnlyChanges_leavesTheCommentAlone() {
        assertThat(lakesetup.apply(lakesetup.plan(blueprint("landing", false))).isSuccess()).isTrue();

        assertThat(lakesetup.apply(lakesetup.plan(blueprint("landing", true))).isSuccess()).isTrue();

        assertThat(w.externalLocations().get("lake").getComment()).isEqualTo("landing");
        assertThat(w.externalLocations().get("lake").getReadOnly()).isTrue();
        assertThat(w.storageCredentials().get("lake_cred").getComment()).isEqualTo("landing");
    }
}
