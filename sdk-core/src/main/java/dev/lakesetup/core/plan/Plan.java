package dev.lakesetup.core.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.internal.render.PlanRenderers;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.render.PlanFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
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
    private final ChangeIndex index;
    private final Map<ServicePrincipal, ApplicationId> resolvedPrincipals;
    /** The live state planned against; {@code null} for a plan made by hand. */
    private final PlanBasis basis;

    private Plan(List<Change> changes, ChangeIndex index, Map<ServicePrincipal, ApplicationId> resolved,
            PlanBasis basis) {
        this.changes = changes;
        this.index = index;
        this.resolvedPrincipals = resolved;
        this.basis = basis;
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
        return create(changes, resolvedPrincipals, null);
    }

    /**
     * Creates a plan from changes, the principals resolved while planning, and the live state it was planned
     * against, which {@link #write(Path)} saves so that a later apply can tell whether the state moved.
     *
     * @param changes the changes, with unique ids
     * @param resolvedPrincipals application ids of service principals referred to by display name
     * @param basis the live state read while planning
     * @return the plan
     * @throws InvalidInputException if ids repeat, a dependency is not in the plan, or dependencies form a cycle
     */
    public static Plan of(List<? extends Change> changes, Map<ServicePrincipal, ApplicationId> resolvedPrincipals,
            PlanBasis basis) {
        return create(changes, resolvedPrincipals, InvalidInputException.requireNonNull(basis, "plan basis"));
    }

    private static Plan create(List<? extends Change> changes, Map<ServicePrincipal, ApplicationId> resolvedPrincipals,
            PlanBasis basis) {
        InvalidInputException.requireNonNull(changes, "changes");
        InvalidInputException.requireNonNull(resolvedPrincipals, "resolved principals");
        for (Change change : changes) {
            InvalidInputException.requireNonNull(change, "change");
        }
        List<Change> given = List.copyOf(changes);
        ChangeIndex index = new ChangeIndex(given);
        boolean dependencies = false;
        for (int position = 0; position < given.size(); position++) {
            Change change = given.get(position);
            if (index.add(position) >= 0) {
                throw InvalidInputException.of("change id", change.id().value(), "it appears twice in the plan",
                        "unique change ids");
            }
            dependencies |= !change.dependsOn().isEmpty();
        }
        if (!dependencies) {
            // the given order is already one
            return new Plan(given, index, Collections.unmodifiableMap(new HashMap<>(resolvedPrincipals)), basis);
        }
        List<Change> ordered = topologicalOrder(given, index);
        // the index refers to positions in the given order: index the ordered list afresh
        ChangeIndex orderedIndex = new ChangeIndex(ordered);
        for (int position = 0; position < ordered.size(); position++) {
            orderedIndex.add(position);
        }
        return new Plan(ordered, orderedIndex, Collections.unmodifiableMap(new HashMap<>(resolvedPrincipals)),
                basis);
    }

    /**
     * Kahn's algorithm on positions, taking ready changes in their given order; linear in changes plus
     * dependencies, and checks that every dependency is a change of the plan.
     */
    private static List<Change> topologicalOrder(List<Change> given, ChangeIndex index) {
        int n = given.size();
        int[] waiting = new int[n];
        int[] dependentsStart = new int[n + 1];
        for (int position = 0; position < n; position++) {
            Change change = given.get(position);
            for (ChangeId dependency : change.dependsOn()) {
                int on = index.positionOf(dependency);
                if (on < 0) {
                    throw InvalidInputException.of("dependency of " + change.id(), dependency.value(),
                            "it is not a change of the plan", "ids of changes in the plan");
                }
                waiting[position]++;
                dependentsStart[on + 1]++;
            }
        }
        for (int position = 0; position < n; position++) {
            dependentsStart[position + 1] += dependentsStart[position];
        }
        // dependents of position p: dependents[dependentsStart[p] .. dependentsStart[p + 1]), in given order
        int[] dependents = new int[dependentsStart[n]];
        int[] filled = new int[n];
        for (int position = 0; position < n; position++) {
            for (ChangeId dependency : given.get(position).dependsOn()) {
                int on = index.positionOf(dependency);
                dependents[dependentsStart[on] + filled[on]++] = position;
            }
        }
        int[] ready = new int[n];
        int head = 0;
        int tail = 0;
        for (int position = 0; position < n; position++) {
            if (waiting[position] == 0) {
                ready[tail++] = position;
            }
        }
        List<Change> ordered = new ArrayList<>(n);
        while (head < tail) {
            int next = ready[head++];
            ordered.add(given.get(next));
            for (int d = dependentsStart[next]; d < dependentsStart[next + 1]; d++) {
                if (--waiting[dependents[d]] == 0) {
                    ready[tail++] = dependents[d];
                }
            }
        }
        if (ordered.size() != n) {
            List<ChangeId> cycle = new ArrayList<>();
            for (int position = 0; position < n; position++) {
                if (waiting[position] > 0) {
                    cycle.add(given.get(position).id());
                }
            }
            Collections.sort(cycle);
            throw InvalidInputException.of("change dependencies", cycle.toString(), "they form a cycle",
                    "dependencies without cycles");
        }
        return Collections.unmodifiableList(ordered);
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
        if (id == null) {
            return Optional.empty();
        }
        int position = index.positionOf(id);
        return position < 0 ? Optional.empty() : Optional.of(changes.get(position));
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
     * Returns the live state the plan was made against, when it was made by {@code Lakesetup.plan} (or read from a
     * saved plan).
     *
     * @return the state planned against, or empty for a plan made by hand
     */
    public Optional<PlanBasis> basis() {
        return Optional.ofNullable(basis);
    }

    /**
     * Saves the plan to a file, to be applied later, possibly by another process, with
     * {@code lakesetup.apply(SavedPlan.read(file), blueprint)}. The file holds the typed changes, their dependencies,
     * the resolved principals and the live state planned against, as described in {@code docs/saved-plan.md}; it
     * never holds a secret value (a secret setting is saved as a name only, and comes from the blueprint at apply).
     *
     * @param file the file to create or replace
     * @throws InvalidInputException when the plan was made by hand, without the live state it was planned against
     * @throws LakesetupException when the file cannot be written
     */
    public void write(Path file) {
        InvalidInputException.requireNonNull(file, "file");
        String json = savedJson();
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LakesetupException("writing the plan to " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the plan as {@link #write(Path)} saves it, for callers that keep it elsewhere than in a file; read
     * it back with {@link SavedPlan#parse(String)}.
     *
     * @return the saved plan's JSON text
     * @throws InvalidInputException when the plan was made by hand, without the live state it was planned against
     */
    public String savedJson() {
        if (basis == null) {
            throw InvalidInputException.of("plan", toString(), "it holds no record of the live state it was "
                    + "planned against, so a later apply could not tell whether that state moved",
                    "a plan made by Lakesetup.plan(blueprint)");
        }
        return SavedPlanFormat.write(this);
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
