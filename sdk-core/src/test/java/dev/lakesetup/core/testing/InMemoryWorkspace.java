package dev.lakesetup.core.testing;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory workspace implementing the executor SPI, for core tests: state in maps, injectable failures per
 * change, an in-flight counter, and a log of calls with the (fake) time they happened.
 */
public class InMemoryWorkspace extends BundleExecutor {
    private final Map<ResourceId, Resource> objects = new ConcurrentHashMap<>();
    private final Map<String, ApplicationId> principals = new ConcurrentHashMap<>();
    private final Map<Securable, Map<String, PrincipalPrivileges>> grants = new ConcurrentHashMap<>();
    private final Map<ChangeId, Deque<RuntimeException>> failures = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger secretsIssued = new AtomicInteger();
    private final AtomicInteger readResourcesCalls = new AtomicInteger();
    private final AtomicInteger readGrantsCalls = new AtomicInteger();
    private final AtomicInteger hiddenGrantReads = new AtomicInteger();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Instant> applyTimes = new CopyOnWriteArrayList<>();
    private final AtomicInteger readsInFlight = new AtomicInteger();
    private final AtomicInteger maxReadsInFlight = new AtomicInteger();
    private final Clock clock;
    private volatile Consumer<Change> onApply = change -> { };
    private volatile Consumer<Collection<? extends Securable>> onReadGrants = securables -> { };
    private volatile int readBatchSize = Integer.MAX_VALUE;
    private volatile ObservedAnswer observedAnswer = ObservedAnswer.NONE;
    private final Set<Class<? extends Resource>> deletable = ConcurrentHashMap.newKeySet();

    /** What a grant change reports about the grants after it. */
    public enum ObservedAnswer {
        /** Nothing: the engine reads back. */
        NONE,
        /** The grants held after the change. */
        CURRENT,
        /** The grants held before the change (a stale answer). */
        STALE
    }

    /**
     * Creates an empty workspace.
     *
     * @param clock the clock apply times are recorded with
     */
    public InMemoryWorkspace(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "in-memory";
    }

    // ---- seeding and inspection ----

    /** Makes a resource exist with its settings: the declared ones, or another value of the kind as live state. */
    public InMemoryWorkspace seed(Resource resource) {
        objects.put(resource.id(), resource);
        if (resource instanceof WorkspaceServicePrincipal sp && !sp.principal().isResolved()) {
            principals.put(sp.displayName().toLowerCase(Locale.ROOT), idFor(sp.displayName()));
        }
        return this;
    }

    /** Registers an existing service principal. */
    public InMemoryWorkspace seedPrincipal(String displayName, ApplicationId id) {
        principals.put(displayName.toLowerCase(Locale.ROOT), id);
        return this;
    }

    /** Adds live privileges. */
    public InMemoryWorkspace seedGrant(Securable securable, Principal principal, Set<Privilege> privileges) {
        addGrant(securable, principal, privileges);
        return this;
    }

    /** Makes the next applies of a change throw these failures, in order. */
    public InMemoryWorkspace failNext(ChangeId id, RuntimeException... failures) {
        this.failures.computeIfAbsent(id, k -> new ArrayDeque<>()).addAll(List.of(failures));
        return this;
    }

    /** Makes the next grant reads not show grants added since. */
    public InMemoryWorkspace hideGrantsForReads(int reads) {
        hiddenGrantReads.set(reads);
        return this;
    }

    /** Makes every read call carry at most this many objects. */
    public InMemoryWorkspace readBatchSize(int size) {
        this.readBatchSize = size;
        return this;
    }

    /** Makes grant changes report the grants after them, or stale ones, or nothing. */
    public InMemoryWorkspace reportObservedGrants(ObservedAnswer answer) {
        this.observedAnswer = answer;
        return this;
    }

    /** Runs a hook inside every grants read, while it counts as in flight. */
    public InMemoryWorkspace onReadGrants(Consumer<Collection<? extends Securable>> hook) {
        this.onReadGrants = hook;
        return this;
    }

    /** Returns the most grants reads that ran at once. */
    public int maxReadsInFlight() {
        return maxReadsInFlight.get();
    }

    /** Runs a hook inside every apply call, while it counts as in flight. */
    public InMemoryWorkspace onApply(Consumer<Change> hook) {
        this.onApply = hook;
        return this;
    }

    /** Returns the application id the workspace gives a principal created with a display name. */
    public static ApplicationId idFor(String displayName) {
        return new ApplicationId(UUID.nameUUIDFromBytes(displayName.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8)));
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public int secretsIssued() {
        return secretsIssued.get();
    }

    public int readResourcesCalls() {
        return readResourcesCalls.get();
    }

    public int readGrantsCalls() {
        return readGrantsCalls.get();
    }

