package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.plan.ChangeId;
import java.util.List;

/**
 * Thrown by apply, before any change is made, when the plan holds revokes or conflicts the caller did not allow,
 * or changes no registered executor can apply, or (a {@link StalePlanException}) when the live state moved since a
 * saved plan was made.
 */
public class ApplyRefusedException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    private final transient List<ChangeId> refused;

    /**
     * Creates the exception.
     *
     * @param message why the plan was refused, naming what would allow it
     * @param refused the changes that caused the refusal
     */
    public ApplyRefusedException(String message, List<ChangeId> refused) {
        super(message);
        this.refused = List.copyOf(refused);
    }

    /**
     * Returns the changes that caused the refusal.
     *
     * @return their ids
     */
    public List<ChangeId> refused() {
        return refused;
    }
}
