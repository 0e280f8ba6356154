package dev.lakesetup.core.internal.diff;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders changes so that each comes after the changes it depends on: of the changes whose dependencies are placed,
 * the one that became ready first goes next, ties in the given (blueprint) order. The result is deterministic, and
 * ordering an ordered list again leaves it as it is.
 */
public final class Ordering {
    private Ordering() {
    }

    /**
     * Orders changes by their dependencies.
     *
     * @param given the changes, in blueprint order
     * @return the changes in dependency order
     * @throws InvalidInputException when a dependency is not among the changes, or dependencies form a cycle
     */
    public static List<Change> topological(List<Change> given) {
        if (given.stream().allMatch(change -> change.dependsOn().isEmpty())) {
            return List.copyOf(given);
        }
        Map<ChangeId, Integer> position = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            if (position.put(given.get(i).id(), i) != null) {
                throw InvalidInputException.of("change id", given.get(i).id().value(), "it appears twice in the "
                        + "plan", "unique change ids");
            }
        }
        int[] waiting = new int[given.size()];
        List<List<Integer>> dependents = new ArrayList<>(given.size());
        given.forEach(change -> dependents.add(new ArrayList<>(0)));
        for (int i = 0; i < given.size(); i++) {
            for (ChangeId dependency : given.get(i).dependsOn()) {
                Integer on = position.get(dependency);
                if (on == null) {
                    throw InvalidInputException.of("dependency of " + given.get(i).id(), dependency.value(),
                            "it is not a change of the plan", "ids of changes in the plan");
                }
                waiting[i]++;
                dependents.get(on).add(i);
            }
        }
        return drain(given, waiting, dependents);
    }

    /** Takes ready changes in the order they became ready; each placed change may make its dependents ready. */
    private static List<Change> drain(List<Change> given, int[] waiting, List<List<Integer>> dependents) {
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < given.size(); i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Change> ordered = new ArrayList<>(given.size());
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(given.get(next));
            for (int dependent : dependents.get(next)) {
                if (--waiting[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() != given.size()) {
            List<ChangeId> cycle = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                if (waiting[i] > 0) {
                    cycle.add(given.get(i).id());
                }
            }
            Collections.sort(cycle);
            throw InvalidInputException.of("change dependencies", cycle.toString(), "they form a cycle",
                    "dependencies without cycles");
        }
        return Collections.unmodifiableList(ordered);
    }
}