    /** Returns "apply <change id>" for every apply call, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<Instant> applyTimes() {
        return List.copyOf(applyTimes);
    }

    public Optional<Resource> object(ResourceId id) {
        return Optional.ofNullable(objects.get(id));
    }

    public Set<Privilege> privileges(Securable securable, Principal principal) {
        PrincipalPrivileges entry = grants.getOrDefault(securable, Map.of()).get(key(principal));
        return entry == null ? Set.of() : entry.privileges();
    }

    // ---- the SPI ----

    @Override
    public int readBatchSize() {
        return readBatchSize;
    }

    @Override
    public Map<ResourceId, Resource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        readResourcesCalls.incrementAndGet();
        Map<ResourceId, Resource> found = new HashMap<>();
        for (Resource resource : resources) {
            Resource observed = objects.get(resource.id());
            if (observed != null) {
                found.put(resource.id(), observed);
            }
        }
        return found;
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        readGrantsCalls.incrementAndGet();
        maxReadsInFlight.accumulateAndGet(readsInFlight.incrementAndGet(), Math::max);
        try {
            onReadGrants.accept(securables);
            if (hiddenGrantReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Map.of();
            }
            Map<Securable, List<PrincipalPrivileges>> found = new LinkedHashMap<>();
            for (Securable securable : securables) {
                Map<String, PrincipalPrivileges> held = grants.get(securable);
                if (held != null) {
                    found.put(securable, List.copyOf(held.values()));
                }
            }
            return found;
        } finally {
            readsInFlight.decrementAndGet();
        }
    }

    private List<PrincipalPrivileges> held(Securable securable) {
        return List.copyOf(grants.getOrDefault(securable, Map.of()).values());
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return principal.displayName().map(name -> principals.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            calls.add("apply " + change.id());
            applyTimes.add(clock.instant());
            onApply.accept(change);
            Deque<RuntimeException> queued = failures.get(change.id());
            RuntimeException failure = queued == null ? null : queued.poll();
            if (failure != null) {
                throw failure;
            }
            if (change instanceof GrantChange grantChange) {
                return applyGrants(grantChange, context);
            }
            return applyResource((ResourceChange) change, context);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ChangeResult applyGrants(GrantChange change, ExecutionContext context) {
        List<PrincipalPrivileges> before = held(change.securable());
        for (PrincipalPrivileges entry : change.privileges()) {
            Principal principal = context.resolved(entry.principal());
            if (change.action() == Action.REVOKE) {
                Map<String, PrincipalPrivileges> held = grants.getOrDefault(change.securable(), Map.of());
                PrincipalPrivileges current = held.get(key(principal));
                if (current != null) {
                    Set<Privilege> left = new TreeSet<>(current.privileges());
                    left.removeAll(entry.privileges());
                    held.put(key(principal), new PrincipalPrivileges(current.principal(), left));
                }
            } else {
                addGrant(change.securable(), principal, entry.privileges());
            }
        }
        return switch (observedAnswer) {
            case NONE -> ChangeResult.done();
            case CURRENT -> ChangeResult.done().withObservedGrants(held(change.securable()));
            case STALE -> ChangeResult.done().withObservedGrants(before);
        };
    }

    private ChangeResult applyResource(ResourceChange change, ExecutionContext context) {
        Resource resource = change.resource();
        if (change.action() == Action.DELETE) {
            return delete(resource);
        }
        if (change.action() == Action.CREATE && objects.containsKey(resource.id())
                && !(resource instanceof OAuthSecret)) {
            throw ServiceException.builder(ServiceException.Failure.ALREADY_EXISTS, resource.id() + " exists")
                    .status(409).errorCode("RESOURCE_ALREADY_EXISTS").build();
        }
        if (resource instanceof OAuthSecret secret) {
            ApplicationId id = context.resolved(secret.principal()).applicationId().orElseThrow();
            objects.put(resource.id(), resource);
            int n = secretsIssued.incrementAndGet();
            return ChangeResult.issuedSecret(new OAuthCredentials(id, Secret.of("TOPSECRET-" + n)));
        }
        if (resource instanceof WarehousePermission permission) {
            context.resolved(permission.principal());
        }
        // the declared settings now hold; members the live object had beyond them are not kept
        objects.put(resource.id(), resource);
        if (resource instanceof WorkspaceServicePrincipal sp && change.action() == Action.CREATE) {
            ApplicationId id = sp.principal().applicationId().orElseGet(() -> idFor(sp.displayName()));
            principals.put(sp.displayName().toLowerCase(Locale.ROOT), id);
            return ChangeResult.createdPrincipal(sp.principal(), id);
        }
        return ChangeResult.done();
    }

    private void addGrant(Securable securable, Principal principal, Set<Privilege> privileges) {
        grants.computeIfAbsent(securable, k -> new ConcurrentHashMap<>()).merge(key(principal),
                new PrincipalPrivileges(principal, privileges), (old, added) -> {
                    Set<Privilege> all = new TreeSet<>(old.privileges());
                    all.addAll(added.privileges());
                    return new PrincipalPrivileges(old.principal(), all);
                });
    }

    private static String key(Principal principal) {
        return principal.grantName().toLowerCase(Locale.ROOT);
    }

    /** Makes the handlers of these kinds able to delete: a DELETE removes the object (gone already is done). */
    @SafeVarargs
    public final InMemoryWorkspace deletable(Class<? extends Resource>... kinds) {
        deletable.addAll(List.of(kinds));
        return this;
    }

    @Override
    protected boolean canDelete(Class<? extends Resource> kind) {
        return deletable.contains(kind);
    }

    private ChangeResult delete(Resource resource) {
        if (!deletable.contains(resource.getClass())) {
            throw new IllegalStateException("DELETE reached a handler that cannot delete: " + resource.id());
        }
        objects.remove(resource.id());
        if (resource instanceof WorkspaceServicePrincipal sp) {
            principals.remove(sp.displayName().toLowerCase(Locale.ROOT));
        }
        return ChangeResult.done();
    }

    /** Returns every change id applied, for order checks. */
    public List<ChangeId> appliedIds() {
        List<ChangeId> ids = new ArrayList<>();
        for (String call : calls) {
            ids.add(ChangeId.of(call.substring("apply ".length())));
        }
        return ids;
    }
}
