package dev.lakesetup.azure;

import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.List;

/**
 * Reads and applies {@link EntraServicePrincipal}, {@link AdlsContainer} and {@link RoleAssignment} resources through
 * Microsoft Graph, Resource Manager and the storage endpoint: a bundle of one handler per kind, and no grants. One
 * attempt per call; failures are reported as {@link dev.lakesetup.core.exception.ServiceException}s whose kind tells the
 * engine to retry ({@code PrincipalNotFound}, an application Graph does not accept yet, {@code ContainerBeingDeleted})
 * or to re-read ({@code RoleAssignmentExists}, an existing service principal or container). Every request takes a
 * permit of the connection's rate limiter. Obtain it from {@link AzureConnection#executor()}.
 */
public final class AzureExecutor implements Executor {
    private final AzureConnection connection;
    private final List<ResourceHandler<?>> handlers;

    AzureExecutor(AzureConnection connection) {
        this.connection = connection;
        GraphPrincipals graph = new GraphPrincipals(connection);
        this.handlers = List.of(new EntraPrincipalHandler(connection, graph), new AdlsContainerHandler(connection),
                new RoleAssignmentHandler(connection, graph));
    }

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public List<ResourceHandler<?>> resourceHandlers() {
        return handlers;
    }

    @Override
    public List<GrantStore> grantStores() {
        return List.of();
    }

    /**
     * Returns this executor's handler of a resource kind.
     *
     * @param type the resource class
     * @param <R> the resource kind
     * @return the handler
     * @throws IllegalArgumentException when this executor does not handle the kind
     */
    <R extends Resource> ResourceHandler<R> handler(Class<R> type) {
        for (ResourceHandler<?> handler : handlers) {
            if (handler.type() == type) {
                @SuppressWarnings("unchecked")
                ResourceHandler<R> typed = (ResourceHandler<R>) handler;
                return typed;
            }
        }
        throw new IllegalArgumentException("the Azure executor does not handle " + type.getSimpleName());
    }

    @Override
    public String toString() {
        return "AzureExecutor[" + connection + "]";
    }
}
