package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import dev.lakesetup.databricks.internal.FederationPolicyHandler;
import dev.lakesetup.databricks.internal.OAuthSecretHandler;
import dev.lakesetup.databricks.internal.Principals;
import dev.lakesetup.databricks.internal.RestCatalogs;
import dev.lakesetup.databricks.internal.RestExternalLocations;
import dev.lakesetup.databricks.internal.RestGrantStore;
import dev.lakesetup.databricks.internal.RestSchemas;
import dev.lakesetup.databricks.internal.RestStorageCredentials;
import dev.lakesetup.databricks.internal.ScimDirectory;
import dev.lakesetup.databricks.internal.SdkClients;
import dev.lakesetup.databricks.internal.ServicePrincipalHandler;
import dev.lakesetup.databricks.internal.StatementRows;
import dev.lakesetup.databricks.internal.UcGrants;
import dev.lakesetup.databricks.internal.UnityCatalogCheck;
import dev.lakesetup.databricks.internal.WarehousePermissionHandler;
import dev.lakesetup.databricks.internal.Warehouses;
import java.util.List;
import java.util.Optional;

/**
 * Reads and changes a Databricks workspace through its REST API (databricks-sdk-java): a bundle of one handler per
 * resource kind (catalogs, schemas, storage credentials, external locations, workspace and account service
 * principals with entitlements and workspace assignment, OAuth secrets, SQL warehouse permissions), one grant store
 * for every securable, and the SCIM principal directory.
 *
 * <p>Get one from {@link DatabricksWorkspace#restExecutor()} and register it on the applier. Each request makes one
 * attempt (the SDK's retries are off) and fails with a classified {@link ServiceException}; every request takes a
 * permit of the workspace's rate limit ({@link DatabricksWorkspace.Builder#callPolicy}). Reads send one request per
 * object, fanned out by the engine. All principals' grant changes on one securable travel in one PATCH, whose
 * answer is passed on so the engine need not read them back; a warehouse permission is added with PATCH, never with
 * the PUT that replaces the access list. With a SQL warehouse ({@link DatabricksWorkspace.Builder#warehouseId}),
 * grants are read in bulk instead: the {@code system.information_schema} privileges queries of the
 * {@link SqlExecutor}, run through the statement execution API, one statement per securable type and chunk of
 * names; the metastore, and each securable the blueprint declares exclusive (the views show a caller that is
 * neither the owner nor a metastore admin only its own grants), still take one GET each. Before the first Unity
 * Catalog read or change it checks once that a metastore is assigned, and otherwise fails with a clear error before
 * anything is changed. Thread-safe.
 */
public final class RestExecutor implements Executor {
    private final SdkClients clients;
    private final UnityCatalogCheck unityCatalog;
    private final List<ResourceHandler<?>> handlers;
    private final RestGrantStore grants;
    private final ScimDirectory directory;

    RestExecutor(SdkClients clients, Long workspaceId, String warehouseId) {
        this.clients = clients;
        this.unityCatalog = new UnityCatalogCheck(clients);
        Principals principals = new Principals(clients,
                () -> workspaceId != null ? workspaceId : configuredWorkspaceId());
        this.handlers = List.of(new RestCatalogs(clients::workspace, unityCatalog),
                new RestSchemas(clients::workspace, unityCatalog),
                new RestStorageCredentials(clients::workspace, unityCatalog),
                new RestExternalLocations(clients::workspace, unityCatalog),
                new ServicePrincipalHandler(principals), new OAuthSecretHandler(principals),
                new WarehousePermissionHandler(new Warehouses(clients::workspace)),
                new FederationPolicyHandler(clients, principals));
        StatementRows bulk = warehouseId == null ? null : new StatementRows(clients::workspace, warehouseId,
                clients.limits().statementTimeout(), clients.policy());
        this.grants = new RestGrantStore(new UcGrants(clients::workspace, unityCatalog::metastoreId), unityCatalog,
                bulk);
        this.directory = new ScimDirectory(clients, principals);
    }

    @Override
    public String name() {
        return "databricks-rest";
    }

    @Override
    public List<ResourceHandler<?>> resourceHandlers() {
        return handlers;
    }

    @Override
    public List<GrantStore> grantStores() {
        return List.of(grants);
    }

    /**
     * Returns the SCIM directory: it resolves service principals known by display name (in the workspace, then the
     * account) and looks principals up with one filtered SCIM listing each.
     *
     * @return the directory
     */
    @Override
    public Optional<PrincipalDirectory> principalDirectory() {
        return Optional.of(directory);
    }

    /**
     * Checks that Unity Catalog is enabled: a metastore is assigned to the workspace. Runs once (parallel first
     * calls wait for one request); later calls return the remembered answer.
     *
     * @return the metastore id
     * @throws ServiceException of kind {@code FATAL} naming the workspace when no metastore is assigned
     */
    public String checkUnityCatalog() {
        return unityCatalog.metastoreId();
    }

    /**
     * Reads the effective privileges on a securable: direct grants plus those inherited from its parents, per
     * principal, as the service computes them.
     *
     * @param securable the securable
     * @return each principal's effective privileges; empty when the securable does not exist
     */
    public List<PrincipalPrivileges> readEffectiveGrants(Securable securable) {
        return grants.readEffective(securable);
    }

    /** The call policy of the workspace, whose rate limit the SQL executors built on this one share. */
    dev.lakesetup.core.apply.CallPolicy callPolicy() {
        return clients.policy();
    }

    /** The metastore check, shared with the SQL executors built on this one. */
    UnityCatalogCheck unityCatalog() {
        return unityCatalog;
    }

    /** The REST grant store, the SQL grant store's twin for revokes SQL cannot express. */
    GrantStore grantStore() {
        return grants;
    }

    /** Returns this executor's handler of a kind. */
    @SuppressWarnings("unchecked")
    <R extends dev.lakesetup.core.model.Resource> ResourceHandler<R> handler(Class<R> type) {
        for (ResourceHandler<?> handler : handlers) {
            if (handler.type() == type) {
                return (ResourceHandler<R>) handler;
            }
        }
        throw new IllegalArgumentException("no REST handler of " + type.getSimpleName());
    }

    /** The handlers of the kinds SQL has no statement for: storage credentials, principals, secrets, warehouses, federation policies. */
    List<ResourceHandler<?>> handlersWithoutSql() {
        return handlers.stream().filter(h -> h.type() != Catalog.class && h.type() != Schema.class
                && h.type() != ExternalLocation.class).toList();
    }

    private long configuredWorkspaceId() {
        String id = clients.workspace().config().getWorkspaceId();
        if (id == null || id.isEmpty()) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, "the workspace id is unknown: set "
                    + "workspaceId on DatabricksWorkspace for account-level workspace assignment").build();
        }
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw ServiceException.builder(ServiceException.Failure.FATAL, "the workspace id '" + id
                    + "' reported by the host is not a number: set workspaceId on DatabricksWorkspace").build();
        }
    }

    @Override
    public String toString() {
        return "RestExecutor[" + clients + "]";
    }
}
