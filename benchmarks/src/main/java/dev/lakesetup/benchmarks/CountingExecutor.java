package dev.lakesetup.benchmarks;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wraps an executor's handlers, grant stores and principal directory, and records when the engine called each of
 * them. The rate limit is not taken here: it belongs to the workspace's transport, one permit per HTTP request, so
 * the engine's calls into the executor may come faster than the limit while the requests on the wire do not.
 */
final class CountingExecutor implements Executor {
    private final Executor delegate;
    private final ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
    private final List<ResourceHandler<?>> handlers;
    private final List<GrantStore> stores;

    CountingExecutor(Executor delegate) {
        this.delegate = delegate;
        this.handlers = delegate.resourceHandlers().stream().<ResourceHandler<?>>map(this::counting).toList();
        this.stores = delegate.grantStores().stream().<GrantStore>map(CountingStore::new).toList();
    }

    /** Returns the start times ({@link System#nanoTime()}) of every call the engine made so far. */
    List<Long> callStarts() {
        return List.copyOf(starts);
    }

    private void started() {
        starts.add(System.nanoTime());
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<ResourceHandler<?>> resourceHandlers() {
        return handlers;
    }

    @Override
    public List<GrantStore> grantStores() {
        return stores;
    }

    @Override
    public Optional<PrincipalDirectory> principalDirectory() {
        return delegate.principalDirectory().map(CountingDirectory::new);
    }

    private <R extends Resource> ResourceHandler<R> counting(ResourceHandler<R> handler) {
        return new ResourceHandler<>() {
            @Override
            public Class<R> type() {
                return handler.type();
            }

            @Override
            public Map<ResourceId, R> read(List<R> resources, ExecutionContext context) {
                started();
                return handler.read(resources, context);
            }

            @Override
            public ChangeResult apply(ResourceChange change, R resource, ExecutionContext context) {
                started();
                return handler.apply(change, resource, context);
            }
        };
    }

    /** Counts the calls to one grant store. */
    private final class CountingStore implements GrantStore {
        private final GrantStore store;

        CountingStore(GrantStore store) {
            this.store = store;
        }

        @Override
        public Set<SecurableType> securableTypes() {
            return store.securableTypes();
        }

        @Override
        public Map<Securable, List<PrincipalPrivileges>> read(List<Securable> securables, ExecutionContext context) {
            started();
            return store.read(securables, context);
        }

        @Override
        public ChangeResult apply(GrantChange change, ExecutionContext context) {
            started();
            return store.apply(change, context);
        }
    }

    /** Counts the calls to the principal directory. */
    private final class CountingDirectory implements PrincipalDirectory {
        private final PrincipalDirectory directory;

        CountingDirectory(PrincipalDirectory directory) {
            this.directory = directory;
        }

        @Override
        public Optional<ApplicationId> resolve(ServicePrincipal principal, ExecutionContext context) {
            started();
            return directory.resolve(principal, context);
        }

        @Override
        public Optional<PrincipalLookup> lookUp(Principal principal, ExecutionContext context) {
            started();
            return directory.lookUp(principal, context);
        }
    }
}
