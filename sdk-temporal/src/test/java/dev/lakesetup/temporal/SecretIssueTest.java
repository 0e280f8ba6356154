package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.databricks.DatabricksWorkspace;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An OAuth secret is issued at most once per declaration and run, also when its delivery failed after the issue. */
class SecretIssueTest {
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
    void onboard_whenSinkFailsAfterTheServiceIssued_refusesToIssueAgainAndNamesTheRecord() {
        try (FakeFleet fleet = new FakeFleet(1)) {
            MemoryRecordStore records = new MemoryRecordStore();
            LakesetupWorkers workers = TemporalRig.workers(new FailingVault(fleet), records).build();
            rig.startWorker(workers);

            assertThatThrownBy(() -> rig.workflow(OnboardingWorkflow.class, workers, "lost-secret")
                    .onboard(fleet.target("ws-1"), TemporalRig.settings(workers)))
                    .isInstanceOf(WorkflowFailedException.class)
                    .rootCause().isInstanceOf(ApplicationFailure.class)
                    .satisfies(failure -> assertThat(((ApplicationFailure) failure).getType())
                            .isEqualTo(OnboardingActivitiesImpl.UNCONFIRMED_SECRET))
                    .hasMessageContaining("vault/ws-1").hasMessageContaining("temporal/secret-issues/lost-secret/");

            assertThat(fleet.secretsOfLoader("ws-1")).isEqualTo(1);
            assertThat(fleet.sinks.get("vault/ws-1")).isEmpty();
            assertThat(records.keys("temporal/secret-issues/lost-secret/")).hasSize(1);
        }
    }

    /** The fleet's vault, whose first write fails: the service has issued the secret, the sink never holds it. */
    private static final class FailingVault implements CredentialResolver {
        private final FakeFleet fleet;
        private final AtomicInteger writes = new AtomicInteger();

        FailingVault(FakeFleet fleet) {
            this.fleet = fleet;
        }

        @Override
        public DatabricksWorkspace workspace(String workspaceRef) {
            return fleet.workspace(workspaceRef);
        }

        @Override
        public SecretSink sink(String sinkRef) {
            SecretSink vault = fleet.sink(sinkRef);
            return (OAuthCredentials credentials) -> {
                if (writes.incrementAndGet() == 1) {
                    throw new IllegalStateException("vault unavailable");
                }
                vault.accept(credentials);
            };
        }
    }
}
