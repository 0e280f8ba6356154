package dev.lakesetup.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * A bundle of the handlers through which lakesetup reads and changes one service: a {@link ResourceHandler} per
 * resource kind, a {@link GrantStore} per family of securables, and a {@link PrincipalDirectory}. The plug-in point
 * between lakesetup and a service (Databricks REST, SQL over JDBC, Azure).
 *
 * <p>Register executors on {@code Lakesetup.builder().executor(..)}. The engine looks each declared resource's
 * handler up by the resource's class, and each securable's grant store by its type; when several executors offer
 * one, the first registered wins. A declared kind that no executor handles fails planning with one error that lists
 * every such kind, before anything is read.
 *
 * <p>How calls are made: the engine makes every handler call under its retry policy, so a handler makes one attempt
 * of each request and reports failures by throwing {@link dev.lakesetup.core.exception.ServiceException} with the right
 * {@link dev.lakesetup.core.exception.ServiceException.Failure} kind (vendor exceptions are wrapped at this boundary; an
 * {@link java.io.IOException} cause that is not wrapped is treated as transient). A handler that sends many
 * independent requests fans them out with {@link ExecutionContext#runAll}, which runs them under the engine's
 * concurrency bound and retries each on its own. The rate limit is not the engine's business: it belongs to the
 * connection (for example {@code DatabricksWorkspace.builder().callPolicy(..)}), whose transport takes one permit per
 * request on the wire. Implementations must be thread-safe.
 */
public interface Executor {

    /**
     * Returns a short name for logs and reports, e.g. {@code databricks-rest}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the handlers of the resource kinds this executor reads and changes, at most one per kind.
     *
     * @return the handlers, possibly empty
     */
    List<ResourceHandler<?>> resourceHandlers();

    /**
     * Returns the stores of the grants this executor reads and changes, at most one per securable type.
     *
     * @return the stores, possibly empty
     */
    List<GrantStore> grantStores();

    /**
     * Returns the directory that resolves service principals known by display name and checks that principals exist.
     *
     * @return the directory, or empty when this executor knows no principals
     */
    default Optional<PrincipalDirectory> principalDirectory() {
        return Optional.empty();
    }
}
