package dev.lakesetup.core.fleet;

/** What running a task did to one member of a fleet: the status of its line in the {@link FleetReport}. */
public enum FleetStatus {
    /** The task ran and found nothing to do: the workspace already was as declared. */
    OK,
    /** The task ran and changed the workspace (applied changes, issued a secret, ...). */
    CHANGED,
    /** The task ran read-only and found the workspace differs from what was declared (a plan with changes). */
    DRIFT,
    /** The task failed (it threw, or it reported a failure); the other members were not affected. */
    FAILED,
    /** The task never ran to its end because the fleet run was interrupted before or while it ran. */
    CANCELLED;

    /**
     * Tells whether a line of this status counts against the fleet's success.
     *
     * @return {@code true} for {@link #FAILED} and {@link #CANCELLED}
     */
    public boolean isProblem() {
        return this == FAILED || this == CANCELLED;
    }
}
