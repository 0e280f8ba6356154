package dev.lakesetup.examples;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FakeWorkspaceExtension;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's own test of their onboarding code against the in-process fake workspace (shown in the README). */
class OnboardingTest {
    @RegisterExtension
    static final FakeWorkspaceExtension FAKE = FakeWorkspaceExtension.configure(workspace -> { });

    @Test
    void onboarding_grantsReadAccessToThePartnersPrincipal(FakeWorkspace fake) {
        FakeWorkspace.SeededPrincipal partner = fake.seedServicePrincipal("partner-sync");
        fake.seedCatalog("sales");
        DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                .pat(fake.adminToken()).warehouseId(FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID).build();
        Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).build();
        Principal sp = Principal.servicePrincipal(ApplicationId.of(partner.applicationId()));
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("partner_bookkeeping").comment("written by the partner"))
                .resource(Schema.named("partner_bookkeeping", "state"))
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, USE_SCHEMA, SELECT))
                .grant(Grant.on(Securable.schema("partner_bookkeeping", "state")).to(sp).privileges(USE_SCHEMA))
                .build();

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        WorkspaceSnapshot state = fake.snapshot();
        assertThat(state.catalogs()).contains("partner_bookkeeping");
        assertThat(state.schemas()).contains("partner_bookkeeping.state");
        assertThat(state.grantsOn("catalog", "sales").get(partner.applicationId()))
                .containsExactlyInAnyOrder("USE_CATALOG", "USE_SCHEMA", "SELECT");
        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }
}
