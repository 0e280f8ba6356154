package dev.lakesetup.temporal;

/**
 * What applying one change did, as kept in the workflow's history.
 *
 * @param changeId the change's id
 * @param outcome {@code APPLIED} when this activity made the change, {@code ALREADY_DONE} when the live state
 *     already had it (a retry or a replay after the write happened)
 */
public record ChangeApplied(String changeId, String outcome) {
    /** The outcome of a change this activity made. */
    public static final String APPLIED = "APPLIED";
    /** The outcome of a change the live state already had. */
    public static final String ALREADY_DONE = "ALREADY_DONE";
}
