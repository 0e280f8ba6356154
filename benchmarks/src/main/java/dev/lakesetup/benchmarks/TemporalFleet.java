package dev.lakesetup.benchmarks;

import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.fleet.FleetLine;
import dev.lakesetup.core.fleet.FleetOutcome;
import dev.lakesetup.core.fleet.FleetProgress;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.core.fleet.FleetStatus;
import dev.lakesetup.testkit.FakeWorkspaceFleet;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * W4 on Temporal: one workflow per workspace on the in-memory Temporal service, its task run by an activity on one
 * of two worker processes (two worker factories), the same call gate bounding the requests in flight. What it adds
 * to the in-process path is Temporal's cost: starting workflows, scheduling activities, recording history.
 */
final class TemporalFleet implements FleetPath, AutoCloseable {
    private static final String QUEUE = "w4";

    /** The workflow of one workspace. */
    @WorkflowInterface
    public interface MemberWorkflow {
        /**
         * Runs the workspace's task.
         *
         * @param key the workspace's key
         * @return the outcome's status and summary
         */
        @WorkflowMethod
        List<String> run(String key);
    }

    /** The activity that runs one workspace's task. */
    @ActivityInterface
    public interface MemberActivities {
        /**
         * Runs the workspace's task.
         *
         * @param key the workspace's key
         * @return the outcome's status and summary
         */
        List<String> runTask(String key);
    }

    /** The workflow: one activity, tried once (W4 measures the path, not retries). */
    static final class MemberWorkflowImpl implements MemberWorkflow {
        @Override
        public List<String> run(String key) {
            return Workflow.newActivityStub(MemberActivities.class, ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(30))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build()).runTask(key);
        }
    }

    private TestWorkflowEnvironment env;
    private final List<WorkerFactory> factories = new ArrayList<>();
    private final AtomicReference<MemberActivities> current = new AtomicReference<>();
    private int runs;

    @Override
    public String name() {
        return "temporal";
    }

    /**
     * Runs the fleet on the service and workers started by the first run (as a deployment's are already running),
     * so the wall measures the fleet, not starting the in-memory service.
     */
    @Override
    public FleetReport run(Run run) {
        startOnce(run.workspaces().size());
        long begin = System.nanoTime();
        Map<String, FakeWorkspaceFleet.Member> members = run.workspaces().stream()
                .collect(Collectors.toMap(FakeWorkspaceFleet.Member::key, Function.identity()));
        Map<String, Duration> durations = new ConcurrentHashMap<>();
        current.set(tasks(run, members, durations));
        WorkflowClient client = env.getWorkflowClient();
        String prefix = "w4/" + (++runs) + "/";
        List<String> keys = run.workspaces().stream().map(FakeWorkspaceFleet.Member::key).toList();
        keys.forEach(key -> WorkflowClient.start(client.newWorkflowStub(MemberWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(prefix + key).build())::run, key));
        List<FleetLine> lines = new ArrayList<>();
        for (String key : keys) {
            @SuppressWarnings("unchecked")
            List<String> result = client.newUntypedWorkflowStub(prefix + key).getResult(List.class);
            lines.add(new FleetLine(key, FleetStatus.valueOf(result.get(0)), result.get(1),
                    durations.getOrDefault(key, Duration.ZERO)));
        }
        return FleetReport.of(lines, Duration.ofNanos(System.nanoTime() - begin));
    }

    /** Starts the in-memory service and two worker processes (worker factories), once. */
    private void startOnce(int workspaces) {
        if (env != null) {
            return;
        }
        env = TestWorkflowEnvironment.newInstance();
        MemberActivities activities = key -> current.get().runTask(key);
        for (int process = 0; process < 2; process++) {
            WorkerFactory factory = WorkerFactory.newInstance(env.getWorkflowClient());
            Worker worker = factory.newWorker(QUEUE, WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(Math.max(200, workspaces)).build());
            worker.registerWorkflowImplementationFactory(MemberWorkflow.class, MemberWorkflowImpl::new);
            worker.registerActivitiesImplementations(activities);
            factory.start();
            factories.add(factory);
        }
    }

    /** Stops the workers and the in-memory service. */
    @Override
    public void close() {
        factories.forEach(WorkerFactory::shutdownNow);
        if (env != null) {
            env.close();
        }
    }

    /** The activity: connects through the run's gate and runs its task, a failure recorded as the member's. */
    private static MemberActivities tasks(Run run, Map<String, FakeWorkspaceFleet.Member> members,
            Map<String, Duration> durations) {
        CallGate gate = CallGate.of(run.concurrency());
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        int total = members.size();
        return key -> {
            long start = System.nanoTime();
            run.listener().memberStarted(key, new FleetProgress(total, started.incrementAndGet(), finished.get(), 0));
            FleetOutcome outcome;
            try {
                outcome = run.task().run(run.connect().apply(members.get(key), gate));
            } catch (RuntimeException e) {
                outcome = new FleetOutcome(FleetStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            finished.incrementAndGet();
            durations.put(key, Duration.ofNanos(System.nanoTime() - start));
            return List.of(outcome.status().name(), outcome.summary());
        };
    }
}
