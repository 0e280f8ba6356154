package dev.lakesetup.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Onboards one workspace durably: plan, then one activity per change (account-level changes on the account task
 * queue), a durable timer after a principal is created, then a convergence check.
 */
@WorkflowInterface
public interface OnboardingWorkflow {

    /**
     * Onboards the workspace.
     *
     * @param target what to set up where, by reference
     * @param settings queues, waits and attempts
     * @return the hand-over, without secrets
     */
    @WorkflowMethod
    OnboardingResult onboard(WorkspaceTarget target, DurableSettings settings);
}
