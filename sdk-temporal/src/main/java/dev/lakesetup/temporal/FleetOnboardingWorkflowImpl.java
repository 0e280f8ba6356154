package dev.lakesetup.temporal;

import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Starts one onboarding child workflow per workspace, all at once, and reports each one's end. */
final class FleetOnboardingWorkflowImpl implements FleetOnboardingWorkflow {

    @Override
    public FleetReport onboard(List<WorkspaceTarget> targets, DurableSettings settings) {
        List<Promise<OnboardingResult>> runs = new ArrayList<>();
        for (WorkspaceTarget target : targets) {
            OnboardingWorkflow child = Workflow.newChildWorkflowStub(OnboardingWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(Workflow.getInfo().getWorkflowId() + "/" + target.workspaceRef())
                            .build());
            runs.add(Async.function(child::onboard, target, settings));
        }
        List<WorkspaceOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            String workspace = targets.get(i).workspaceRef();
            try {
                runs.get(i).get();
                outcomes.add(new WorkspaceOutcome(workspace, true, ""));
            } catch (ChildWorkflowFailure failure) {
                outcomes.add(new WorkspaceOutcome(workspace, false, Failures.reason(failure)));
            }
        }
        return new FleetReport(outcomes);
    }
}
