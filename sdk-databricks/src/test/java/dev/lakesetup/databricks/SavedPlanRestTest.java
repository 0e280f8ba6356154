package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.StalePlanException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.SavedPlan;
import dev.lakesetup.testkit.FakeWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved plans through the REST executor against the fake workspace: the check reads what the planner read. */
class SavedPlanRestTest {
    @TempDir
    Path dir;

    @Test
    void applySaved_whenSomeoneChangedTheWorkspaceSincePlanning_refusesThenAppliesAFreshPlan() {
        try (FakeFixture f = FakeFixture.start()) {
            f.fake.seedCatalog("sales");
            f.fake.seedCatalog("profiles");
            FakeWorkspace.SeededPrincipal partner = f.fake.seedServicePrincipal("partner");
            Principal sp = Principal.servicePrincipal(ApplicationId.of(partner.applicationId()));
            Blueprint blueprint = Blueprint.builder()
                    .resource(Catalog.named("profiles").comment("bookkeeping"))
                    .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, SELECT))
                    .build();
            Path file = dir.resolve("plan.json");
            f.lakesetup(f.workspace.restExecutor()).plan(blueprint).write(file);
            WorkspaceClient admin = new WorkspaceClient(new DatabricksConfig().setHost(f.fake.host())
                    .setToken(f.fake.adminToken()).setAuthType("pat").setDisableRetries(true));
            admin.catalogs().update(new UpdateCatalog().setName("profiles").setComment("changed by hand"));
            f.fake.seedGrant("catalog", "sales", "analysts", "SELECT");

            assertThatThrownBy(() -> f.lakesetup(f.workspace.restExecutor()).apply(SavedPlan.read(file), blueprint))
                    .isInstanceOfSatisfying(StalePlanException.class, e -> assertThat(e.differences())
                            .extracting(Object::toString).containsExactly(
                                    "catalog profiles: at planning 'exists', now 'exists with {comment=[changed by hand]}'",
                                    "grants on catalog sales: at planning 'no grants', now '{analysts=[SELECT]}'"));
            assertThat(f.fake.snapshot().grantsOn("catalog", "sales")).doesNotContainKey(partner.applicationId());

            f.lakesetup(f.workspace.restExecutor()).plan(blueprint).write(file);
            ApplyReport report = f.lakesetup(f.workspace.restExecutor()).apply(SavedPlan.read(file), blueprint);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(f.fake.snapshot().grantsOn("catalog", "sales").get(partner.applicationId()))
                    .containsExactlyInAnyOrder("USE_CATALOG", "SELECT");
        }
    }
}
