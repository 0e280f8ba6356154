package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.record.MemoryRecordStore;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker dies right after each activity of one onboarding did its work (plan, the four changes, the convergence
 * check), before Temporal heard of the result: the attempt times out, the run resumes on another worker, and no
 * write is repeated: the workspace ends with one secret, delivered once.
 *
 * <p>Runs on the in-memory service in real time: a lost attempt must time out (three seconds here) while the
 * retries run, which time skipping would fire at once. The dead worker does not stop its pollers: it hangs in its
 * only activity slot, as a frozen process would (the in-memory service hands tasks to the polls of a factory shut
 * down mid-poll and loses them, which a real service does not).
 */
class WorkerCrashTest {
    private static TemporalRig rig;
    private static final CountDownLatch RELEASE_DEAD_WORKERS = new CountDownLatch(1);

    @BeforeAll
    static void startTemporal() {
        rig = TemporalRig.startOnRealTime();
    }

    @AfterAll
    static void stopTemporal() {
        RELEASE_DEAD_WORKERS.countDown();
        rig.close();
    }

    @ParameterizedTest(name = "dies after activity {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void onboard_whenWorkerDiesAfterAnActivity_resumesOnAnotherWorkerWithoutRepeatingAWrite(int killAfter)
            throws InterruptedException {
        try (FakeFleet fleet = new FakeFleet(1)) {
            LakesetupWorkers.Builder builder = TemporalRig.workers(fleet, new MemoryRecordStore());
            LakesetupWorkers workers = builder.build();
            CountDownLatch died = new CountDownLatch(1);
            startDoomedWorker(died, builder.workerOptions(WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(1).build()).build(), killAfter);
            String id = "crash-" + killAfter;
            WorkflowClient.start(rig.workflow(OnboardingWorkflow.class, workers, id)::onboard,
                    fleet.target("ws-1"), TemporalRig.settings(workers).withPropagationWait(Duration.ZERO));

            assertThat(died.await(60, TimeUnit.SECONDS)).as("the doomed worker reached activity %s", killAfter).isTrue();
            rig.startWorker(workers);
            OnboardingResult result = rig.client().newUntypedWorkflowStub(id).getResult(OnboardingResult.class);

            assertThat(result.converged()).isTrue();
            assertThat(result.changes()).hasSize(4);
            assertThat(fleet.secretsOfLoader("ws-1")).isEqualTo(1);
            assertThat(fleet.sinks.get("vault/ws-1")).hasSize(1);
        }
    }

    /** A worker process that freezes right after its n-th activity did its work, before reporting it. */
    private static void startDoomedWorker(CountDownLatch died, LakesetupWorkers workers, int killAfter) {
        AtomicInteger done = new AtomicInteger();
        WorkerFactory factory = WorkerFactory.newInstance(rig.client(), WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new WorkerInterceptorBase() {
                    @Override
                    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
                        return new ActivityInboundCallsInterceptorBase(next) {
                            @Override
                            public ActivityOutput execute(ActivityInput input) {
                                if (done.get() >= killAfter) {
                                    return freeze(died);
                                }
                                ActivityOutput output = super.execute(input);
                                return done.incrementAndGet() == killAfter ? freeze(died) : output;
                            }
                        };
                    }
                }).build());
        workers.registerOn(factory);
        factory.start();
    }

    private static <T> T freeze(CountDownLatch died) {
        died.countDown();
        try {
            RELEASE_DEAD_WORKERS.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("this worker died");
    }
}
