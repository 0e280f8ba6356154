package dev.lakesetup.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Offboards one workspace durably: one teardown activity, retried with Temporal's backoff on durable timers.
 */
@WorkflowInterface
public interface OffboardingWorkflow {

    /**
     * Offboards the workspace.
     *
     * @param target what was set up where, by reference
     * @param settings queues and attempts
     * @return the objects removed or revoked
     */
    @WorkflowMethod
    List<String> offboard(WorkspaceTarget target, DurableSettings settings);
}
