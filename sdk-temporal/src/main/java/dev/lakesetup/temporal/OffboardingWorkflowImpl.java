package dev.lakesetup.temporal;

import io.temporal.workflow.Workflow;
import java.util.List;

/** Runs the teardown activity, retried by Temporal with backoff on durable timers. */
final class OffboardingWorkflowImpl implements OffboardingWorkflow {

    @Override
    public List<String> offboard(WorkspaceTarget target, DurableSettings settings) {
        return ActivityStubs.on(OffboardingActivities.class, Workflow.getInfo().getTaskQueue(), settings)
                .teardown(target);
    }
}
