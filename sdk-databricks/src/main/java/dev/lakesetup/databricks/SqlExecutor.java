package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.render.UnityCatalogSql;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.GrantStore;
import dev.lakesetup.core.spi.PrincipalDirectory;
import dev.lakesetup.core.spi.ResourceHandler;
import dev.lakesetup.databricks.internal.Jdbc;
import dev.lakesetup.databricks.internal.SqlGrantStore;
import dev.lakesetup.databricks.internal.SqlSessions;
import dev.lakesetup.databricks.internal.SqlUcHandler;
import dev.lakesetup.databricks.internal.TransportLimits;
import dev.lakesetup.databricks.internal.UnityCatalogCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and changes Unity Catalog with SQL over any {@link javax.sql.DataSource} (the Databricks JDBC driver in
 * practice, see {@link DatabricksJdbc}): a bundle of SQL handlers for catalogs, schemas and external locations
 * (created and commented with the statements of {@link UnityCatalogSql}, read with {@code DESCRIBE}) and a SQL grant
 * store ({@code GRANT} / {@code REVOKE}, one statement per principal; reads from a few queries of the
 * {@code system.information_schema} privileges views, with {@code SHOW GRANTS ON} for the metastore and for every
 * securable the blueprint declares exclusive, since the views show a caller that is neither the owner nor a
 * metastore admin only its own grants).
 *
 * <p>Built with a {@link RestExecutor} ({@link DatabricksWorkspace#sqlExecutor(javax.sql.DataSource)}), the bundle
 * also holds that executor's handlers of the kinds SQL has no statement for (storage credentials, service
 * principals, OAuth secrets, warehouse permissions) and its principal directory, and checks once for Unity Catalog
 * before the first read or change. The changes of a SQL kind that have no SQL form are handled by the SQL handler
 * delegating to its REST twin: an UPDATE of more than the comment, any UPDATE of an external location, the CREATE of
 * a read-only external location, and a revoke from a deleted principal. Without a REST executor those fail with a
 * clear message and the other kinds are not handled.
 *
 * <p>Every statement takes one permit of the call policy's rate limiter ({@link Builder#callPolicy}; by default the
 * REST executor's workspace policy) before it is sent. A failed statement, including one the service answers with
 * HTTP 200 and state FAILED, becomes a classified {@link dev.lakesetup.core.exception.ServiceException}. Thread-safe: each
 * read or change borrows its own connection from the data source, so with a pool
 * ({@link DatabricksJdbc#dataSource()}) they reuse SQL sessions; a data source passed in is used as it is.
 *
 * <p>{@link DatabricksWorkspace#sqlExecutor()} without the JDBC driver on the class path runs the same statements
 * through the SQL statement execution REST API on the workspace's warehouse instead of a data source.
 * {@link #close()} closes the data source only when this executor created it.
 */
public final class SqlExecutor implements Executor, AutoCloseable {
    private final RestExecutor rest;
    private final PooledDataSource owned;
    private final List<ResourceHandler<?>> handlers;
    private final GrantStore grants;

    private SqlExecutor(Builder builder) {
        CallPolicy policy = builder.policy != null ? builder.policy
                : builder.rest != null ? builder.rest.callPolicy() : CallPolicy.defaults();
        SqlSessions sessions = builder.sessions != null ? builder.sessions : new Jdbc(builder.dataSource,
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, builder.statementTimeout.toSeconds())),
                policy.rateLimiter());
        this.rest = builder.rest;
        this.owned = builder.owned;
        UnityCatalogCheck unityCatalog = rest == null ? null : rest.unityCatalog();
        List<ResourceHandler<?>> all = new ArrayList<>();
        all.add(SqlUcHandler.catalogs(sessions, unityCatalog, twin(Catalog.class)));
        all.add(SqlUcHandler.schemas(sessions, unityCatalog, twin(Schema.class)));
        all.add(SqlUcHandler.externalLocations(sessions, unityCatalog, twin(ExternalLocation.class)));
        if (rest != null) {
            all.addAll(rest.handlersWithoutSql());
        }
        this.handlers = List.copyOf(all);
        this.grants = new SqlGrantStore(sessions, unityCatalog, rest == null ? null : rest.grantStore());
    }

    private <R extends dev.lakesetup.core.model.Resource> ResourceHandler<R> twin(Class<R> type) {
        return rest == null ? null : rest.handler(type);
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
    public List<ResourceHandler<?>> resourceHandlers() {
        return handlers;
    }

    @Override
    public List<GrantStore> grantStores() {
        return List.of(grants);
    }

    /**
     * Returns the REST executor's principal directory (SQL has no directory listing); without one, none.
     *
     * @return the directory, or empty
     */
    @Override
    public Optional<PrincipalDirectory> principalDirectory() {
        return rest == null ? Optional.empty() : rest.principalDirectory();
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
        private CallPolicy policy;
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

        /**
         * Sets the call policy whose rate limiter gives each statement a permit; by default the REST executor's
         * workspace policy, or {@link CallPolicy#defaults()} without one.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder callPolicy(CallPolicy policy) {
            this.policy = InvalidInputException.requireNonNull(policy, "call policy");
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
         * Sets the REST executor whose handlers take the kinds and changes with no SQL form, and whose workspace's
         * Unity Catalog check and call policy this executor shares.
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
