package dev.lakesetup.core.apply;

/**
 * What an apply may do beyond adding: by default it refuses a plan with revokes or conflicts.
 *
 * @param allowRevokes whether REVOKE changes (from exclusive securables) are applied
 * @param allowConflicts whether a plan with conflicts is applied anyway; conflicting objects are left as they are
 *     (reported as skipped) and the rest of the plan runs
 * @param allowDeletes whether DELETE changes (from a teardown plan) are applied
 */
public record ApplyOptions(boolean allowRevokes, boolean allowConflicts, boolean allowDeletes) {

    /**
     * Returns the default options: refuse revokes and conflicts.
     *
     * @return the defaults
     */
    public static ApplyOptions defaults() {
        return new ApplyOptions(false, false, false);
    }

    /**
     * Returns a copy that applies revokes.
     *
     * @return the copy
     */
    public ApplyOptions withRevokesAllowed() {
        return new ApplyOptions(true, allowConflicts, allowDeletes);
    }

    /**
     * Returns a copy that applies the rest of a plan that has conflicts.
     *
     * @return the copy
     */
    public ApplyOptions withConflictsAllowed() {
        return new ApplyOptions(allowRevokes, true, allowDeletes);
    }

    /**
     * Returns a copy that applies deletions, as a teardown plan needs.
     *
     * @return the copy
     */
    public ApplyOptions withDeletesAllowed() {
        return new ApplyOptions(allowRevokes, allowConflicts, true);
    }
}
