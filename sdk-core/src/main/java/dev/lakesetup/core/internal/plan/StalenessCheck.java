package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.StalePlanException;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanBasis;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads again, before a saved plan is applied, every object the plan touches (each planned resource, the grants on
 * each securable it grants or revokes on) and compares with what planning read; refuses with every difference
 * when the state moved, as a stale plan must not be applied.
 */
public final class StalenessCheck {
    private final LiveReader reader;
    private final Context context;
    private final ApplyListener listener;

    /**
     * Creates the check.
     *
     * @param reader reads the live state
     * @param context the call context, with the principals the plan resolved
     * @param listener receives {@code READING} progress
     */
    public StalenessCheck(LiveReader reader, Context context, ApplyListener listener) {
        this.reader = reader;
        this.context = context;
        this.listener = listener;
    }

    /**
     * Checks a plan against the live state.
     *
     * @param plan a plan that carries the state it was planned against
     * @param exclusive the securables the blueprint declares exclusive: read in full, as planning read them
     * @throws StalePlanException naming every object that moved
     */
    public void check(Plan plan, Set<Securable> exclusive) {
        PlanBasis basis = plan.basis().orElseThrow(() -> InvalidInputException.of("plan", plan.toString(),
                "it holds no record of the live state it was planned against", "a saved plan"));
        Map<ResourceId, Resource> resources = new LinkedHashMap<>();
        Set<Securable> securables = new LinkedHashSet<>();
        for (Change change : plan.changes()) {
            if (change instanceof ResourceChange r) {
                resources.put(r.resource().id(), r.resource());
            } else {
                securables.add(((GrantChange) change).securable());
            }
        }
        // read as planning read: an exclusive securable in full, or a bulk listing's partial view would look moved
        LiveReader.Found now = reader.read(List.copyOf(resources.values()), securables, List.of(),
                context.completeFor(exclusive::contains), listener);
        List<StalePlanException.Difference> differences = differences(plan, basis, now);
        if (!differences.isEmpty()) {
            throw new StalePlanException(differences);
        }
    }

    /** Compares each touched object as planning read it with how it reads now; each securable once. */
    private static List<StalePlanException.Difference> differences(Plan plan, PlanBasis basis,
            LiveReader.Found now) {
        List<StalePlanException.Difference> differences = new ArrayList<>();
        Set<Securable> compared = new LinkedHashSet<>();
        for (Change change : plan.changes()) {
            String before;
            String current;
            if (change instanceof ResourceChange r) {
                before = shown(basis.resources().get(r.resource().id()));
                Resource live = now.resources().get(r.resource().id());
                current = shown(live == null ? null : PlanBasis.settingsOf(live));
            } else if (compared.add(((GrantChange) change).securable())) {
                Securable securable = ((GrantChange) change).securable();
                before = shown(basis.grantsOn(securable));
                current = shown(now.grants().getOrDefault(securable, List.of()));
            } else {
                continue;
            }
            if (!before.equals(current)) {
                differences.add(new StalePlanException.Difference(change.id(), change.object(), before, current));
            }
        }
        return differences;
    }

    /** Shows a resource's state in a fixed form: {@code absent}, {@code exists}, or its settings sorted by name. */
    private static String shown(Map<String, Set<String>> settings) {
        if (settings == null) {
            return "absent";
        }
        return settings.isEmpty() ? "exists" : "exists with " + new TreeMap<>(settings);
    }

    /** Shows grants in a fixed form: principals sorted, each with its privileges sorted. */
    private static String shown(List<PrincipalPrivileges> held) {
        Map<String, Set<String>> byPrincipal = new TreeMap<>();
        for (PrincipalPrivileges entry : held) {
            Set<String> names = byPrincipal.computeIfAbsent(entry.principal().grantName(), k -> new TreeSet<>());
            entry.privileges().stream().map(Privilege::sqlName).forEach(names::add);
        }
        byPrincipal.values().removeIf(Set::isEmpty);
        return byPrincipal.isEmpty() ? "no grants" : byPrincipal.toString();
    }
}
