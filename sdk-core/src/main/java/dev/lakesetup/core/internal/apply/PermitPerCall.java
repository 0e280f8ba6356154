package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ForwardingExecutor;
import dev.lakesetup.core.spi.ObservedResource;
import dev.lakesetup.core.spi.RequestPermits;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes one permit of the bound {@link RequestPermits} at the start of each call to an executor that does not
 * meter its own requests (one whose requests the engine cannot see, such as SQL through a JDBC driver), so its
 * calls count against the rate limit as single requests. Requests the call still sends through a metered HTTP layer
 * (the SQL executor hands what has no SQL form to a REST executor) take permits from the second one on: the first
 * uses the call's. Outside a guarded call the bound permits never wait.
 */
final class PermitPerCall extends ForwardingExecutor {

    private PermitPerCall(Executor delegate) {
        super(delegate);
    }

    /**
     * Wraps an executor unless it meters its own requests.
     *
     * @param executor a registered executor
     * @return the executor as the engine calls it
     */
    static Executor wrap(Executor executor) {
        return executor.metersRequests() ? executor : new PermitPerCall(executor);
    }

    @Override
    public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        return oneCall(() -> delegate().readResources(resources, context));
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        return oneCall(() -> delegate().readGrants(securables, context));
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return oneCall(() -> delegate().resolve(principal));
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        return oneCall(() -> delegate().apply(change, context));
    }

    private static <T> T oneCall(Supplier<T> call) {
        RequestPermits permits = RequestPermits.current();
        permits.acquire();
        return CallGuard.firstTaken(permits).callWith(call);
    }

    @Override
    public String toString() {
        return delegate().toString();
    }
}
