package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.PrincipalNotFoundException;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.internal.apply.CallGuard;
import dev.lakesetup.core.internal.apply.CompleteReads;
import dev.lakesetup.core.internal.apply.Resolutions;
import dev.lakesetup.core.internal.apply.Router;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanBasis;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ObservedResource;
import dev.lakesetup.core.spi.PrincipalLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Makes a plan: resolves principals known by name, reads what the blueprint touches (in parallel: each executor's
 * objects in calls of its {@link Executor#readBatchSize()} or {@link Executor#grantReadBatchSize()}, every call
 * guarded like a change), and diffs by the planning rules.
 */
public final class Planner {
    private final Router router;
    private final CallGuard guard;
    private final Set<Executor> readBefore;
    private final ApplyListener listener;

    /**
     * Creates a planner.
     *
     * @param router routes reads to executors
     * @param guard rate limit and retries for every read
     * @param readBefore the executors that have answered a planning read before (shared by the plans of one engine,
     *     thread-safe); an executor not in it gets its first read call alone, and is added once it answers
     */
    public Planner(Router router, CallGuard guard, Set<Executor> readBefore) {
        this(router, guard, readBefore, new ApplyListener() { });
    }

    /**
     * Creates a planner that reports its reading progress.
     *
     * @param router routes reads to executors
     * @param guard rate limit and retries for every read
     * @param readBefore as for {@link #Planner(Router, CallGuard, Set)}
     * @param listener receives {@link Progress.Phase#READING} progress, one step per object read and per principal
     *     looked up
     */
    public Planner(Router router, CallGuard guard, Set<Executor> readBefore, ApplyListener listener) {
        this.router = router;
        this.guard = guard;
        this.readBefore = readBefore;
        this.listener = listener;
    }

    /**
     * Plans a blueprint.
     *
     * @param blueprint the desired state
     * @param pool runs the reads in parallel
     * @return the plan
     */
    public Plan plan(Blueprint blueprint, ExecutorService pool) {
        Resolutions resolutions = new Resolutions(resolveNamed(blueprint, pool));
        GrantDiff grantDiff = new GrantDiff(blueprint, resolutions);
        LiveState live = read(blueprint, grantDiff.securables(), resolutions,
                PrincipalChecks.toCheck(blueprint, resolutions), pool);
        if (!live.missing().isEmpty()) {
            throw new PrincipalNotFoundException(live.missing());
        }
        List<Change> changes = new ArrayList<>();
        for (Resource resource : blueprint.resources()) {
            changes.add(ResourceDiff.diff(resource, live.resources().get(resource.id()), dependencies(blueprint,
                    resource)));
        }
        changes.addAll(grantDiff.changes(live.grants()));
        return Plan.of(changes, resolutions.snapshot(), new PlanBasis(live.resources(), live.grants()));
    }

    private static Set<ChangeId> dependencies(Blueprint blueprint, Resource resource) {
        Set<ChangeId> ids = new TreeSet<>();
        for (ResourceId id : blueprint.prerequisitesOf(resource)) {
            ids.add(ChangeId.of(id.toString()));
        }
        return ids;
    }

    private Map<ServicePrincipal, ApplicationId> resolveNamed(Blueprint blueprint, ExecutorService pool) {
        Set<ServicePrincipal> named = new LinkedHashSet<>();
        for (Resource resource : blueprint.resources()) {
            principalOf(resource).ifPresent(named::add);
        }
        Principal last = null;
        for (Grant grant : blueprint.grants()) {
            // grants mostly repeat a principal: skip hashing the one just added
            if (grant.principal() != last && grant.principal() instanceof ServicePrincipal sp) {
                named.add(sp);
            }
            last = grant.principal();
        }
        named.removeIf(ServicePrincipal::isResolved);
        List<ServicePrincipal> order = List.copyOf(named);
        List<Callable<Optional<ApplicationId>>> tasks = new ArrayList<>();
        for (ServicePrincipal principal : order) {
            tasks.add(() -> resolve(principal));
        }
        List<Optional<ApplicationId>> ids = Parallel.all(pool, tasks);
        Map<ServicePrincipal, ApplicationId> resolved = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            ServicePrincipal principal = order.get(i);
            ids.get(i).ifPresent(id -> resolved.put(principal, id));
        }
        return resolved;
    }

    private Optional<ApplicationId> resolve(ServicePrincipal principal) {
        for (Executor executor : router.executors()) {
            Optional<ApplicationId> id = guarded("resolve " + principal, () -> executor.resolve(principal));
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static Optional<ServicePrincipal> principalOf(Resource resource) {
        if (resource instanceof WorkspaceServicePrincipal sp) {
            return Optional.of(sp.principal());
        } else if (resource instanceof OAuthSecret secret) {
            return Optional.of(secret.principal());
        } else if (resource instanceof WarehousePermission permission
                && permission.principal() instanceof ServicePrincipal sp) {
            return Optional.of(sp);
        }
        return Optional.empty();
    }

    /** What planning read: resources, grants, and the look-ups that did not find their principal. */
    private record LiveState(Map<ResourceId, ObservedResource> resources,
            Map<Securable, List<PrincipalPrivileges>> grants, List<PrincipalLookup> missing) {
    }

    /** Looks a principal up through the first executor that can check; empty when none can. */
    private Optional<PrincipalLookup> lookUp(Principal principal) {
        for (Executor executor : router.executors()) {
            Optional<PrincipalLookup> answer = guarded("look up " + principal + " through " + executor.name(),
                    () -> executor.lookUp(principal));
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private LiveState read(Blueprint blueprint, Collection<Securable> securables, Resolutions resolutions,
            List<Principal> principals, ExecutorService pool) {
        Map<Executor, List<Resource>> resourcesByExecutor = new LinkedHashMap<>();
        for (Resource resource : blueprint.resources()) {
            resourcesByExecutor.computeIfAbsent(router.forResource(resource), k -> new ArrayList<>()).add(resource);
        }
        Map<Executor, List<Securable>> securablesByExecutor = new LinkedHashMap<>();
        for (Securable securable : securables) {
            securablesByExecutor.computeIfAbsent(router.forGrantsOn(securable), k -> new ArrayList<>()).add(securable);
        }
        List<Callable<Object>> tasks = new ArrayList<>();
        List<Executor> owners = new ArrayList<>();
        // a step per object read and per principal looked up: the bar is full only when planning has all it needs
        ReadProgress progress = new ReadProgress(listener, blueprint.resources().size() + securables.size()
                + principals.size());
        resourcesByExecutor.forEach((executor, list) -> {
            for (List<Resource> batch : batches(list, executor.readBatchSize())) {
                owners.add(executor);
                tasks.add(() -> progress.counted(batch.size(), () -> guarded("read " + describe(batch, "resources") + " through " + executor.name(),
                        () -> executor.readResources(batch, resolutions))));
            }
        });
        int resourceTasks = tasks.size();
        ExecutionContext grantContext = blueprint.exclusiveSecurables().isEmpty() ? resolutions
                : new CompleteReads(resolutions, blueprint.exclusiveSecurables()::contains);
        securablesByExecutor.forEach((executor, list) -> {
            for (List<Securable> batch : grantBatches(list, executor.grantReadBatchSize())) {
                owners.add(executor);
                tasks.add(() -> progress.counted(batch.size(), () -> guarded("read grants on "
                        + describe(batch, "securables") + " through " + executor.name(),
                        () -> executor.readGrants(batch, grantContext))));
            }
        });
        int readTasks = tasks.size();
        // one look-up per distinct principal, in parallel with the reads; owned by the first executor for the
        // first-call rule, as the first that can check answers
        for (Principal principal : principals) {
            owners.add(router.executors().get(0));
            tasks.add(() -> progress.counted(1, () -> lookUp(principal)));
        }
        List<Object> results = firstAloneThenTheRest(tasks, owners, pool);
        readBefore.addAll(owners);
        List<PrincipalLookup> missing = new ArrayList<>();
        for (Object answer : results.subList(readTasks, results.size())) {
            ((Optional<?>) answer).map(PrincipalLookup.class::cast).filter(lookup -> !lookup.found())
                    .ifPresent(missing::add);
        }
        return new LiveState(merged(results.subList(0, resourceTasks)),
                merged(results.subList(resourceTasks, readTasks)), missing);
    }

    /** Returns the answers of several read calls as one map; the answer itself when there is one (no copy). */
    private static <K, V> Map<K, V> merged(List<Object> answers) {
        if (answers.size() == 1) {
            return cast(answers.get(0));
        }
        int size = 0;
        for (Object answer : answers) {
            size += ((Map<?, ?>) answer).size();
        }
        Map<K, V> all = new HashMap<>(GrantDiff.capacityFor(size));
        for (Object answer : answers) {
            all.putAll(cast(answer));
        }
        return all;
    }

    /**
     * Runs the first read call of each executor that has never answered one on its own (those first calls in
     * parallel), then all the others in parallel, and returns the results in task order. An executor's first call
     * often sets up its client (configuration discovery, a one-time check); run alone, it keeps the other calls
     * from waiting behind that setup and then reaching the service all at once (for an executor that takes a permit
     * per call, with permits granted long before). Once an executor has answered, later plans run all its calls at
     * once.
     */
    private List<Object> firstAloneThenTheRest(List<Callable<Object>> tasks, List<Executor> owners,
            ExecutorService pool) {
        List<Integer> first = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        Set<Executor> seen = new HashSet<>(readBefore);
        for (int i = 0; i < tasks.size(); i++) {
            (seen.add(owners.get(i)) ? first : rest).add(i);
        }
        Object[] results = new Object[tasks.size()];
        for (List<Integer> round : List.of(first, rest)) {
            List<Callable<Object>> calls = new ArrayList<>(round.size());
            round.forEach(i -> calls.add(tasks.get(i)));
            List<Object> answers = Parallel.all(pool, calls);
            for (int j = 0; j < round.size(); j++) {
                results[round.get(j)] = answers.get(j);
            }
        }
        return Arrays.asList(results);
    }

    /**
     * Splits what one executor reads into calls of at most {@code size} objects, keeping their order.
     *
     * @param all the objects, in blueprint order
     * @param size the executor's {@link Executor#readBatchSize()}; values below 1 count as 1
     * @param <T> the object type
     * @return the batches, in order
     */
    static <T> List<List<T>> batches(List<T> all, int size) {
        int step = Math.max(1, size);
        if (all.size() <= step) {
            return List.of(List.copyOf(all));
        }
        List<List<T>> out = new ArrayList<>((all.size() + step - 1) / step);
        for (int from = 0; from < all.size(); from += step) {
            out.add(List.copyOf(all.subList(from, Math.min(all.size(), from + step))));
        }
        return out;
    }

    /**
     * Splits the securables one executor reads grants on into calls of at most {@code size}, one securable type per
     * call, keeping the blueprint order within each type and the types in order of first appearance.
     *
     * @param all the securables, in blueprint order
     * @param size the executor's {@link Executor#grantReadBatchSize()}; values below 1 count as 1
     * @return the batches
     */
    static List<List<Securable>> grantBatches(List<Securable> all, int size) {
        Map<SecurableType, List<Securable>> byType = new EnumMap<>(SecurableType.class);
        List<SecurableType> order = new ArrayList<>();
        for (Securable securable : all) {
            byType.computeIfAbsent(securable.type(), type -> {
                order.add(type);
                return new ArrayList<>();
            }).add(securable);
        }
        List<List<Securable>> out = new ArrayList<>();
        for (SecurableType type : order) {
            out.addAll(batches(byType.get(type), size));
        }
        return out;
    }

    /** Names what one read call carries: the object as plan lines name it, or how many there are. */
    private static String describe(List<?> batch, String kind) {
        if (batch.size() != 1) {
            return batch.size() + " " + kind;
        }
        Object only = batch.get(0);
        if (only instanceof Resource resource) {
            return ResourceChange.nameOf(resource);
        }
        return only instanceof Securable securable ? GrantChange.nameOf(securable) : String.valueOf(only);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> cast(Object map) {
        return (Map<K, V>) map;
    }

    private <T> T guarded(String what, Supplier<T> call) {
        return guarded(guard, what, call);
    }

    /** Makes one read call under the rate limit and retry policy; a call that fails for good fails the read. */
    static <T> T guarded(CallGuard guard, String what, Supplier<T> call) {
        try {
            return guard.call(what, call, (attempt, delay, cause) -> { }).value();
        } catch (CallGuard.CallFailedException e) {
            throw new LakesetupException(what + " failed after " + e.attempts() + " attempts: " + e.getMessage(),
                    e.getCause());
        }
    }

    /**
     * Returns the principal as the service names it, when known.
     *
     * @param principal a declared principal
     * @param resolutions resolutions made while planning
     * @return the resolved principal, or the declared one when its id is not known yet
     */
    static Principal resolved(Principal principal, Resolutions resolutions) {
        if (principal instanceof ServicePrincipal sp) {
            return resolutions.applicationIdOf(sp).<Principal>map(ServicePrincipal::of).orElse(sp);
        }
        return principal;
    }
}
