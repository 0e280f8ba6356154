package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.internal.call.Fanout;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads live state through the handlers, in parallel through one {@link Fanout}: one read call per resource
 * handler and per grant store (each decides its own batches), one look-up per principal, each call retried on its
 * own. Shared by planning, apply's read-backs, the saved-plan staleness check and verify (which alone tolerates
 * reads the identity may not make, through {@link ReadDenials}).
 */
public final class LiveReader {
    private final Handlers handlers;
    private final Fanout fanout;
    private final ReadDenials denials;

    /**
     * Creates a reader whose reads fail on any failure.
     *
     * @param handlers the handlers, by kind and type
     * @param fanout runs the reads in parallel, each retried
     */
    public LiveReader(Handlers handlers, Fanout fanout) {
        this(handlers, fanout, null);
    }

    /**
     * Creates a reader; with denials, a read denied for lack of permission answers empty and is recorded there.
     *
     * @param handlers the handlers, by kind and type
     * @param fanout runs the reads in parallel, each retried
     * @param denials where denied reads are recorded, or {@code null} to fail on them
     */
    public LiveReader(Handlers handlers, Fanout fanout, ReadDenials denials) {
        this.handlers = handlers;
        this.fanout = fanout;
        this.denials = denials;
    }

    /**
     * What one read found: the live state and the principal look-ups that did not find their principal.
     *
     * @param resources the resources that exist, live, keyed by declared id
     * @param grants the direct grants on the securables read
     * @param missing the look-ups that found no principal
     */
    public record Found(Map<ResourceId, Resource> resources, Map<Securable, List<PrincipalPrivileges>> grants,
            List<PrincipalLookup> missing) {
    }

    /** One read call: what it does, how many objects it reads, and the call, given the context to call with. */
    private record Task(String what, int objects, Function<Context, Object> call) {
    }

    /**
     * Resolves service principals known by display name, in parallel, each through the first directory that
     * knows it.
     *
     * @param named references by display name
     * @param context the call context
     * @return the application ids of those found
     */
    public Map<ServicePrincipal, ApplicationId> resolve(List<ServicePrincipal> named, Context context) {
        List<Optional<ApplicationId>> ids = fanout.runAll(context.stopped(), principal -> "resolve " + principal,
                named, (principal, stop) -> guarded(List.of(principal),
                        () -> resolveOne(principal, context.within(stop)), Optional.empty()));
        Map<ServicePrincipal, ApplicationId> resolved = new HashMap<>();
        for (int i = 0; i < named.size(); i++) {
            ServicePrincipal principal = named.get(i);
            ids.get(i).ifPresent(id -> resolved.put(principal, id));
        }
        return resolved;
    }

