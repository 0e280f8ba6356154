package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The changes that would bring the live state to a blueprint, in dependency order: data to review, render and
 * apply. Render it with a {@link dev.lakesetup.core.render.PlanFormat}, e.g.
 * {@code PlanFormat.TEXT.render(plan)}.
 *
 * <p>A plan does not order its changes: the planner does, and {@link #of(List)} only checks that every change
 * comes after the changes it depends on. A plan also carries the application ids of service principals that were
 * declared by name and already existed when it was made, so executors can name them. It holds no secret values
 * that it would show: every rendering and {@code toString()} masks them.
 */
public final class Plan {
    private final List<Change> changes;
    /** The position of each change in {@link #changes}, by id. */
    private final Map<ChangeId, Integer> positions;
    private final Map<ServicePrincipal, ApplicationId> resolvedPrincipals;
    /** The live state planned against; {@code null} for a plan made by hand. */
    private final PlanBasis basis;
    /** What the planner says beside the changes (a teardown: what it leaves in place and why). */
    private final List<String> notes;

    private Plan(List<Change> changes, Map<ChangeId, Integer> positions,
            Map<ServicePrincipal, ApplicationId> resolved, PlanBasis basis) {
        this(changes, positions, resolved, basis, List.of());
    }

    private Plan(List<Change> changes, Map<ChangeId, Integer> positions,
            Map<ServicePrincipal, ApplicationId> resolved, PlanBasis basis, List<String> notes) {
        this.changes = changes;
        this.positions = positions;
        this.resolvedPrincipals = resolved;
        this.basis = basis;
        this.notes = notes;
    }

    /**
     * Creates a plan from changes given in dependency order: each change after every change it depends on.
     *
     * @param changes the changes, with unique ids, each after its dependencies
     * @return the plan, with the changes in the given order
     * @throws InvalidInputException if ids repeat, a dependency is not in the plan, or a change comes before one
     *     it depends on
     */
    public static Plan of(List<? extends Change> changes) {
        return of(changes, Map.of());
    }

    /**
     * Creates a plan from changes given in dependency order and the principals resolved while planning.
     *
     * @param changes the changes, with unique ids, each after its dependencies
     * @param resolvedPrincipals application ids of service principals referred to by display name
     * @return the plan, with the changes in the given order
     * @throws InvalidInputException if ids repeat, a dependency is not in the plan, or a change comes before one
     *     it depends on
     */
    public static Plan of(List<? extends Change> changes, Map<ServicePrincipal, ApplicationId> resolvedPrincipals) {
        return create(changes, resolvedPrincipals, null);
    }

    /**
     * Creates a plan from changes given in dependency order, the principals resolved while planning, and the live
     * state it was planned against, which {@link #write(Path)} saves so that a later apply can tell whether the
     * state moved.
     *
     * @param changes the changes, with unique ids, each after its dependencies
     * @param resolvedPrincipals application ids of service principals referred to by display name
     * @param basis the live state read while planning
     * @return the plan, with the changes in the given order
     * @throws InvalidInputException if ids repeat, a dependency is not in the plan, or a change comes before one
     *     it depends on
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
        Map<ChangeId, Integer> positions = new HashMap<>(Math.max(16, given.size() * 4 / 3 + 1));
        for (int position = 0; position < given.size(); position++) {
            if (positions.putIfAbsent(given.get(position).id(), position) != null) {
                throw InvalidInputException.of("change id", given.get(position).id().value(),
                        "it appears twice in the plan", "unique change ids");
            }
        }
        for (int position = 0; position < given.size(); position++) {
            checkDependencies(given.get(position), position, positions);
        }
        return new Plan(given, Collections.unmodifiableMap(positions),
                Collections.unmodifiableMap(new HashMap<>(resolvedPrincipals)), basis);
    }

    /** Checks that each dependency of the change at a position is a change of the plan that comes before it. */
    private static void checkDependencies(Change change, int position, Map<ChangeId, Integer> positions) {
        for (ChangeId dependency : change.dependsOn()) {
            Integer on = positions.get(dependency);
            if (on == null) {
                throw InvalidInputException.of("dependency of " + change.id(), dependency.value(),
                        "it is not a change of the plan", "ids of changes in the plan");
            }
            if (on >= position) {
                throw InvalidInputException.of("dependency of " + change.id(), dependency.value(),
                        "it comes " + (on == position ? "at" : "after") + " the change that depends on it "
                        + "(position " + on + ", dependent at " + position + ")",
                        "changes in dependency order, each after the changes it depends on");
            }
        }
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
        Integer position = positions.get(id);
        return position == null ? Optional.empty() : Optional.of(changes.get(position));
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
     * Returns a copy of this plan carrying notes for the people who review it, which every renderer shows: a
     * teardown says here what it leaves in place and why, and why it cannot tell which privileges were held before.
     *
     * @param notes the notes, in the order to show them (no secret in them)
     * @return the copy
     */
    public Plan withNotes(List<String> notes) {
        InvalidInputException.requireNonNull(notes, "plan notes");
        notes.forEach(note -> InvalidInputException.requireNonNull(note, "plan note"));
        return new Plan(changes, positions, resolvedPrincipals, basis, List.copyOf(notes));
    }

    /**
     * Returns the notes the planner left beside the changes.
     *
     * @return the notes, possibly empty
     */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "Plan[" + summary() + "]";
    }
}
