package dev.lakesetup.core.fleet;

/**
 * Hears a fleet run's progress: each member's start and its line when it ends. Events come from the members'
 * threads, possibly at the same time, so an implementation must be thread-safe. A listener that throws is logged and
 * does not stop the run.
 */
public interface FleetListener {

    /** A listener that does nothing. */
    FleetListener NONE = new FleetListener() {
    };

    /**
     * Called when a member's task starts, before its connection is made.
     *
     * @param key the member's key
     * @param progress where the run stands, this member counted as started
     */
    default void memberStarted(String key, FleetProgress progress) {
    }

    /**
     * Called when a member's line is written (also for members cancelled without starting).
     *
     * @param line the member's line
     * @param progress where the run stands, this member counted as finished
     */
    default void memberFinished(FleetLine line, FleetProgress progress) {
    }
}
