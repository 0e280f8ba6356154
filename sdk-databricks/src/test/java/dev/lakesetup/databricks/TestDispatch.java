package dev.lakesetup.databricks;

import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.ResourceHandler;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Map;

/** Hands a change or a read to the executor's handler or grant store, as the engine looks them up (tests). */
final class TestDispatch {
    private TestDispatch() {
    }

    static ChangeResult apply(Executor executor, Change change, ExecutionContext context) {
        return change.accept(new Change.Visitor<>() {
            @Override
            public ChangeResult resource(ResourceChange resourceChange) {
                return applyResource(executor, resourceChange, context);
            }

            @Override
            public ChangeResult grants(GrantChange grantChange) {
                return store(executor, grantChange.securable()).apply(grantChange, context);
            }
        });
    }

    /** A context that resolves nothing and makes fanned-out calls one after another. */
    static ExecutionContext context() {
        return new ExecutionContext() {
            @Override
            public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
                List<V> out = new ArrayList<>();
                items.forEach(item -> out.add(call.apply(item)));
                return out;
            }

            @Override
            public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
                return principal.applicationId();
            }
        };
    }

    static Map<Securable, List<PrincipalPrivileges>> readGrants(Executor executor, List<Securable> securables,
            ExecutionContext context) {
        return store(executor, securables.get(0)).read(securables, context);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Resource> ChangeResult applyResource(Executor executor, ResourceChange change,
            ExecutionContext context) {
        R resource = (R) change.resource();
        ResourceHandler<R> handler = (ResourceHandler<R>) executor.resourceHandlers().stream()
                .filter(h -> h.type() == resource.getClass()).findFirst().orElseThrow();
        return handler.apply(change, resource, context);
    }

    private static GrantStore store(Executor executor, Securable securable) {
        return executor.grantStores().stream().filter(s -> s.securableTypes().contains(securable.type()))
                .findFirst().orElseThrow();
    }
}
