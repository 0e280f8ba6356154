package dev.lakesetup.databricks.reliability;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eventual consistency: a principal that is not visible yet is retried within its own bounded window and only for
 * that error; a grants change is confirmed by the service's answer, and read back (polling) only when that answer
 * does not list the grants.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConsistencyTest {
    private static final String GRANTS_PATCH = "PATCH /api/2.1/unity-catalog/permissions/{type}/{name}";
    private static final String GRANTS_GET = "GET /api/2.1/unity-catalog/permissions/{type}/{name}";

    private static Blueprint grantTo(ServicePrincipal sp) {
        return Blueprint.builder().grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, SELECT))
                .build();
    }

    private static ServicePrincipal seeded(Rig rig) {
        rig.fake.seedCatalog("sales");
        return Principal.servicePrincipal(ApplicationId.of(rig.fake.seedServicePrincipal("loader").applicationId()));
    }

    @Test
    void apply_whenPrincipalInvisibleForThreeCalls_retriesUntilVisible() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seeded(rig);
            String appId = sp.applicationId().orElseThrow().toString();
            rig.fake.faults().principalInvisible(appId, 3);

            ApplyReport report = rig.apply(grantTo(sp));

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(Rig.outcomeOf(report, "grants on catalog sales").attempts()).isEqualTo(4);
            assertThat(rig.fake.snapshot().grantsOn("catalog", "sales").get(appId))
                    .containsExactlyInAnyOrder("USE_CATALOG", "SELECT");
        }
    }

    @Test
    void apply_whenPrincipalNeverBecomesVisible_givesUpWithinItsWindow() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seeded(rig);
            rig.fake.faults().principalInvisible(sp.applicationId().orElseThrow().toString(), 10_000);
            RetryPolicy policy = RetryPolicy.defaults().toBuilder().notYetVisibleMaxAttempts(6)
                    .notYetVisibleWindow(Duration.ofSeconds(20)).build();

            ApplyReport report = rig.lakesetup(rig.workspace.restExecutor(), policy)
                    .apply(rig.lakesetup().plan(grantTo(sp)));

            ChangeOutcome grants = Rig.outcomeOf(report, "grants on catalog sales");
            assertThat(grants.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(grants.reason()).contains("NOT_YET_VISIBLE");
            assertThat(grants.attempts()).isBetween(2, 6);
            assertThat(rig.fake.requests().count(GRANTS_PATCH)).isEqualTo(grants.attempts());
            assertThat(rig.time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(20));
        }
    }

    @Test
    void apply_whenPermissionDenied_doesNotRetryAsNotYetVisible() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seeded(rig);
            rig.fake.faults().on("PATCH", Rig.PERMISSIONS).always().respond(FaultResponse.status(403)
                    .errorCode("PERMISSION_DENIED").message("User does not have MANAGE on Catalog 'sales'."));

            ApplyReport report = rig.apply(grantTo(sp));

            ChangeOutcome grants = Rig.outcomeOf(report, "grants on catalog sales");
            assertThat(grants.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(grants.attempts()).isEqualTo(1);
            assertThat(grants.reason()).contains("FATAL").contains("PERMISSION_DENIED");
            assertThat(rig.time.waits()).isEmpty();
        }
    }

    @Test
    void apply_whenGrantsReadBackStaleAfterPatch_trustsThePatchAnswerAndReadsNothingBack() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seeded(rig);
            rig.fake.faults().staleGrantsReadBack(2);

            ApplyReport report = rig.apply(grantTo(sp));

            // The PATCH answer is the service's own account of that write and lists the new grants: confirmation
            // enough, so the stale reads are never made. One GET is the planning read.
            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(rig.fake.requests().count(GRANTS_PATCH)).isEqualTo(1);
            assertThat(rig.fake.requests().count(GRANTS_GET)).isEqualTo(1);
            assertThat(rig.time.waits()).isEmpty();
        }
    }

    @Test
    void apply_whenPatchAnswerListsNoGrants_pollsWithReadBacks() {
        try (Rig rig = Rig.withPat()) {
            ServicePrincipal sp = seeded(rig);
            rig.fake.faults().on("PATCH", Rig.PERMISSIONS).times(1)
                    .respond(FaultResponse.raw(200, "application/json", "{}"));

            ApplyReport report = rig.apply(grantTo(sp));

            // The answer confirms nothing (and this fake did not apply the change): the read-backs poll and give up.
            ChangeOutcome grants = Rig.outcomeOf(report, "grants on catalog sales");
            assertThat(grants.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(grants.reason()).contains("not visible after 5 read-backs");
            assertThat(rig.fake.requests().count(GRANTS_GET)).isEqualTo(1 + 5);
            assertThat(rig.time.waits()).containsOnly(RetryPolicy.defaults().readBackInterval()).hasSize(4);
        }
    }
}
