package dev.lakesetup.databricks;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import dev.lakesetup.core.render.UnityCatalogSql;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ObservedResource;
import dev.lakesetup.core.spi.PrincipalLookup;
import dev.lakesetup.databricks.internal.Calls;
import dev.lakesetup.databricks.internal.Jdbc;
import dev.lakesetup.databricks.internal.SqlReads;
import dev.lakesetup.databricks.internal.SqlSessions;
import dev.lakesetup.databricks.internal.TransportLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies changes and reads live state with SQL over any {@link javax.sql.DataSource} (the Databricks JDBC driver in
 * practice, see {@link DatabricksJdbc}): catalogs, schemas and external locations are created and commented with the
 * statements of {@link UnityCatalogSql}; grants with {@code GRANT} / {@code REVOKE}, one statement per principal,
 * all on one connection; state is read with {@code DESCRIBE} and, for grants, a few queries of the
 * {@code system.information_schema} privileges views. Those views show a caller that is neither the owner nor a
 * metastore admin only its own grants, so the metastore and every securable the blueprint declares exclusive
 * ({@link dev.lakesetup.core.spi.ExecutionContext#needsEveryGrant}) are read with {@code SHOW GRANTS ON} instead,
 * one statement each.
 *
 * <p>Changes with no SQL form (storage credentials, service principals, entitlements, warehouse permissions, OAuth
 * secrets, a read-only external location) are routed to the {@link RestExecutor} given to the builder; without one,
 * this executor does not handle them. A failed statement, including one the service answers with HTTP 200 and state
 * FAILED, becomes a classified {@link dev.lakesetup.core.ServiceException}. Thread-safe: each call borrows its own
 * connection from the data source for the duration of the call, so with a pool ({@link DatabricksJdbc#dataSource()})
 * calls reuse SQL sessions; a data source passed in is used as it is (no second pool on top).
 *
 * <p>{@link DatabricksWorkspace#sqlExecutor()} without the JDBC driver on the class path runs the same statements
 * through the SQL statement execution REST API on the workspace's warehouse instead of a data source.
 *
 * <p>{@link #close()} closes the data source only when this executor created it
 * ({@link DatabricksWorkspace#sqlExecutor()}); a data source passed in stays the caller's to close.
 */
public final class SqlExecutor implements Executor, AutoCloseable {
    /** JDBC over the data source, or the statement execution API when the driver is absent. */
    private final SqlSessions jdbc;
    private final RestExecutor rest;
    private final PooledDataSource owned;
    private final UnityCatalogSql sql = UnityCatalogSql.standard();
    private final SqlReads reads = new SqlReads(sql);

    private SqlExecutor(Builder builder) {
        this.jdbc = builder.sessions != null ? builder.sessions : new Jdbc(builder.dataSource,
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, builder.statementTimeout.toSeconds())));
        this.rest = builder.rest;
        this.owned = builder.owned;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "databricks-sql";
    }

    @Override
    public boolean handles(Resource resource) {
        return isSql(resource) || (rest != null && rest.handles(resource));
    }

    @Override
    public boolean handlesGrantsOn(Securable securable) {
        return true;
    }

    @Override
    public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context) {
        List<Resource> viaSql = new ArrayList<>();
        List<Resource> viaRest = new ArrayList<>();
        for (Resource resource : resources) {
            (isSql(resource) ? viaSql : viaRest).add(resource);
        }
        Map<ResourceId, ObservedResource> out = new LinkedHashMap<>();
        if (!viaSql.isEmpty()) {
            checkUnityCatalog();
            jdbc.inSession(session -> {
                for (Resource resource : viaSql) {
                    reads.describe(session, resource).ifPresent(state -> out.put(resource.id(), state));
                }
                return null;
            });
        }
        if (!viaRest.isEmpty()) {
            out.putAll(requireRest(viaRest.get(0).id().toString()).readResources(viaRest, context));
        }
        return out;
    }

    /**
     * Returns how many securables one read of grants (planning, or reading written grants back) carries: the number of
     * names one {@code information_schema} query asks for, so each query is a call of its own (on its own connection)
     * and the engine runs them in parallel.
     *
     * @return the query chunk size
     */
    @Override
    public int grantReadBatchSize() {
        return SqlReads.CHUNK;
    }

    @Override
    public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context) {
        if (securables.isEmpty()) {
            return Map.of();
        }
        checkUnityCatalog();
        List<Securable> list = List.copyOf(securables);
        return jdbc.inSession(session -> reads.grants(session, list, context::needsEveryGrant));
    }

    @Override
    public Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return rest != null ? rest.resolve(principal) : Optional.empty();
    }

    /**
     * Looks a principal up through the REST executor this one was built with (SQL has no directory listing);
     * without one it cannot check.
     *
     * @param principal a service principal, user or group
     * @return the REST executor's answer, or empty
     */
    @Override
    public Optional<PrincipalLookup> lookUp(Principal principal) {
        return rest != null ? rest.lookUp(principal) : Optional.empty();
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        return Calls.dispatch(change, c -> applyResource(c, context), c -> applyGrants(c, context));
    }

    private ChangeResult applyResource(ResourceChange change, ExecutionContext context) {
        Resource resource = change.resource();
        if (!isSql(resource) || needsRest(change)) {
            return requireRest(change.object()).apply(change, context);
        }
        switch (change.action()) {
            case CREATE -> {
                checkUnityCatalog();
                String statement = create(resource);
                jdbc.inSession(session -> {
                    session.execute("create " + change.object(), statement);
                    return null;
                });
            }
            case UPDATE -> {
                checkUnityCatalog();
                String comment = comment(resource).orElseThrow();
                jdbc.inSession(session -> {
                    session.execute("comment on " + change.object(), sql.commentOn(resource.securable().orElseThrow(), comment));
                    return null;
                });
            }
            case NO_OP -> {
            }
            case CONFLICT, GRANT, REVOKE -> throw Calls.unsupported(change + " cannot be applied");
        }
        return ChangeResult.done();
    }

    private ChangeResult applyGrants(GrantChange change, ExecutionContext context) {
        if (!change.action().isActionable()) {
            return ChangeResult.done();
        }
        if (change.privileges().stream().anyMatch(entry -> entry.principal() instanceof DeletedPrincipal)) {
            // SQL has no way to name a deleted principal; the grants API removes its privileges by id
            if (rest == null) {
                throw Calls.unsupported(change + ": a deleted principal's privileges can only be revoked through "
                        + "the REST API (by principal_id); build the SQL executor with a REST executor");
            }
            return rest.apply(change, context);
        }
        List<Grant> grants = new ArrayList<>();
        for (Grant grant : change.asGrants()) {
            grants.add(context.resolved(grant));
        }
        if (grants.isEmpty()) {
            return ChangeResult.done();
        }
        checkUnityCatalog();
        boolean grant = change.action() == Action.GRANT;
        jdbc.inSession(session -> {
            for (Grant g : grants) {
                session.execute((grant ? "grant on " : "revoke on ") + change.securable().fullName() + " to "
                        + g.principal().grantName(), grant ? sql.grant(g) : sql.revoke(g));
            }
            return null;
        });
        return ChangeResult.done();
    }

    /**
     * An UPDATE that changes more than the comment, any UPDATE of an external location (COMMENT ON and ALTER
     * EXTERNAL LOCATION document no comment for it) and a read-only external location need the REST API.
     */
    private static boolean needsRest(ResourceChange change) {
        if (change.resource() instanceof ExternalLocation location && (change.action() == Action.UPDATE
                || change.action() == Action.CREATE && location.readOnly().orElse(false))) {
            return true;
        }
        if (change.action() == Action.UPDATE) {
            for (SettingChange setting : change.settings()) {
                if (!setting.name().equals("comment")) {
                    return true;
                }
            }
        }
        return false;
    }

    private String create(Resource resource) {
        if (resource instanceof Catalog catalog) {
            return sql.createCatalog(catalog);
        } else if (resource instanceof Schema schema) {
            return sql.createSchema(schema);
        }
        return sql.createExternalLocation((ExternalLocation) resource);
    }

    private static Optional<String> comment(Resource resource) {
        if (resource instanceof Catalog catalog) {
            return catalog.comment();
        } else if (resource instanceof Schema schema) {
            return schema.comment();
        }
        return ((ExternalLocation) resource).comment();
    }

    private static boolean isSql(Resource resource) {
        return resource instanceof Catalog || resource instanceof Schema || resource instanceof ExternalLocation;
    }

    private void checkUnityCatalog() {
        if (rest != null) {
            rest.checkUnityCatalog();
        }
    }

    private RestExecutor requireRest(String what) {
        if (rest == null) {
            throw Calls.unsupported(what + " has no SQL form: build the SqlExecutor with a RestExecutor "
                    + "(DatabricksWorkspace.sqlExecutor(..)) or register a RestExecutor");
        }
        return rest;
    }

    /**
     * Closes the data source when this executor created it (its pooled SQL sessions end); otherwise does nothing.
     */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return "SqlExecutor[" + (rest == null ? "SQL only" : "with " + rest) + "]";
    }

    /** Configures a {@link SqlExecutor}. */
    public static final class Builder {
        private javax.sql.DataSource dataSource;
        private RestExecutor rest;
        private PooledDataSource owned;
        private SqlSessions sessions;
        private Duration statementTimeout = TransportLimits.DEFAULT_STATEMENT_TIMEOUT;

        private Builder() {
        }

        /** Runs the statements through these sessions instead of a data source (the statement execution API). */
        Builder sessions(SqlSessions value) {
            this.sessions = value;
            return this;
        }

        /**
         * Sets the query timeout of every statement (15 minutes by default): a statement still running then is
         * cancelled by the driver and fails.
         *
         * @param timeout at least one second
         * @return this builder
         */
        public Builder statementTimeout(Duration timeout) {
            if (timeout == null || timeout.toSeconds() < 1) {
                throw InvalidInputException.of("statement timeout", String.valueOf(timeout),
                        "it is under one second", "a duration of at least one second");
            }
            this.statementTimeout = timeout;
            return this;
        }

        /** Makes {@link SqlExecutor#close()} close the data source, which the executor's creator made for it. */
        Builder ownsDataSource(PooledDataSource dataSource) {
            this.owned = dataSource;
            return this;
        }

        /**
         * Sets where connections come from.
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(javax.sql.DataSource dataSource) {
            this.dataSource = InvalidInputException.requireNonNull(dataSource, "data source");
            return this;
        }

        /**
         * Sets the REST executor that takes the changes with no SQL form and checks for Unity Catalog.
         *
         * @param rest the REST executor
         * @return this builder
         */
        public Builder restExecutor(RestExecutor rest) {
            this.rest = InvalidInputException.requireNonNull(rest, "REST executor");
            return this;
        }

        /**
         * Builds the executor.
         *
         * @return the executor
         * @throws IllegalStateException without a data source
         */
        public SqlExecutor build() {
            if (dataSource == null && sessions == null) {
                throw new IllegalStateException("SqlExecutor needs a data source");
            }
            return new SqlExecutor(this);
        }
    }
}
