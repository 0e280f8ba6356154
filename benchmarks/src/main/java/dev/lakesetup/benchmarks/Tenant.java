package dev.lakesetup.benchmarks;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PooledDataSource;
import dev.lakesetup.databricks.SqlExecutor;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A started fake workspace seeded with catalogs and schemas, a fixed latency on every call, and the lakesetup
 * objects pointed at it. Each measured run grants to its own service principal, so runs on one tenant do not see
 * each other's grants.
 */
final class Tenant implements AutoCloseable {
    static final String WAREHOUSE = "wh1";

    private final FakeWorkspace fake;
    private final DatabricksWorkspace workspace;
    private final int catalogs;
    private final int schemasPerCatalog;
    private final List<PooledDataSource> pools = new ArrayList<>();

    private Tenant(int catalogs, int schemasPerCatalog, Duration latency, CallPolicy policy) {
        this.catalogs = catalogs;
        this.schemasPerCatalog = schemasPerCatalog;
        this.fake = FakeWorkspace.builder().warehouse(WAREHOUSE, "Bench").build().start();
        for (int c = 0; c < catalogs; c++) {
            fake.seedCatalog(catalog(c));
            for (int s = 0; s < schemasPerCatalog; s++) {
                fake.seedSchema(catalog(c) + "." + schema(s));
            }
        }
        if (!latency.isZero()) {
            fake.faults().on("*", ".*").always().respond(FaultResponse.latency(latency));
        }
        this.workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken())
                .warehouseId(WAREHOUSE).httpTimeout(Duration.ofSeconds(60)).callPolicy(policy).build();
    }

    /**
     * Starts a tenant with this many catalogs and schemas per catalog, this latency on every call, and a workspace
     * whose transport takes the policy's rate-limit permits (one per HTTP request and per SQL statement).
     */
    static Tenant start(int catalogs, int schemasPerCatalog, Duration latency, CallPolicy policy) {
        return new Tenant(catalogs, schemasPerCatalog, latency, policy);
    }

    static String catalog(int index) {
        return "c" + index;
    }

    static String schema(int index) {
        return "s" + index;
    }

    FakeWorkspace fake() {
        return fake;
    }

    DatabricksWorkspace workspace() {
        return workspace;
    }

    /** Seeds a new service principal and returns it as lakesetup names it. */
    ServicePrincipal newPrincipal(String displayName) {
        return Principal.servicePrincipal(ApplicationId.of(fake.seedServicePrincipal(displayName).applicationId()));
    }

    /** Revokes every grant the principal holds, directly on the fake (not measured, not counted). */
    void revokeAll(ServicePrincipal principal) {
        fake.revokeAllGrantsOf(principal.applicationId().orElseThrow().value().toString());
    }

    /**
     * The SQL executor through the Databricks JDBC driver in statement execution mode, REST for the rest, over a
     * connection pool of the given size (the concurrency it serves); the pool is closed with this tenant.
     */
    SqlExecutor sqlExecutor(int poolSize) {
        PooledDataSource pool = workspace.jdbc().statementExecutionApi().property("EnableQueryResultDownload", "0")
                .property("EnableTelemetry", "0").poolSize(poolSize).build().dataSource();
        pools.add(pool);
        return workspace.sqlExecutor(pool);
    }

    /** Read-only access for one principal: USE CATALOG on every catalog, USE SCHEMA and SELECT on every schema. */
    Blueprint readOnlyBlueprint(ServicePrincipal principal) {
        return readOnlyBlueprint(principal, catalogs);
    }

    /** The same access on the first {@code count} catalogs only (for warming up). */
    Blueprint readOnlyBlueprint(ServicePrincipal principal, int count) {
        Blueprint.Builder builder = Blueprint.builder();
        for (int c = 0; c < count; c++) {
            builder.grant(Grant.on(Securable.catalog(catalog(c))).to(principal).privileges(USE_CATALOG));
            for (int s = 0; s < schemasPerCatalog; s++) {
                builder.grant(Grant.on(Securable.schema(catalog(c), schema(s))).to(principal)
                        .privileges(USE_SCHEMA, SELECT));
            }
        }
        return builder.build();
    }

    /** USE CATALOG on the first catalog only: a plan of one change. */
    Blueprint singleGrantBlueprint(ServicePrincipal principal) {
        return Blueprint.builder().grant(Grant.on(Securable.catalog(catalog(0))).to(principal).privileges(USE_CATALOG))
                .build();
    }

    /** The statements a user's script runs for the same access, one per securable, in order. */
    List<String> naiveStatements(String applicationId) {
        return naiveStatements(applicationId, catalogs);
    }

    /** The statements for the first {@code count} catalogs only (for warming up). */
    List<String> naiveStatements(String applicationId, int count) {
        List<String> statements = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            statements.add("GRANT USE CATALOG ON CATALOG `" + catalog(c) + "` TO `" + applicationId + "`");
            for (int s = 0; s < schemasPerCatalog; s++) {
                statements.add("GRANT USE SCHEMA, SELECT ON SCHEMA `" + catalog(c) + "`.`" + schema(s) + "` TO `"
                        + applicationId + "`");
            }
        }
        return statements;
    }

    @Override
    public void close() {
        pools.forEach(PooledDataSource::close);
        fake.close();
    }
}
