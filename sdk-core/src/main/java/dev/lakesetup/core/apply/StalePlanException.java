package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.ChangeId;
import java.util.List;

/**
 * Thrown by applying a saved plan, before any change, when what the plan touches is no longer as it was read while
 * planning: someone changed it since. Plan again and review the new plan.
 */
public final class StalePlanException extends ApplyRefusedException {
    private static final long serialVersionUID = 1L;

    private final transient List<Difference> differences;

    /**
     * One object that moved since planning.
     *
     * @param change the change of the plan that touches it
     * @param object the object as people name it, e.g. {@code catalog sales}
     * @param atPlanning what planning read, e.g. {@code absent} or {@code comment=[bookkeeping]}
     * @param now what is read now
     */
    public record Difference(ChangeId change, String object, String atPlanning, String now) {
        @Override
        public String toString() {
            return object + ": at planning " + ServiceText.quote(atPlanning) + ", now "
                    + ServiceText.quote(now);
        }
    }

    /**
     * Creates the exception.
     *
     * @param differences every object that moved, at least one
     */
    public StalePlanException(List<Difference> differences) {
        super("the live state moved since the plan was made; nothing was applied. Plan again and review: "
                + differences, differences.stream().map(Difference::change).distinct().toList());
        this.differences = List.copyOf(differences);
    }

    /**
     * Returns every object that moved since planning.
     *
     * @return the differences, in plan order
     */
    public List<Difference> differences() {
        return differences;
    }
}
