package dev.lakesetup.core.fleet;

/**
 * The work a {@link Fleet} runs once per member, given the member's target (its connection, usually a
 * {@code DatabricksWorkspace}). A task that throws fails its own member only: the fleet records the exception's
 * class and message (escaped) on the member's line and goes on with the others, so an exception message must not
 * carry a secret (lakesetup's own exceptions never do).
 *
 * @param <W> the type of a member's target
 */
@FunctionalInterface
public interface FleetTask<W> {

    /**
     * Runs the task for one member.
     *
     * @param target the member's target, made by its {@link FleetMember#connect()} supplier
     * @return what the task did
     */
    FleetOutcome run(W target);
}
