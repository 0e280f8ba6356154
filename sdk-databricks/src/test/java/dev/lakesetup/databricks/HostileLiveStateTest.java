package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.CreateCatalog;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import dev.lakesetup.testkit.FaultResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Service text that a declaration could never hold (control characters, a storage root that is not a cloud storage
 * URL, a credential name the model rejects) does not break planning: the live state is still a value of the
 * declared kind, and the plan shows the difference as an UPDATE (mutable settings) or a CONFLICT (immutable ones).
 */
class HostileLiveStateTest {
    private static final String JSON = "application/json";
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";
    private static final String URL = "abfss://c@acct.dfs.core.windows.net/x";
    private static final String HOSTILE = "bell \u0007, null \u0000, right-to-left \u202e, quotes ' \" ` and\nnewline";

    private final FakeFixture f = FakeFixture.start();
    private final Lakesetup lakesetup = f.lakesetup(f.workspace.restExecutor());
    private final WorkspaceClient w = new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host())
            .setToken(f.fake.adminToken()).setAuthType("pat").setDisableRetries(true));

    @AfterEach
    void stop() {
        f.close();
    }

    private static ResourceChange change(Plan plan, String kind) {
        return plan.changes().stream().filter(ResourceChange.class::isInstance).map(ResourceChange.class::cast)
                .filter(c -> c.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void plan_whenTheLiveCommentHasControlCharacters_plansAnUpdateShowingTheLiveText() {
        w.catalogs().create(new CreateCatalog().setName("profiles").setComment(HOSTILE));

        Plan plan = lakesetup.plan(Blueprint.builder().resource(Catalog.named("profiles").comment("curated"))
                .build());

        ResourceChange update = change(plan, "catalog");
        assertThat(update.action()).isEqualTo(Action.UPDATE);
        assertThat(update.settings()).singleElement().satisfies(setting -> {
            assertThat(setting.name()).isEqualTo("comment");
            assertThat(setting.before()).containsExactly(HOSTILE);
        });
        assertThat(lakesetup.apply(plan).isSuccess()).isTrue();
        assertThat(w.catalogs().get("profiles").getComment()).isEqualTo("curated");
    }

    @Test
    void plan_whenTheLiveStorageRootIsNoStorageUrl_plansAConflictInsteadOfFailing() {
        f.fake.seedCatalog("profiles");
        f.fake.faults().on("GET", "/api/2.1/unity-catalog/catalogs/profiles").always().respond(FaultResponse.raw(
                200, JSON, "{\"name\":\"profiles\",\"storage_root\":\"dbfs:/not a cloud url\\u0000\"}"));

        Plan declared = lakesetup.plan(Blueprint.builder().resource(Catalog.named("profiles")
                .managedLocation(URL)).build());
        Plan undeclared = lakesetup.plan(Blueprint.builder().resource(Catalog.named("profiles")).build());

        assertThat(change(declared, "catalog").action()).isEqualTo(Action.CONFLICT);
        assertThat(change(undeclared, "catalog").action()).isEqualTo(Action.NO_OP);
    }

    @Test
    void plan_whenTheLiveLocationHasAnUnreadableUrlAndCredential_plansAConflictNamingThem() {
        f.fake.faults().on("GET", "/api/2.1/unity-catalog/external-locations/lake").always().respond(
                FaultResponse.raw(200, JSON, "{\"name\":\"lake\",\"url\":\"ftp://elsewhere \\u0007\","
                        + "\"credential_name\":\"\\u0000\",\"comment\":\"" + "x\\u202ey" + "\",\"read_only\":false}"));
        f.fake.faults().on("GET", "/api/2.1/unity-catalog/storage-credentials/lake_cred").always().respond(
                FaultResponse.raw(200, JSON, "{\"name\":\"lake_cred\",\"azure_managed_identity\":"
                        + "{\"access_connector_id\":\"not an arm id\"}}"));

        Plan plan = lakesetup.plan(Blueprint.builder()
                .resource(StorageCredential.named("lake_cred", new StorageIdentity.AzureManagedIdentity(CONNECTOR,
                        null)))
                .resource(ExternalLocation.named("lake", URL, "lake_cred").comment("landing")).build());

        ResourceChange location = change(plan, "external_location");
        assertThat(location.action()).isEqualTo(Action.CONFLICT);
        assertThat(location.settings()).extracting(SettingChange::name).contains("url", "credential", "comment");
        assertThat(change(plan, "storage_credential").action()).isEqualTo(Action.CONFLICT);
    }
}
