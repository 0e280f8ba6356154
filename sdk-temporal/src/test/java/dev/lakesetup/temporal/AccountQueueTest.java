package dev.lakesetup.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.record.MemoryRecordStore;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.temporal.api.workflowservice.v1.PollActivityTaskQueueRequest;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Account-level activities run on their own task queue, whose every poll asks the Temporal service to hold the
 * account rate across all workers ({@code TaskQueueMetadata.max_tasks_per_second}). The in-memory service does
 * not enforce that rate (a real one does), so the test checks what the workers ask of the service, from two
 * worker processes, and that the fleet's secrets went through that queue.
 */
class AccountQueueTest {

    @Test
    void onboard_fleet_runsSecretIssuesOnTheAccountQueueWithTheRateInEveryPoll() {
        List<PollActivityTaskQueueRequest> polls = new CopyOnWriteArrayList<>();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowServiceStubsOptions(WorkflowServiceStubsOptions.newBuilder()
                        .addGrpcClientInterceptor(recording(polls)).build()).build());
        try (TemporalRig rig = new TemporalRig(env); FakeFleet fleet = new FakeFleet(3)) {
            LakesetupWorkers workers = TemporalRig.workers(fleet, new MemoryRecordStore())
                    .accountTaskQueue("account-" + System.nanoTime(), 2.5).build();
            rig.startWorker(workers);
            rig.startWorker(workers);

            FleetReport report = rig.workflow(FleetOnboardingWorkflow.class, workers, "paced")
                    .onboard(fleet.targets(), TemporalRig.settings(workers));

            assertThat(report.failed()).isEmpty();
            String account = workers.settings().accountTaskQueue();
            List<PollActivityTaskQueueRequest> accountPolls = polls.stream()
                    .filter(p -> p.getTaskQueue().getName().equals(account)).toList();
            assertThat(accountPolls).isNotEmpty().allSatisfy(poll -> {
                assertThat(poll.hasTaskQueueMetadata()).isTrue();
                assertThat(poll.getTaskQueueMetadata().getMaxTasksPerSecond().getValue()).isEqualTo(2.5);
            });
            assertThat(polls.stream().filter(p -> p.getTaskQueue().getName().equals(workers.taskQueue())))
                    .isNotEmpty().noneMatch(PollActivityTaskQueueRequest::hasTaskQueueMetadata);
            for (String ref : fleet.workspaces.keySet()) {
                assertThat(fleet.secretsOfLoader(ref)).isEqualTo(1);
            }
        }
    }

    private static ClientInterceptor recording(List<PollActivityTaskQueueRequest> polls) {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options,
                    Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void sendMessage(Q message) {
                        if (message instanceof PollActivityTaskQueueRequest poll) {
                            polls.add(poll);
                        }
                        super.sendMessage(message);
                    }
                };
            }
        };
    }
}
