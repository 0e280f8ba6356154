package dev.lakesetup.databricks;

import com.databricks.sdk.service.catalog.MetastoreAssignment;
import dev.lakesetup.core.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.render.UnityCatalogSql;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ObservedResource;
import dev.lakesetup.core.spi.PrincipalLookup;
import dev.lakesetup.databricks.internal.Calls;
import dev.lakesetup.databricks.internal.PrincipalDirectory;
import dev.lakesetup.databricks.internal.Principals;
import dev.lakesetup.databricks.internal.SdkClients;
import dev.lakesetup.databricks.internal.SqlReads;
import dev.lakesetup.databricks.internal.StatementRows;
import dev.lakesetup.databricks.internal.UcGrants;
import dev.lakesetup.databricks.internal.UcResources;
import dev.lakesetup.databricks.internal.Warehouses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies changes and reads live state through the Databricks REST API (databricks-sdk-java): catalogs, schemas,
 * storage credentials, external locations, grants on every securable, workspace and account service principals with
 * entitlements and workspace assignment, OAuth secrets and SQL warehouse permissions.
 *
 * <p>Get one from {@link DatabricksWorkspace#restExecutor()} and register it on the applier. Each call makes one
 * attempt (the SDK's retries are off) and fails with a classified {@link ServiceException}. All principals' grant
 * changes on one securable travel in one PATCH; a warehouse permission is added with PATCH, never with the PUT that
 * replaces the access list. A grant change passes on the grants the PATCH answer lists, so the engine need not read
 * them back. Planning reads resources one per call ({@link #readBatchSize()}), so the engine runs them in parallel.
 * Without a SQL warehouse, grants are read the same way, one securable per call. With one
 * ({@link DatabricksWorkspace.Builder#warehouseId(String)}), grants are read in bulk instead: the same
 * {@code system.information_schema} privileges queries as the {@link SqlExecutor}, run through the statement execution
 * API, one statement per securable type and chunk of names, side by side ({@link #grantReadBatchSize()}); the
 * metastore, which the views do not cover, still takes one GET, and so does each securable the blueprint declares
 * exclusive: the views show a caller that is neither the owner nor a metastore admin only its own grants, and an
 * exclusive securable must see every grant to revoke the undeclared ones. Before the first Unity Catalog read or change it checks
 * once that a metastore is assigned, and otherwise fails with a clear error before anything is changed. Thread-safe.
 */
public final class RestExecutor implements Executor {
    private final SdkClients clients;
    private final UcResources resources;
    private final UcGrants grants;
    private final Principals principals;
    private final PrincipalDirectory directory;
    private final Warehouses warehouses;
    private final StatementRows bulk;
    private final SqlReads sqlReads = new SqlReads(UnityCatalogSql.standard());
    private final Object metastoreLock = new Object();
    private volatile String metastoreId;

    RestExecutor(SdkClients clients, Long workspaceId, String warehouseId) {
        this.clients = clients;
        this.resources = new UcResources(clients::workspace);
        this.grants = new UcGrants(clients::workspace, this::checkUnityCatalog);
        this.directory = new PrincipalDirectory(clients);
        this.principals = new Principals(clients, () -> workspaceId != null ? workspaceId : configuredWorkspaceId());
        this.warehouses = new Warehouses(clients::workspace);
        this.bulk = warehouseId == null ? null : new StatementRows(clients::workspace, warehouseId,
                clients.limits().statementTimeout());
    }

    @Override
    public String name() {
        return "databricks-rest";
    }

    /**
     * Returns {@code true}: every request this executor sends, the SDK's start-up discovery and token requests and
     * the metastore check included, takes its own permit of the engine's rate limit, so the limit holds per request.
     *
     * @return {@code true}
     */
    @Override
    public boolean metersRequests() {
        return true;
    }

    @Override
    public boolean handles(Resource resource) {
        return isUnityCatalog(resource) || resource instanceof WorkspaceServicePrincipal
                || resource instanceof OAuthSecret || resource instanceof WarehousePermission;
    }

    @Override
    public boolean handlesGrantsOn(Securable securable) {
        return true;
    }

    /**
     * Checks that Unity Catalog is enabled: a metastore is assigned to the workspace. Runs once (parallel first
     * calls wait for one request); later calls return the remembered answer.
     *
     * @return the metastore id
     * @throws ServiceException of kind {@code FATAL} naming the workspace when no metastore is assigned
     */
    public String checkUnityCatalog() {
        String known = metastoreId;
        if (known != null) {
            return known;
        }
        synchronized (metastoreLock) {
            return metastoreId != null ? metastoreId : fetchMetastoreId();
        }
    }

    private String fetchMetastoreId() {
        MetastoreAssignment assignment;
        try {
            assignment = Calls.run("get the current metastore assignment",
                    () -> clients.workspace().metastores().current());
        } catch (ServiceException e) {
            if ("METASTORE_DOES_NOT_EXIST".equals(e.errorCode())) {
                throw noMetastore(e);
            }
            if (e.status() == 404) {
                throw notUnityCatalog(e);
            }
            throw e;
        }
        if (assignment == null || assignment.getMetastoreId() == null || assignment.getMetastoreId().isEmpty()) {
            throw noMetastore(null);
        }
        metastoreId = assignment.getMetastoreId();
        return metastoreId;
    }

    /** A 404 without {@code METASTORE_DOES_NOT_EXIST}: the host is not a Databricks workspace's API at all. */
    private ServiceException notUnityCatalog(ServiceException cause) {
        return ServiceException.builder(ServiceException.Failure.FATAL, clients.workspace().config().getHost()
                + " does not serve the Unity Catalog API: GET /api/2.1/unity-catalog/current-metastore-assignment "
                + "answered 404" + (cause.errorCode().isEmpty() ? "" : " " + cause.errorCode())
                + ". Check that the host is the workspace URL (https://adb-....azuredatabricks.net, "
                + "https://<name>.cloud.databricks.com) and not the account console or a proxy; nothing was changed.")
                .errorCode(cause.errorCode()).status(404).cause(cause).build();
    }

    private ServiceException noMetastore(Throwable cause) {
        return ServiceException.builder(ServiceException.Failure.FATAL, "Unity Catalog is not enabled on "
                + clients.workspace().config().getHost() + ": no metastore is assigned to the workspace. Assign a "
                + "metastore (account console > Catalog > Metastores) before applying; nothing was changed.")
                .errorCode("METASTORE_DOES_NOT_EXIST").status(404).cause(cause).build();
    }

    /**
     * Returns how many resources one planning read carries: 1, since each resource takes its own request(s), so the
     * engine reads them one per call, in parallel and each under the rate limit.
     *
     * @return 1
     */
    @Override
    public int readBatchSize() {
        return 1;
    }

    /**
     * Returns how many securables one read of grants (planning, or reading written grants back) carries. Without a SQL
     * warehouse: 1, one request per securable. With one: the number of names one {@code information_schema} statement
     * asks for, so each statement is a call of its own and the engine runs them in parallel.
     *
     * @return 1 without a warehouse, the statement chunk size with one
     */
    @Override
    public int grantReadBatchSize() {
        return bulk == null ? 1 : SqlReads.CHUNK;
    }

    @Override
    public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        Map<ResourceId, ObservedResource> out = new LinkedHashMap<>();
        for (Resource resource : resources) {
            read(resource, context).ifPresent(state -> out.put(resource.id(), state));
        }
        return out;
    }

    private Optional<ObservedResource> read(Resource resource, ExecutionContext context) {
        if (isUnityCatalog(resource)) {
            checkUnityCatalog();
        }
        if (resource instanceof Catalog catalog) {
            return resources.read(catalog);
        } else if (resource instanceof Schema schema) {
            return resources.read(schema);
        } else if (resource instanceof StorageCredential credential) {
            return resources.read(credential);
        } else if (resource instanceof ExternalLocation location) {
            return resources.read(location);
        } else if (resource instanceof WorkspaceServicePrincipal sp) {
            return principals.read(sp);
        } else if (resource instanceof OAuthSecret secret) {
            return principals.read(secret, context);
        } else if (resource instanceof WarehousePermission permission) {
            return warehouses.read(permission, context);
        }
        throw Calls.unsupported(name() + " does not handle " + resource.id());
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        if (securables.isEmpty()) {
            return Map.of();
        }
        checkUnityCatalog();
        Map<Securable, List<PrincipalPrivileges>> out = new LinkedHashMap<>();
        List<Securable> inViews = new ArrayList<>();
        for (Securable securable : securables) {
            if (bulk != null && securable.type() != SecurableType.METASTORE && !context.needsEveryGrant(securable)) {
                inViews.add(securable);
            } else {
                grants.read(securable).ifPresent(held -> out.put(securable, held));
            }
        }
        if (!inViews.isEmpty()) {
            out.putAll(sqlReads.grants(bulk, inViews, s -> false));
        }
        return out;
    }

    /**
     * Looks a principal up with one SCIM listing filtered to it, in the workspace and then (when an account client
     * is configured) in the account; the built-in {@code account users} group and principals found before are not
     * asked again.
     *
     * @param principal a service principal, user or group
     * @return whether it exists and what was asked
     */
    @Override
    public Optional<PrincipalLookup> lookUp(Principal principal) {
        return directory.lookUp(principal);
    }

    /**
     * Reads the effective privileges on a securable: direct grants plus those inherited from its parents, per
     * principal, as the service computes them.
     *
     * @param securable the securable
     * @return each principal's effective privileges; empty when the securable does not exist
     */
    public List<PrincipalPrivileges> readEffectiveGrants(Securable securable) {
        checkUnityCatalog();
        return grants.readEffective(securable).orElse(List.of());
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        if (principal.isResolved()) {
            return principal.applicationId();
        }
        return principals.resolve(principal);
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        return Calls.dispatch(change, c -> applyResource(c, context), c -> applyGrants(c, context));
    }

    private ChangeResult applyResource(ResourceChange change, ExecutionContext context) {
        if (!change.action().isActionable()) {
            if (change.action() == Action.CONFLICT) {
                throw Calls.unsupported(change + ": a conflict cannot be applied; lakesetup never recreates");
            }
            return ChangeResult.done();
        }
        Resource resource = change.resource();
        if (isUnityCatalog(resource)) {
            checkUnityCatalog();
        }
        if (resource instanceof Catalog catalog) {
            resources.apply(change, catalog);
        } else if (resource instanceof Schema schema) {
            resources.apply(change, schema);
        } else if (resource instanceof StorageCredential credential) {
            resources.apply(change, credential);
        } else if (resource instanceof ExternalLocation location) {
            resources.apply(change, location);
        } else if (resource instanceof WorkspaceServicePrincipal sp) {
            return principals.apply(change, sp);
        } else if (resource instanceof OAuthSecret secret) {
            return principals.issue(secret, context);
        } else if (resource instanceof WarehousePermission permission) {
            warehouses.grant(permission, context);
        } else {
            throw Calls.unsupported(name() + " does not handle " + resource.id());
        }
        return ChangeResult.done();
    }

    private ChangeResult applyGrants(GrantChange change, ExecutionContext context) {
        if (!change.action().isActionable()) {
            return ChangeResult.done();
        }
        boolean add = change.action() == Action.GRANT;
        Map<Principal, Set<Privilege>> byPrincipal = new LinkedHashMap<>();
        for (PrincipalPrivileges entry : change.privileges()) {
            if (!entry.privileges().isEmpty()) {
                Principal principal = context.resolved(entry.principal());
                byPrincipal.computeIfAbsent(principal, n -> new TreeSet<>()).addAll(entry.privileges());
            }
        }
        if (byPrincipal.isEmpty()) {
            return ChangeResult.done();
        }
        checkUnityCatalog();
        return grants.update(change.securable(), byPrincipal, add)
                .map(ChangeResult.done()::withObservedGrants).orElse(ChangeResult.done());
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

    private static boolean isUnityCatalog(Resource resource) {
        return resource instanceof Catalog || resource instanceof Schema || resource instanceof StorageCredential
                || resource instanceof ExternalLocation;
    }

    @Override
    public String toString() {
        return "RestExecutor[" + clients + "]";
    }
}
