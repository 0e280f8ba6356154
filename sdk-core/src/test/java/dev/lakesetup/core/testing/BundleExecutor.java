package dev.lakesetup.core.testing;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalLookup;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A test executor written as five overridable calls (read resources, read grants, apply a change, resolve and look
 * up a principal), bundled into a handler per model resource kind, one grant store for every securable type and a
 * principal directory. Reads are split into batches of {@link #readBatchSize()} (grants per securable type too),
 * fanned out with {@link ExecutionContext#runAll} when there are several, as a bulk-reading handler would.
 */
public abstract class BundleExecutor implements Executor {
    /** Every resource kind of the model. */
    public static final List<Class<? extends Resource>> KINDS = List.of(Catalog.class, Schema.class,
            StorageCredential.class, ExternalLocation.class, WorkspaceServicePrincipal.class, OAuthSecret.class,
            WarehousePermission.class);

    /** Reads resources of one kind; the answer holds those that exist, live, keyed by declared id. */
    public abstract Map<ResourceId, Resource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context);

    /** Reads the direct grants on securables of one type. */
    public abstract Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context);

    /** Applies one change with one attempt. */
    public abstract ChangeResult apply(Change change, ExecutionContext context);

    /** Resolves a service principal known by display name; by default knows none. */
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return Optional.empty();
    }

    /** Looks a principal up; by default cannot check. */
    public Optional<PrincipalLookup> lookUp(Principal principal) {
        return Optional.empty();
    }

    /** Returns the most objects one read call carries. */
    public int readBatchSize() {
        return Integer.MAX_VALUE;
    }

    /** Tells whether the handler of a kind can delete (receives DELETE changes); by default none can. */
    protected boolean canDelete(Class<? extends Resource> kind) {
        return false;
    }

    /** Returns the kinds this executor handles; by default every model kind. */
    protected List<Class<? extends Resource>> kinds() {
        return KINDS;
    }

    @Override
    public List<ResourceHandler<?>> resourceHandlers() {
        List<ResourceHandler<?>> handlers = new ArrayList<>();
        kinds().forEach(kind -> handlers.add(handler(kind)));
        return handlers;
    }

    private <R extends Resource> ResourceHandler<R> handler(Class<R> kind) {
        return new ResourceHandler<>() {
            @Override
            public Class<R> type() {
                return kind;
            }

            @Override
            public Map<ResourceId, R> read(List<R> resources, ExecutionContext context) {
                Map<ResourceId, R> live = new HashMap<>();
                inBatches(List.copyOf(resources), context, batch -> readResources(batch, context))
                        .forEach((id, resource) -> live.put(id, kind.cast(resource)));
                return live;
            }

            @Override
            public ChangeResult apply(ResourceChange change, R resource, ExecutionContext context) {
                return BundleExecutor.this.apply(change, context);
            }

            @Override
            public boolean canDelete() {
                return BundleExecutor.this.canDelete(kind);
            }
        };
    }

    @Override
    public List<GrantStore> grantStores() {
        return List.of(new GrantStore() {
            @Override
            public Set<SecurableType> securableTypes() {
                return EnumSet.allOf(SecurableType.class);
            }

            @Override
            public Map<Securable, List<PrincipalPrivileges>> read(List<Securable> securables,
                    ExecutionContext context) {
                Map<SecurableType, List<Securable>> byType = new LinkedHashMap<>();
                securables.forEach(s -> byType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s));
                if (byType.size() == 1) {
                    // the answer as the executor gave it, not a copy
                    return inBatches(securables, context, batch -> readGrants(batch, context));
                }
                Map<Securable, List<PrincipalPrivileges>> all = new LinkedHashMap<>();
                byType.values().forEach(list -> all.putAll(inBatches(list, context,
                        batch -> readGrants(batch, context))));
                return all;
            }

            @Override
            public ChangeResult apply(GrantChange change, ExecutionContext context) {
                return BundleExecutor.this.apply(change, context);
            }
        });
    }

    @Override
    public Optional<PrincipalDirectory> principalDirectory() {
        return Optional.of(new PrincipalDirectory() {
            @Override
            public Optional<ApplicationId> resolve(ServicePrincipal principal, ExecutionContext context) {
                return BundleExecutor.this.resolve(principal);
            }

            @Override
            public Optional<PrincipalLookup> lookUp(Principal principal, ExecutionContext context) {
                return BundleExecutor.this.lookUp(principal);
            }
        });
    }

    private <T, K, V> Map<K, V> inBatches(List<T> all, ExecutionContext context,
            Function<List<T>, Map<K, V>> read) {
        int size = Math.max(1, readBatchSize());
        if (all.size() <= size) {
            return read.apply(all);
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            batches.add(List.copyOf(all.subList(from, Math.min(all.size(), from + size))));
        }
        Map<K, V> merged = new LinkedHashMap<>();
        context.runAll("read a batch", batches, read).forEach(merged::putAll);
        return merged;
    }
}
