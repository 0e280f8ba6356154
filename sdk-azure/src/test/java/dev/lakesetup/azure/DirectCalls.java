package dev.lakesetup.azure;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Calls an Azure handler directly, outside the engine: one attempt, no retries, items one after the other. */
final class DirectCalls implements ExecutionContext {
    private static final DirectCalls CONTEXT = new DirectCalls();

    private DirectCalls() {
    }

    static <R extends Resource> Map<ResourceId, R> read(AzureExecutor executor, R resource) {
        return handler(executor, resource).read(List.of(resource), CONTEXT);
    }

    static <R extends Resource> ChangeResult create(AzureExecutor executor, R resource) {
        return handler(executor, resource).apply(ResourceChange.create(resource, Set.of()), resource, CONTEXT);
    }

    static <R extends Resource> ChangeResult delete(AzureExecutor executor, R resource) {
        ResourceHandler<R> handler = handler(executor, resource);
        if (!handler.canDelete()) {
            throw new AssertionError(handler + " cannot delete");
        }
        return handler.apply(new ResourceChange(ResourceChange.idOf(resource), dev.lakesetup.core.plan.Action.DELETE,
                resource, List.of(), Set.of()), resource, CONTEXT);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Resource> ResourceHandler<R> handler(AzureExecutor executor, R resource) {
        return executor.handler((Class<R>) resource.getClass());
    }

    @Override
    public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
        List<V> answers = new ArrayList<>();
        items.forEach(item -> answers.add(call.apply(item)));
        return answers;
    }

    @Override
    public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
        return principal.applicationId();
    }
}