    /**
     * Resolves one service principal known by display name through the first directory that knows it.
     *
     * @param principal a reference by display name
     * @param context the call context
     * @return its application id, or empty when no directory knows it
     */
    public Optional<ApplicationId> resolveOne(ServicePrincipal principal, Context context) {
        for (PrincipalDirectory directory : handlers.directories()) {
            Optional<ApplicationId> id = directory.resolve(principal, context);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads resources, grants and principals together, all in parallel, reporting {@code READING} progress.
     *
     * @param resources the resources to read
     * @param securables the securables whose grants to read
     * @param principals the principals to look up
     * @param context the call context (says which securables to read in full)
     * @param listener receives one progress step per object read and per principal looked up
     * @return what was found
     */
    public Found read(List<Resource> resources, Collection<Securable> securables, List<Principal> principals,
            Context context, ApplyListener listener) {
        List<Task> tasks = new ArrayList<>();
        int resourceTasks = addResourceReads(tasks, resources);
        int readTasks = resourceTasks + addGrantReads(tasks, securables);
        for (Principal principal : principals) {
            tasks.add(new Task("look up " + principal, 1,
                    within -> guarded(List.of(principal), () -> lookUp(principal, within), Optional.empty())));
        }
        ReadProgress progress = new ReadProgress(listener, resources.size() + securables.size() + principals.size());
        List<Object> answers = fanout.runAll(context.stopped(), Task::what, tasks,
                (task, stop) -> progress.counted(task.objects(), () -> task.call().apply(context.within(stop))));
        List<PrincipalLookup> missing = new ArrayList<>();
        for (Object answer : answers.subList(readTasks, answers.size())) {
            ((Optional<?>) answer).map(PrincipalLookup.class::cast).filter(lookup -> !lookup.found())
                    .ifPresent(missing::add);
        }
        return new Found(merged(answers.subList(0, resourceTasks)),
                merged(answers.subList(resourceTasks, readTasks)), missing);
    }

    /**
     * Reads resources, one call per handler, in parallel.
     *
     * @param resources the resources
     * @param context the call context
     * @return the live state of those that exist, keyed by declared id
     */
    public Map<ResourceId, Resource> resources(List<Resource> resources, Context context) {
        List<Task> tasks = new ArrayList<>();
        addResourceReads(tasks, resources);
        return merged(run(tasks, context));
    }

    /**
     * Reads the direct grants on securables, one call per grant store, in parallel.
     *
     * @param securables the securables
     * @param context the call context (says which securables to read in full)
     * @return each principal's privileges per securable
     */
    public Map<Securable, List<PrincipalPrivileges>> grants(Collection<Securable> securables, Context context) {
        List<Task> tasks = new ArrayList<>();
        addGrantReads(tasks, securables);
        return merged(run(tasks, context));
    }

    /** Makes the read calls in parallel, each given a context that stops with this fan-out. */
    private List<Object> run(List<Task> tasks, Context context) {
        return fanout.runAll(context.stopped(), Task::what, tasks,
                (task, stop) -> task.call().apply(context.within(stop)));
    }

    private int addResourceReads(List<Task> tasks, List<Resource> resources) {
        Map<ResourceHandler<Resource>, List<Resource>> byHandler = group(resources, handlers::handlerOf);
        byHandler.forEach((handler, list) -> tasks.add(new Task("read " + describe(list), list.size(),
                within -> guarded(list, () -> handler.read(list, within), Map.of()))));
        return byHandler.size();
    }

    private int addGrantReads(List<Task> tasks, Collection<Securable> securables) {
        Map<GrantStore, List<Securable>> byStore = group(securables, handlers::storeOf);
        byStore.forEach((store, list) -> tasks.add(new Task("read grants on " + describe(list), list.size(),
                within -> guarded(list, () -> store.read(list, within), Map.of()))));
        return byStore.size();
    }

    /** Makes a read call, tolerating a permission error when this reader records denials. */
    private <T> T guarded(List<?> items, Supplier<T> call, T empty) {
        return denials == null ? call.get() : denials.guard(items, call, empty);
    }

    /** Looks a principal up through the first directory that can check; empty when none can. */
    private Optional<PrincipalLookup> lookUp(Principal principal, Context context) {
        for (PrincipalDirectory directory : handlers.directories()) {
            Optional<PrincipalLookup> answer = directory.lookUp(principal, context);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private static <T, H> Map<H, List<T>> group(Collection<T> items, Function<T, H> owner) {
        Map<H, List<T>> out = new LinkedHashMap<>();
        H lastOwner = null;
        List<T> last = null;
        for (T item : items) {
            H found = owner.apply(item);
            if (found != lastOwner) {
                last = out.computeIfAbsent(found, k -> new ArrayList<>());
                lastOwner = found;
            }
            last.add(item);
        }
        return out;
    }

    /** Returns the answers of several read calls as one map; the answer itself when there is one (no copy). */
    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> merged(List<Object> answers) {
        if (answers.size() == 1) {
            return (Map<K, V>) answers.get(0);
        }
        Map<K, V> all = new HashMap<>();
        for (Object answer : answers) {
            all.putAll((Map<K, V>) answer);
        }
        return all;
    }

    /** Names what one read call carries: the object as plan lines name it, or how many there are. */
    private static String describe(List<?> batch) {
        if (batch.size() != 1) {
            return batch.size() + (batch.get(0) instanceof Resource ? " resources" : " securables");
        }
        Object only = batch.get(0);
        return only instanceof Resource resource ? ResourceChange.nameOf(resource)
                : GrantChange.nameOf((Securable) only);
    }
}
