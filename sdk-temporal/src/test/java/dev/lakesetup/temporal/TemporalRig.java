package dev.lakesetup.temporal;

import dev.lakesetup.core.record.MemoryRecordStore;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Temporal's in-memory service with time skipping, shared by the tests of a class; each test takes its own task
 * queues, so workers of one test never pick up another's work.
 */
final class TemporalRig implements AutoCloseable {
    final TestWorkflowEnvironment env;
    private final List<WorkerFactory> factories = new ArrayList<>();

    TemporalRig(TestWorkflowEnvironment env) {
        this.env = env;
    }

    static TemporalRig start() {
        return new TemporalRig(TestWorkflowEnvironment.newInstance());
    }

    /**
     * The in-memory service on real time: for tests where an attempt is lost with its worker and must time out,
     * which time skipping would otherwise fire while other attempts run.
     */
    static TemporalRig startOnRealTime() {
        return new TemporalRig(TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false).build()));
    }

    WorkflowClient client() {
        return env.getWorkflowClient();
    }

    /** Fresh, unique queue names for one test. */
    static LakesetupWorkers.Builder workers(CredentialResolver credentials, MemoryRecordStore records) {
        String queue = "lakesetup-" + UUID.randomUUID();
        return LakesetupWorkers.builder().taskQueue(queue).accountTaskQueue(queue + "-account", 50)
                .credentials(credentials).records(records).blueprint(FakeFleet.BLUEPRINT, (ref, sink) ->
                        FakeFleet.blueprint(sink))
                .workerOptions(WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ofSeconds(1))
                        .build());
    }

    /** Starts a new worker process (a factory of its own) with the configuration's two workers. */
    WorkerFactory startWorker(LakesetupWorkers workers) {
        WorkerFactory factory = WorkerFactory.newInstance(client());
        workers.registerOn(factory);
        factory.start();
        factories.add(factory);
        return factory;
    }

    <T> T workflow(Class<T> type, LakesetupWorkers workers, String id) {
        return client().newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(workers.taskQueue())
                .setWorkflowId(id).setWorkflowTaskTimeout(Duration.ofSeconds(2)).build());
    }

    /** Few attempts and a short attempt timeout (a lost attempt is retried after it, in real time). */
    static DurableSettings settings(LakesetupWorkers workers) {
        return workers.settings().withMaxAttempts(3).withAttemptTimeout(Duration.ofSeconds(3));
    }

    @Override
    public void close() {
        factories.forEach(WorkerFactory::shutdownNow);
        env.close();
    }
}
