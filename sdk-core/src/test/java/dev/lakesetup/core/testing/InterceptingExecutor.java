package dev.lakesetup.core.testing;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes every call to another executor's handlers: subclass it and override one call to intercept it (record
 * what is asked, fail, change an answer). Handles the kinds and securable types the delegate handles.
 */
public class InterceptingExecutor extends BundleExecutor {
    private final Executor delegate;

    /**
     * Wraps an executor.
     *
     * @param delegate the executor that does the work
     */
    public InterceptingExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    /** Returns the wrapped executor. */
    protected Executor delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    protected List<Class<? extends Resource>> kinds() {
        return delegate.resourceHandlers().stream().<Class<? extends Resource>>map(ResourceHandler::type).toList();
    }

    @Override
    protected boolean canDelete(Class<? extends Resource> kind) {
        return delegate.resourceHandlers().stream().anyMatch(h -> h.type() == kind && h.canDelete());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<ResourceId, Resource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        Map<ResourceId, Resource> live = new HashMap<>();
        if (!resources.isEmpty()) {
            ResourceHandler handler = handlerOf(resources.iterator().next());
            live.putAll(handler.read(List.copyOf(resources), context));
        }
        return live;
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        if (securables.isEmpty()) {
            return Map.of();
        }
        return storeOf(securables.iterator().next()).read(List.copyOf(securables), context);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ChangeResult apply(Change change, ExecutionContext context) {
        if (change instanceof ResourceChange resourceChange) {
            ResourceHandler handler = handlerOf(resourceChange.resource());
            return handler.apply(resourceChange, resourceChange.resource(), context);
        }
        GrantChange grants = (GrantChange) change;
        return storeOf(grants.securable()).apply(grants, context);
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return delegate.principalDirectory().flatMap(directory -> directory.resolve(principal, null));
    }

    @Override
    public Optional<PrincipalLookup> lookUp(Principal principal) {
        Optional<PrincipalDirectory> directory = delegate.principalDirectory();
        return directory.isEmpty() ? Optional.empty() : directory.get().lookUp(principal, null);
    }

    private ResourceHandler<?> handlerOf(Resource resource) {
        return delegate.resourceHandlers().stream().filter(h -> h.type() == resource.getClass()).findFirst()
                .orElseThrow(() -> new IllegalStateException(delegate.name() + " does not handle " + resource));
    }

    private GrantStore storeOf(Securable securable) {
        return delegate.grantStores().stream().filter(s -> s.securableTypes().contains(securable.type()))
                .findFirst().orElseThrow(() -> new IllegalStateException(delegate.name() + " has no grants on "
                        + securable));
    }
}
