package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.record.MemoryRecordStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A maintenance tick verifies every workspace and rotates only the secrets inside the expiry window. */
class MaintenanceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
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
    void run_whenSecretsExpireAtDifferentTimes_rotatesOnlyThoseInsideTheWindowAndReportsFailures() {
        try (FakeFleet fleet = new FakeFleet(3)) {
            ExpiringSecrets secrets = new ExpiringSecrets(Map.of("ws-1", NOW.plus(Duration.ofDays(5)),
                    "ws-2", NOW.plus(Duration.ofDays(40)), "ws-3", NOW.plus(Duration.ofDays(2))));
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).lifecycle(secrets).build();
            rig.startWorker(workers);
            List<WorkspaceTarget> targets = new ArrayList<>(fleet.targets());
            targets.add(new WorkspaceTarget("ws-gone", FakeFleet.BLUEPRINT, "vault/ws-gone"));

            MaintenanceReport report = rig.workflow(FleetMaintenanceWorkflow.class, workers, "tick-1")
                    .run(targets, Duration.ofDays(14), TemporalRig.settings(workers));

            assertThat(report.rotations()).extracting(RotationSummary::workspaceRef, RotationSummary::rotated)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ws-1", List.of(FakeFleet.PRINCIPAL)),
                            org.assertj.core.groups.Tuple.tuple("ws-2", List.of()),
                            org.assertj.core.groups.Tuple.tuple("ws-3", List.of(FakeFleet.PRINCIPAL)));
            assertThat(report.rotations().get(1).kept()).containsExactly(FakeFleet.PRINCIPAL);
            assertThat(fleet.sinks.get("vault/ws-1")).hasSize(1);
            assertThat(fleet.sinks.get("vault/ws-2")).isEmpty();
            assertThat(fleet.sinks.get("vault/ws-3")).hasSize(1);
            assertThat(report.verified()).hasSize(3).allSatisfy(v -> assertThat(v.drift()).isNotEmpty()
                    .anyMatch(line -> line.contains("analytics")));
            assertThat(report.outcomes()).filteredOn(o -> !o.succeeded()).extracting(WorkspaceOutcome::workspaceRef)
                    .containsExactly("ws-gone");
            assertThat(report.outcomes().get(3).failure()).contains("ws-gone");
        }
    }

    @Test
    void offboard_runsTheWorkersTeardownAndReturnsWhatWasRemoved() {
        try (FakeFleet fleet = new FakeFleet(1)) {
            ExpiringSecrets lifecycle = new ExpiringSecrets(Map.of());
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).lifecycle(lifecycle)
                    .build();
            rig.startWorker(workers);

            List<String> removed = rig.workflow(OffboardingWorkflow.class, workers, "offboard-1")
                    .offboard(fleet.target("ws-1"), TemporalRig.settings(workers));

            assertThat(removed).containsExactly("service principal " + FakeFleet.PRINCIPAL, "catalog analytics",
                    "oauth secret named:" + FakeFleet.PRINCIPAL);
        }
    }

    /**
     * A stand-in for the SDK's secret rotation and teardown: each workspace's loader secret expires at a given time;
     * rotation hands a new one to the blueprint's sink when it expires within the window.
     */
    private static final class ExpiringSecrets implements FleetLifecycle {
        private final Map<String, Instant> expiry;

        ExpiringSecrets(Map<String, Instant> expiry) {
            this.expiry = expiry;
        }

        @Override
        public RotationSummary rotateExpiring(WorkspaceTarget target, Lakesetup lakesetup, Blueprint blueprint,
                Duration window) {
            List<String> rotated = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (Resource resource : blueprint.resources()) {
                if (resource instanceof OAuthSecret secret) {
                    boolean expiring = expiry.get(target.workspaceRef()).isBefore(NOW.plus(window));
                    if (expiring) {
                        secret.sink().accept(new OAuthCredentials(
                                ApplicationId.of("9f0c0000-0000-4000-8000-000000000001"), Secret.of("rotated")));
                    }
                    (expiring ? rotated : kept).add(FakeFleet.PRINCIPAL);
                }
            }
            return new RotationSummary(target.workspaceRef(), rotated, kept);
        }

        @Override
        public List<String> teardown(WorkspaceTarget target, Lakesetup lakesetup, Blueprint blueprint) {
            return blueprint.resources().stream().map(r -> r.id().toString().startsWith("oauth_secret")
                    ? "oauth secret " + r.id().toString().substring("oauth_secret:".length())
                    : describe(r)).toList();
        }

        private static String describe(Resource resource) {
            String id = resource.id().toString();
            return id.startsWith("service_principal") ? "service principal " + FakeFleet.PRINCIPAL
                    : "catalog " + id.substring(id.indexOf(':') + 1);
        }
    }
}
