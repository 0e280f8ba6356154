package dev.lakesetup.benchmarks;

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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Wraps an executor and records when each of its calls started. For an executor that does not meter its requests
 * each call is one permit of lakesetup's rate limiter; for one that does (the REST executor) each request is, and
 * the calls' rate is at most the requests' rate.
 */
final class CountingExecutor extends ForwardingExecutor {
    private final ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();

    CountingExecutor(Executor delegate) {
        super(delegate);
    }

    /** Returns the start times ({@link System#nanoTime()}) of every call so far. */
    List<Long> callStarts() {
        return List.copyOf(starts);
    }

    private void started() {
        starts.add(System.nanoTime());
    }

    @Override
    public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        started();
        return delegate().readResources(resources, context);
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        started();
        return delegate().readGrants(securables, context);
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        started();
        return delegate().resolve(principal);
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        started();
        return delegate().apply(change, context);
    }
}
