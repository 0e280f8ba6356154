package dev.lakesetup.core.spi;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An executor that passes every call to another one: extend it to decorate an executor (count calls, record
 * timings, inject failures in tests) by overriding only the calls you care about. Every method of
 * {@link Executor}, including its defaults such as {@link #readBatchSize()} and {@link #metersRequests()}, is
 * forwarded, so a decorator never silently changes how the engine batches, routes, resolves or rate-limits.
 */
public abstract class ForwardingExecutor implements Executor {
    private final Executor delegate;

    /**
     * Wraps an executor.
     *
     * @param delegate the executor that does the work
     */
    protected ForwardingExecutor(Executor delegate) {
        this.delegate = InvalidInputException.requireNonNull(delegate, "delegate executor");
    }

    /**
     * Returns the wrapped executor.
     *
     * @return the delegate
     */
    protected final Executor delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean handles(Resource resource) {
        return delegate.handles(resource);
    }

    @Override
    public boolean handlesGrantsOn(Securable securable) {
        return delegate.handlesGrantsOn(securable);
    }

    @Override
    public boolean supports(Change change) {
        return delegate.supports(change);
    }

    @Override
    public boolean metersRequests() {
        return delegate.metersRequests();
    }

    @Override
    public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        return delegate.readResources(resources, context);
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        return delegate.readGrants(securables, context);
    }

    @Override
    public int readBatchSize() {
        return delegate.readBatchSize();
    }

    @Override
    public int grantReadBatchSize() {
        return delegate.grantReadBatchSize();
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return delegate.resolve(principal);
    }

    @Override
    public Optional<PrincipalLookup> lookUp(Principal principal) {
        return delegate.lookUp(principal);
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        return delegate.apply(change, context);
    }
}
