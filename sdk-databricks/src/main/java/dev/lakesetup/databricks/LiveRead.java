package dev.lakesetup.databricks;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one declared resource's live state through the handler of its kind, outside the engine: for recipes and
 * checks that look before or after a plan. Calls run one after the other with one attempt each; a service
 * principal known by display name is resolved through the executor's directory.
 */
final class LiveRead implements ExecutionContext {
    private final Executor executor;

    private LiveRead(Executor executor) {
        this.executor = executor;
    }

    /** Tells whether an executor has a handler for the resource's kind. */
    static boolean handles(Executor executor, Resource resource) {
        return executor.resourceHandlers().stream().anyMatch(h -> h.type() == resource.getClass());
    }

    /** Reads a resource, returning its live state, or empty when it does not exist. */
    static <R extends Resource> Optional<R> of(Executor executor, R resource) {
        ResourceHandler<R> handler = handlerOf(executor, resource);
        return Optional.ofNullable(handler.read(List.of(resource), new LiveRead(executor)).get(resource.id()));
    }

    private static <R extends Resource> ResourceHandler<R> handlerOf(Executor executor, R resource) {
        for (ResourceHandler<?> handler : executor.resourceHandlers()) {
            if (handler.type() == resource.getClass()) {
                @SuppressWarnings("unchecked")
                ResourceHandler<R> typed = (ResourceHandler<R>) handler;
                return typed;
            }
        }
        throw new IllegalArgumentException(executor.name() + " does not read " + resource.id());
    }

    @Override
    public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
        List<V> answers = new ArrayList<>(items.size());
        for (T item : items) {
            answers.add(call.apply(item));
        }
        return answers;
    }

    @Override
    public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
        if (principal.isResolved()) {
            return principal.applicationId();
        }
        return executor.principalDirectory().flatMap(directory -> directory.resolve(principal, this));
    }
}
