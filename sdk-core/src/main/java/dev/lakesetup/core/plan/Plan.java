package dev.lakesetup.core.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.internal.render.PlanRenderers;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.render.PlanFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes that would bring the live state to a blueprint, in dependency order: data to review, render and
 * apply.
 *
 * <p>A plan also carries the application ids of service principals that were declared by name and already
 * existed when it was made, so executors can name them. It holds no secret values that it would show: every
 * rendering and {@code toString()} masks them.
 */
public final class Plan {
    private final List<Change> changes;
    private final Map<ChangeId, Change> byId;
    private final Map<ServicePrincipal, ApplicationId> resolvedPrincipals;

    private Plan(List<Change> changes, Map<ChangeId, Change> byId, Map<ServicePrincipal, ApplicationId> resolved) {
        this.changes = changes;
        this.byId = byId;
        this.resolvedPrincipals = resolved;
    }

    /**
     * Creates a plan from changes, ordering them so every change follows its dependencies (otherwise keeping the
     * given order).
     *
     * @param changes the changes, with unique ids
     * @return the plan
     * @throws InvalidInputException if ids repeat, a dependency is not in the plan, or dependencies form a cycle
     */
    public static Plan of(List<? extends Change> changes) {
        return of(changes, Map.of());
    }

    /**
     * Creates a plan from changes and the principals resolved while planning.
     *
     * @param changes the changes, with unique ids
     * @param resolvedPrincipals application ids of service principals referred to by display name
     * @return the plan
     * @throws InvalidInputException if ids repeat, a dependency is not in the plan, or dependencies form a cycle
     */
    public static Plan of(List<? extends Change> changes, Map<ServicePrincipal, ApplicationId> resolvedPrincipals) {
        InvalidInputException.requireNonNull(changes, "changes");
        InvalidInputException.requireNonNull(resolvedPrincipals, "resolved principals");
        Map<ChangeId, Change> byId = new LinkedHashMap<>(Math.max(2, (int) (changes.size() / 0.75f) + 1));
        boolean dependencies = false;
        for (Change change : changes) {
            InvalidInputException.requireNonNull(change, "change");
            if (byId.putIfAbsent(change.id(), change) != null) {
                throw InvalidInputException.of("change id", change.id().value(), "it appears twice in the plan",
                        "unique change ids");
            }
            dependencies |= !change.dependsOn().isEmpty();
        }
        if (dependencies) {
            for (Change change : changes) {
                for (ChangeId dependency : change.dependsOn()) {
                    if (!byId.containsKey(dependency)) {
                        throw InvalidInputException.of("dependency of " + change.id(), dependency.value(),
                                "it is not a change of the plan", "ids of changes in the plan");
                    }
                }
            }
        }
        // without dependencies the given order is already one
        List<? extends Change> ordered = dependencies ? topologicalOrder(byId) : changes;
        return new Plan(List.copyOf(ordered), Collections.unmodifiableMap(byId),
                Collections.unmodifiableMap(new HashMap<>(resolvedPrincipals)));
    }

    /** Kahn's algorithm, taking ready changes in their given order; linear in changes plus dependencies. */
    private static List<Change> topologicalOrder(Map<ChangeId, Change> byId) {
        Map<ChangeId, Integer> waiting = new HashMap<>(Math.max(2, (int) (byId.size() / 0.75f) + 1));
        Map<ChangeId, List<ChangeId>> dependents = new HashMap<>();
        for (Change change : byId.values()) {
            waiting.put(change.id(), change.dependsOn().size());
            for (ChangeId dependency : change.dependsOn()) {
                dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(change.id());
            }
        }
        List<Change> ordered = new ArrayList<>(byId.size());
        Deque<ChangeId> ready = new ArrayDeque<>();
        for (Change change : byId.values()) {
            if (change.dependsOn().isEmpty()) {
                ready.add(change.id());
            }
        }
        while (!ready.isEmpty()) {
            ChangeId next = ready.poll();
            ordered.add(byId.get(next));
            for (ChangeId dependent : dependents.getOrDefault(next, List.of())) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() != byId.size()) {
            List<ChangeId> cycle = new ArrayList<>();
            waiting.forEach((id, count) -> {
                if (count > 0) {
                    cycle.add(id);
                }
            });
            Collections.sort(cycle);
            throw InvalidInputException.of("change dependencies", cycle.toString(), "they form a cycle",
                    "dependencies without cycles");
        }
        return ordered;
    }

    /**
     * Returns every change, including no-ops and conflicts, each after the changes it depends on.
     *
     * @return the changes
     */
    public List<Change> changes() {
        return changes;
    }

    /**
     * Returns the changes that call a service when applied (creates, updates, grants, revokes).
     *
     * @return the actionable changes, in order
     */
    public List<Change> actionableChanges() {
        return changes.stream().filter(change -> change.action().isActionable()).toList();
    }

    /**
     * Finds a change by id.
     *
     * @param id the change id
     * @return the change, or empty if the plan has none with that id
     */
    public Optional<Change> change(ChangeId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Returns the application ids of service principals referred to by display name that already existed when
     * the plan was made.
     *
     * @return the resolutions
     */
    public Map<ServicePrincipal, ApplicationId> resolvedPrincipals() {
        return resolvedPrincipals;
    }

    /**
     * Counts the changes per action.
     *
     * @return the summary
     */
    public PlanSummary summary() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Change change : changes) {
            counts.merge(change.action(), 1, Integer::sum);
        }
        return new PlanSummary(counts);
    }

    /**
     * Tells whether applying the plan would change nothing: it holds only no-ops. A plan with a conflict is not
     * empty, although apply would not act on it.
     *
     * @return {@code true} when every change is a {@link Action#NO_OP}
     */
    public boolean isEmpty() {
        return changes.stream().allMatch(change -> change.action() == Action.NO_OP);
    }

    /**
     * Renders the plan for people, machines or review.
     *
     * @param format the format
     * @return the rendering; secrets are masked
     */
    public String render(PlanFormat format) {
        return PlanRenderers.render(this, InvalidInputException.requireNonNull(format, "plan format"));
    }

    @Override
    public String toString() {
        return "Plan[" + summary() + "]";
    }
}
