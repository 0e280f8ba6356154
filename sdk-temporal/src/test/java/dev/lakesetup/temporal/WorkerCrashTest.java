package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.record.MemoryRecordStore;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker dies right after each activity of one onboarding (plan, the four changes, the convergence check): the
 * run resumes on another worker, and the workspace ends with one secret, delivered once.
 */
class WorkerCrashTest {
    private static TemporalRig rig;

    @BeforeAll
    static void startTemporal() {
        rig = TemporalRig.start();
    }

    @AfterAll
    static void stopTemporal() {
        rig.close();
    }

    @ParameterizedTest(name = "killed after activity {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void onboard_whenWorkerDiesAfterAnActivity_resumesOnAnotherWorkerWithOneSecretIssued(int killAfter) {
        try (FakeFleet fleet = new FakeFleet(1)) {
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore()).build();
            WorkerFactory doomed = startDoomedWorker(workers, killAfter);
            String id = "crash-" + killAfter;
            WorkflowClient.start(rig.workflow(OnboardingWorkflow.class, workers, id)::onboard,
                    fleet.target("ws-1"), TemporalRig.settings(workers));
            doomed.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(doomed.isTerminated()).isTrue();

            rig.startWorker(workers);
            OnboardingResult result = rig.client().newUntypedWorkflowStub(id).getResult(OnboardingResult.class);

            assertThat(result.converged()).isTrue();
            assertThat(result.changes()).hasSize(4);
            assertThat(fleet.secretsOfLoader("ws-1")).isEqualTo(1);
            assertThat(fleet.sinks.get("vault/ws-1")).hasSize(1);
        }
    }

    /** A worker process that shuts itself down right after its n-th activity returned. */
    private static WorkerFactory startDoomedWorker(LakesetupWorkers workers, int killAfter) {
        AtomicInteger done = new AtomicInteger();
        AtomicReference<WorkerFactory> self = new AtomicReference<>();
        WorkerFactory factory = WorkerFactory.newInstance(rig.client(), WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new WorkerInterceptorBase() {
                    @Override
                    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
                        return new ActivityInboundCallsInterceptorBase(next) {
                            @Override
                            public ActivityOutput execute(ActivityInput input) {
                                ActivityOutput output = super.execute(input);
                                if (done.incrementAndGet() == killAfter) {
                                    new Thread(() -> self.get().shutdownNow()).start();
                                }
                                return output;
                            }
                        };
                    }
                }).build());
        self.set(factory);
        workers.registerOn(factory);
        factory.start();
        return factory;
    }
}
