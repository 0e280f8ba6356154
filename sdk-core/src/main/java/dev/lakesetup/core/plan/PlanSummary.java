package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many changes of each action a plan holds.
 *
 * @param counts the count per action; every action is present, possibly with zero
 */
public record PlanSummary(Map<Action, Integer> counts) {
    /**
     * Copies the counts, filling absent actions with zero.
     *
     * @param counts the count per action; every action is present, possibly with zero
     */
    public PlanSummary {
        InvalidInputException.requireNonNull(counts, "counts");
        Map<Action, Integer> all = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            all.put(action, counts.getOrDefault(action, 0));
        }
        counts = Collections.unmodifiableMap(all);
    }

    /**
     * Returns the number of changes with an action.
     *
     * @param action the action
     * @return the count
     */
    public int count(Action action) {
        return counts.get(action);
    }

    /**
     * Returns the number of changes that call a service when applied.
     *
     * @return creates, updates, grants and revokes
     */
    public int actionable() {
        int total = 0;
        for (Map.Entry<Action, Integer> entry : counts.entrySet()) {
            if (entry.getKey().isActionable()) {
                total += entry.getValue();
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return count(Action.CREATE) + " to create, " + count(Action.UPDATE) + " to update, " + count(Action.GRANT)
                + " to grant, " + count(Action.REVOKE) + " to revoke, " + count(Action.CONFLICT) + " conflicts, "
                + count(Action.NO_OP) + " unchanged";
    }
}
