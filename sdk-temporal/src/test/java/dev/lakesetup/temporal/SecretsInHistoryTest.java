package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.record.MemoryRecordStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No admin credential and no issued secret reaches a workflow's history: every payload of every run is scanned. */
class SecretsInHistoryTest {
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
    void onboard_history_holdsNoAdminTokenAndNoIssuedSecretInAnyPayload() {
        try (FakeFleet fleet = new FakeFleet(2)) {
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).build();
            rig.startWorker(workers);

            FleetReport report = rig.workflow(FleetOnboardingWorkflow.class, workers, "scan")
                    .onboard(fleet.targets(), TemporalRig.settings(workers));

            assertThat(report.failed()).isEmpty();
            List<String> secrets = new ArrayList<>();
            fleet.workspaces.values().forEach(fake -> secrets.add(fake.adminToken()));
            fleet.sinks.values().forEach(received -> received.forEach(c -> secrets.add(c.secret().reveal())));
            assertThat(secrets).hasSize(4).doesNotContainNull();
            for (String workflowId : List.of("scan", "scan/ws-1", "scan/ws-2")) {
                List<String> payloads = HistoryScan.payloads(rig.client(), workflowId);
                String text = HistoryScan.text(rig.client(), workflowId);
                assertThat(payloads).as(workflowId).isNotEmpty();
                assertThat(String.join("\n", payloads)).as(workflowId).contains("ws-").contains("vault/");
                for (String secret : secrets) {
                    assertThat(payloads).as(workflowId).noneMatch(p -> p.contains(secret));
                    assertThat(text).as(workflowId).doesNotContain(secret);
                }
            }
        }
    }
}
