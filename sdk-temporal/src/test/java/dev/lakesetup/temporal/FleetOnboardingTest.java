package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.testkit.FaultResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fleet of fake workspaces onboarded by two workers on Temporal's in-memory service. */
class FleetOnboardingTest {
    private static TemporalRig rig;

    @BeforeAll
    static void startTemporal() {
        rig = TemporalRig.start();
    }

    @AfterAll
    static void stopTemporal() {
        rig.close();
    }

    @Test
    void onboard_whenFleetIsHealthy_convergesEveryWorkspaceWithOneSecretDeliveredEach() {
        try (FakeFleet fleet = new FakeFleet(4)) {
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).build();
            rig.startWorker(workers);
            rig.startWorker(workers);

            FleetReport report = rig.workflow(FleetOnboardingWorkflow.class, workers, "fleet-healthy")
                    .onboard(fleet.targets(), TemporalRig.settings(workers));

            assertThat(report.failed()).isEmpty();
            assertThat(report.succeeded()).containsExactly("ws-1", "ws-2", "ws-3", "ws-4");
            for (String ref : fleet.workspaces.keySet()) {
                assertThat(fleet.secretsOfLoader(ref)).as(ref).isEqualTo(1);
                assertThat(fleet.sinks.get("vault/" + ref)).as(ref).hasSize(1);
                assertThat(fleet.fake(ref).snapshot().catalogs()).as(ref).contains("analytics");
            }
        }
    }

    @Test
    void onboard_whenSomeWorkspacesFail_completesTheOthersAndReportsWhichFailedWithWhy() {
        try (FakeFleet fleet = new FakeFleet(4)) {
            fleet.fake("ws-2").faults().on("POST", "/api/2\\.1/unity-catalog/catalogs").always()
                    .respond(FaultResponse.status(403).errorCode("PERMISSION_DENIED").message("no CREATE CATALOG"));
            fleet.fake("ws-4").faults().on("POST", "/api/2\\.1/unity-catalog/catalogs").always()
                    .respond(FaultResponse.status(503));
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).build();
            rig.startWorker(workers);

            FleetReport report = rig.workflow(FleetOnboardingWorkflow.class, workers, "fleet-partial")
                    .onboard(fleet.targets(), TemporalRig.settings(workers));

            assertThat(report.succeeded()).containsExactly("ws-1", "ws-3");
            assertThat(report.failed()).containsExactly("ws-2", "ws-4");
            assertThat(report.outcomes().get(1).failure()).contains("catalog analytics");
            assertThat(fleet.secretsOfLoader("ws-1")).isEqualTo(1);
            assertThat(fleet.secretsOfLoader("ws-3")).isEqualTo(1);
            assertThat(fleet.sinks.get("vault/ws-2")).isEmpty();
        }
    }

    @Test
    void onboard_whenRunTwice_issuesNoSecondSecretAndAppliesNothing() {
        try (FakeFleet fleet = new FakeFleet(1)) {
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).build();
            rig.startWorker(workers);
            OnboardingResult first = rig.workflow(OnboardingWorkflow.class, workers, "again-1")
                    .onboard(fleet.target("ws-1"), TemporalRig.settings(workers));

            OnboardingResult second = rig.workflow(OnboardingWorkflow.class, workers, "again-2")
                    .onboard(fleet.target("ws-1"), TemporalRig.settings(workers));

            assertThat(first.converged()).isTrue();
            assertThat(first.changes()).extracting(ChangeApplied::outcome).containsOnly(ChangeApplied.APPLIED);
            assertThat(second.changes()).isEmpty();
            assertThat(second.converged()).isTrue();
            assertThat(fleet.secretsOfLoader("ws-1")).isEqualTo(1);
            assertThat(fleet.sinks.get("vault/ws-1")).hasSize(1);
            assertThat(List.of(first.workspaceRef(), second.workspaceRef())).containsOnly("ws-1");
        }
    }
}
