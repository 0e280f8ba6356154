package dev.lakesetup.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;

/**
 * One tick of a fleet's scheduled maintenance: verify every workspace, then rotate the secrets that expire inside
 * the window (on the account task queue). Run it from a Temporal Schedule, one workflow run per tick; a workspace
 * that fails is reported and does not stop the others.
 */
@WorkflowInterface
public interface FleetMaintenanceWorkflow {

    /**
     * Verifies and rotates the fleet once.
     *
     * @param targets the workspaces
     * @param rotateWithin rotate the secrets that expire within this long
     * @param settings queues and attempts
     * @return what was found and done per workspace
     */
    @WorkflowMethod
    MaintenanceReport run(List<WorkspaceTarget> targets, Duration rotateWithin, DurableSettings settings);
}
