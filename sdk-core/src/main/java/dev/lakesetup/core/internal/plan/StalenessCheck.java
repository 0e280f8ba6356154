package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.StalePlanException;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.internal.apply.CallGuard;
import dev.lakesetup.core.internal.apply.CompleteReads;
import dev.lakesetup.core.internal.apply.Resolutions;
import dev.lakesetup.core.internal.apply.Router;
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
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ObservedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads again, before a saved plan is applied, every object the plan touches (each planned resource, the grants on
 * each securable it grants or revokes on) and compares with what planning read; refuses with every difference
 * when the state moved, as a stale plan must not be applied.
 */
public final class StalenessCheck {
    private final Router router;
    private final CallGuard guard;
    private final ApplyListener listener;

    /**
     * Creates the check.
     *
     * @param router routes reads to executors
     * @param guard rate limit and retries for every read
     * @param listener receives {@code READING} progress
     */
    public StalenessCheck(Router router, CallGuard guard, ApplyListener listener) {
        this.router = router;
        this.guard = guard;
        this.listener = listener;
    }

    /**
     * Checks a plan against the live state.
     *
     * @param plan a plan that carries the state it was planned against
     * @param exclusive the securables the blueprint declares exclusive: read in full, as planning read them
     * @param pool runs the reads in parallel
     * @throws StalePlanException naming every object that moved
     */
    public void check(Plan plan, Set<Securable> exclusive, ExecutorService pool) {
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
        Resolutions resolutions = new Resolutions(plan.resolvedPrincipals());
        // read as planning read: an exclusive securable in full, or a bulk listing's partial view would look moved
        ExecutionContext context = new CompleteReads(resolutions, exclusive::contains);
        ReadProgress progress = new ReadProgress(listener, resources.size() + securables.size());
        Map<ResourceId, ObservedResource> nowResources = new HashMap<>();
        Map<Securable, List<PrincipalPrivileges>> nowGrants = new HashMap<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        groupBy(List.copyOf(resources.values()), router::forResource).forEach((executor, list) -> {
            for (List<Resource> batch : Planner.batches(list, executor.readBatchSize())) {
                tasks.add(() -> {
                    Map<ResourceId, ObservedResource> read = progress.counted(batch.size(), () -> guarded(
                            "read " + batch.size() + " resources through " + executor.name(),
                            () -> executor.readResources(batch, context)));
                    synchronized (nowResources) {
                        nowResources.putAll(read);
                    }
                    return null;
                });
            }
        });
        groupBy(List.copyOf(securables), router::forGrantsOn).forEach((executor, list) -> {
            for (List<Securable> batch : Planner.grantBatches(list, executor.grantReadBatchSize())) {
                tasks.add(() -> {
                    Map<Securable, List<PrincipalPrivileges>> read = progress.counted(batch.size(), () -> guarded(
                            "read grants on " + batch.size() + " securables through " + executor.name(),
                            () -> executor.readGrants(batch, context)));
                    synchronized (nowGrants) {
                        nowGrants.putAll(read);
                    }
                    return null;
                });
            }
        });
        Parallel.all(pool, tasks);
        List<StalePlanException.Difference> differences = differences(plan, basis, nowResources, nowGrants);
        if (!differences.isEmpty()) {
            throw new StalePlanException(differences);
        }
    }

    /** Compares each touched object as planning read it with how it reads now; each securable once. */
    private static List<StalePlanException.Difference> differences(Plan plan, PlanBasis basis,
            Map<ResourceId, ObservedResource> nowResources, Map<Securable, List<PrincipalPrivileges>> nowGrants) {
        List<StalePlanException.Difference> differences = new ArrayList<>();
        Set<Securable> compared = new LinkedHashSet<>();
        for (Change change : plan.changes()) {
            String before;
            String now;
            if (change instanceof ResourceChange r) {
                before = shown(basis.resources().get(r.resource().id()));
                now = shown(nowResources.get(r.resource().id()));
            } else if (compared.add(((GrantChange) change).securable())) {
                Securable securable = ((GrantChange) change).securable();
                before = shown(basis.grantsOn(securable));
                now = shown(nowGrants.getOrDefault(securable, List.of()));
            } else {
                continue;
            }
            if (!before.equals(now)) {
                differences.add(new StalePlanException.Difference(change.id(), change.object(), before, now));
            }
        }
        return differences;
    }

    private static <T> Map<Executor, List<T>> groupBy(List<T> items, Function<T, Executor> route) {
        Map<Executor, List<T>> out = new LinkedHashMap<>();
        for (T item : items) {
            out.computeIfAbsent(route.apply(item), k -> new ArrayList<>()).add(item);
        }
        return out;
    }

    /** Shows a resource's state in a fixed form: {@code absent}, {@code exists}, or its settings sorted by name. */
    private static String shown(ObservedResource observed) {
        if (observed == null) {
            return "absent";
        }
        return observed.settings().isEmpty() ? "exists" : "exists with " + new TreeMap<>(observed.settings());
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

    private <T> T guarded(String what, Supplier<T> call) {
        return Planner.guarded(guard, what, call);
    }
}
