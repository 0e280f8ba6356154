package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.databricks.ValidationTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A maintenance tick verifies every workspace and rotates only the secrets inside the expiry window, and an
 * offboarding removes what the onboarding gave: both with the workers' default {@link FleetLifecycle}.
 */
class MaintenanceTest {
    private static TemporalRig rig;

    @BeforeAll
    static void startTemporal() {
        rig = TemporalRig.start();
    }

    @AfterAll
    static void stopTemporal() {
        rig.close();
    }

    /** Workers with the default lifecycle: ws-1's secret lives 5 days, the others' 40 days. */
    private static LakesetupWorkers workers(FakeFleet fleet, MemoryRecordStore records) {
        return TemporalRig.workers(fleet, records)
                .blueprint(FakeFleet.BLUEPRINT, (ref, sink) -> FakeFleet.blueprint(sink,
                        Duration.ofDays(ref.equals("ws-1") ? 5 : 40)))
                .rotation(Duration.ZERO, validator -> validator.plainHttpForTesting()
                        .transport(ValidationTransport.STATEMENT_API).warehouseId(FakeFleet.WAREHOUSE))
                .build();
    }

    @Test
    void run_whenSecretsExpireAtDifferentTimes_rotatesOnlyThoseInsideTheWindowAndReportsFailures() {
        try (FakeFleet fleet = new FakeFleet(2)) {
            MemoryRecordStore records = new MemoryRecordStore();
            LakesetupWorkers workers = workers(fleet, records);
            rig.startWorker(workers);
            assertThat(rig.workflow(FleetOnboardingWorkflow.class, workers, "onboard-tick")
                    .onboard(fleet.targets(), TemporalRig.settings(workers)).failed()).isEmpty();
            fleet.workspaces.keySet().forEach(fleet::loaderCanUseWarehouse);
            List<WorkspaceTarget> targets = new ArrayList<>(fleet.targets());
            targets.add(new WorkspaceTarget("ws-gone", FakeFleet.BLUEPRINT, "vault/ws-gone"));

            MaintenanceReport report = rig.workflow(FleetMaintenanceWorkflow.class, workers, "tick-1")
                    .run(targets, Duration.ofDays(14), TemporalRig.settings(workers));

            assertThat(report.rotations()).extracting(RotationSummary::workspaceRef, RotationSummary::rotated,
                    RotationSummary::kept).containsExactly(tuple("ws-1", List.of(fleet.loaderId("ws-1")), List.of()),
                            tuple("ws-2", List.of(), List.of(fleet.loaderId("ws-2"))));
            assertThat(fleet.sinks.get("vault/ws-1")).hasSize(2);
            assertThat(fleet.sinks.get("vault/ws-2")).hasSize(1);
            assertThat(fleet.secretsOfLoader("ws-1")).as("the old secret deleted (keep window zero)").isEqualTo(1);
            assertThat(fleet.secretsOfLoader("ws-2")).isEqualTo(1);
            assertThat(records.keys("temporal/rotations/")).isEmpty();
            assertThat(report.verified()).hasSize(2);
            assertThat(report.outcomes()).filteredOn(o -> !o.succeeded()).extracting(WorkspaceOutcome::workspaceRef)
                    .containsExactly("ws-gone");
            assertThat(report.outcomes().get(2).failure()).contains("ws-gone");
        }
    }

    @Test
    void offboard_afterOnboarding_removesWhatTheOnboardingGaveAndKeepsAnotherPrincipalsGrant() {
        try (FakeFleet fleet = new FakeFleet(1)) {
            fleet.fake("ws-1").seedCatalog("analytics").seedGrant("catalog", "analytics", "analysts", "USE_CATALOG");
            MemoryRecordStore records = new MemoryRecordStore();
            LakesetupWorkers workers = workers(fleet, records);
            rig.startWorker(workers);
            rig.workflow(OnboardingWorkflow.class, workers, "onboard-1").onboard(fleet.target("ws-1"),
                    TemporalRig.settings(workers));
            String loader = fleet.loaderId("ws-1");

            List<String> removed = rig.workflow(OffboardingWorkflow.class, workers, "offboard-1")
                    .offboard(fleet.target("ws-1"), TemporalRig.settings(workers));

            assertThat(removed).isNotEmpty().anyMatch(line -> line.startsWith("revoke"))
                    .anyMatch(line -> line.startsWith("delete")).noneMatch(line -> line.contains("analysts"));
            assertThat(fleet.secretsOfLoader("ws-1")).isZero();
            assertThat(fleet.fake("ws-1").snapshot().grantsOn("catalog", "analytics"))
                    .containsEntry("analysts", Set.of("USE_CATALOG")).doesNotContainKey(loader);
        }
    }
}
