package dev.lakesetup.temporal;

import java.util.List;

/**
 * What a fleet run did to each workspace: one outcome per target, in the order of the request.
 *
 * @param outcomes the outcomes
 */
public record FleetReport(List<WorkspaceOutcome> outcomes) {
    /**
     * Copies the list.
     *
     * @param outcomes the outcomes
     */
    public FleetReport {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * Returns the references of the workspaces whose workflow failed.
     *
     * @return the failed workspaces
     */
    public List<String> failed() {
        return outcomes.stream().filter(o -> !o.succeeded()).map(WorkspaceOutcome::workspaceRef).toList();
    }

    /**
     * Returns the references of the workspaces whose workflow completed.
     *
     * @return the completed workspaces
     */
    public List<String> succeeded() {
        return outcomes.stream().filter(WorkspaceOutcome::succeeded).map(WorkspaceOutcome::workspaceRef).toList();
    }
}
