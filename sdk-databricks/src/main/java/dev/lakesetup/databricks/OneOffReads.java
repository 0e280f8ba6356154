package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.Setting;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one resource through an executor's handler of its kind, outside the engine (the recipes' checks): calls run
 * one after another on the calling thread with one attempt each, and service principals known by display name are
 * resolved through the executor's directory.
 */
final class OneOffReads {

    private OneOffReads() {
    }

    /**
     * Tells whether an executor has a handler of a resource's kind.
     *
     * @param executor the executor
     * @param resource the resource
     * @return {@code true} when it can read it
     */
    static boolean handles(Executor executor, Resource resource) {
        return handler(executor, resource).isPresent();
    }

    /**
     * Reads a resource's live state.
     *
     * @param executor the executor with a handler of the resource's kind
     * @param resource the declared resource
     * @param <R> its kind
     * @return the live resource, or empty when it does not exist
     * @throws IllegalArgumentException when the executor has no handler of the kind
     */
    @SuppressWarnings("unchecked")
    static <R extends Resource> Optional<R> read(Executor executor, R resource) {
        ResourceHandler<R> handler = (ResourceHandler<R>) handler(executor, resource).orElseThrow(
                () -> new IllegalArgumentException(executor.name() + " does not read " + resource.id()));
        return Optional.ofNullable(handler.read(List.of(resource), context(executor)).get(resource.id()));
    }

    /**
     * Returns the values of a live resource's setting: a scalar's value, a set's members, none when absent.
     *
     * @param live the live resource
     * @param name the setting's name
     * @return the values
     */
    static Set<String> values(Resource live, String name) {
        for (Setting setting : live.settings()) {
            if (setting.name().equals(name)) {
                return setting instanceof Setting.Scalar scalar ? (scalar.secret() ? Set.of() : Set.of(scalar.value()))
                        : ((Setting.Members) setting).members();
            }
        }
        return Set.of();
    }

    /**
     * Tells whether a read failed because the identity may not make it: HTTP 403 or the error code
     * {@code PERMISSION_DENIED}, as the REST API answers it.
     *
     * @param failure the read's failure
     * @return {@code true} for a permission error
     */
    static boolean isPermissionDenied(ServiceException failure) {
        return failure.status() == 403 || "PERMISSION_DENIED".equals(failure.errorCode());
    }

    private static Optional<ResourceHandler<?>> handler(Executor executor, Resource resource) {
        return executor.resourceHandlers().stream().filter(h -> h.type() == resource.getClass()).findFirst();
    }

    private static ExecutionContext context(Executor executor) {
        Optional<PrincipalDirectory> directory = executor.principalDirectory();
        return new ExecutionContext() {
            @Override
            public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
                List<V> out = new ArrayList<>(items.size());
                items.forEach(item -> out.add(call.apply(item)));
                return out;
            }

            @Override
            public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
                if (principal.isResolved()) {
                    return principal.applicationId();
                }
                return directory.flatMap(d -> d.resolve(principal, this));
            }
        };
    }
}
