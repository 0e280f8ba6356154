package dev.lakesetup.core.fleet;

/**
 * Where a fleet run stands, given with each {@link FleetListener} event.
 *
 * @param total the members of the run
 * @param started the members whose task has started (finished ones included)
 * @param finished the members whose line is written
 * @param failed the finished members whose status is {@link FleetStatus#FAILED}
 */
public record FleetProgress(int total, int started, int finished, int failed) {

    /**
     * Returns the members whose task runs now.
     *
     * @return started minus finished
     */
    public int inFlight() {
        return started - finished;
    }
}
