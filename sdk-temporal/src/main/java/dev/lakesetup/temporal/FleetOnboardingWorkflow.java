package dev.lakesetup.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Onboards a fleet: one {@link OnboardingWorkflow} per workspace as a child workflow (id: this workflow's id, a
 * slash, the workspace reference), all at once; a workspace that fails does not stop the others.
 */
@WorkflowInterface
public interface FleetOnboardingWorkflow {

    /**
     * Onboards every target.
     *
     * @param targets the workspaces
     * @param settings queues, waits and attempts
     * @return which workspaces completed and which failed, with why
     */
    @WorkflowMethod
    FleetReport onboard(List<WorkspaceTarget> targets, DurableSettings settings);
}
