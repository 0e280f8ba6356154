package dev.lakesetup.databricks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A started fake workspace with a warehouse, and the lakesetup objects pointed at it. */
final class FakeFixture implements AutoCloseable {
    static final String WAREHOUSE = "wh1";
    static final String PERMISSIONS_PATCH = "PATCH /api/2.1/unity-catalog/permissions/{type}/{name}";
    static final String STATEMENTS_POST = "POST /api/2.0/sql/statements";
    static final String PERMISSIONS_GET = "GET /api/2.1/unity-catalog/permissions/{type}/{name}";

    final FakeWorkspace fake;
    final DatabricksWorkspace workspace;
    /** The same workspace with no warehouse: its REST executor reads grants with one GET per securable. */
    final DatabricksWorkspace restOnly;
    final Map<ServicePrincipal, ApplicationId> resolved = new ConcurrentHashMap<>();
    private final List<PooledDataSource> pools = new CopyOnWriteArrayList<>();

    private FakeFixture(FakeWorkspace.Builder builder) {
        this.fake = builder.warehouse(WAREHOUSE, "Starter").group("analysts").build().start();
        DatabricksWorkspace.Builder settings = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken())
                .account(fake.host(), fake.accountId()).workspaceId(fake.workspaceId())
                .httpTimeout(Duration.ofSeconds(20)).callPolicy(CallPolicy.builder().rateLimitPerSecond(1000).build());
        this.restOnly = settings.build();
        this.workspace = settings.warehouseId(WAREHOUSE).build();
    }

    static FakeFixture start() {
        return new FakeFixture(FakeWorkspace.builder());
    }

    static FakeFixture start(FakeWorkspace.Builder builder) {
        return new FakeFixture(builder);
    }

    /** A pool of the Databricks JDBC driver in Statement Execution API mode against the fake; closed by close(). */
    PooledDataSource jdbcDataSource() {
        return jdbcDataSource(jdbc().build());
    }

    /** The driver settings of {@link #jdbcDataSource()}, to change before building. */
    DatabricksJdbc.Builder jdbc() {
        return workspace.jdbc().statementExecutionApi().property("EnableQueryResultDownload", "0")
                .property("EnableTelemetry", "0");
    }

    /** A pool over the given driver settings; closed by close(). */
    PooledDataSource jdbcDataSource(DatabricksJdbc jdbc) {
        PooledDataSource pool = jdbc.dataSource();
        pools.add(pool);
        return pool;
    }

    SqlExecutor sqlExecutor() {
        return workspace.sqlExecutor(jdbcDataSource());
    }

    Lakesetup lakesetup(Executor executor) {
        return Lakesetup.builder().executor(executor).concurrency(4)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .sleeper(d -> { }).build();
    }

    /** An execution context that knows the principals the test registered. */
    ExecutionContext context() {
        return new ExecutionContext() {
            @Override
            public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
                List<V> out = new ArrayList<>();
                items.forEach(item -> out.add(call.apply(item)));
                return out;
            }

            @Override
            public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
                return principal.isResolved() ? principal.applicationId() : Optional.ofNullable(resolved.get(principal));
            }
        };
    }

    @Override
    public void close() {
        for (PooledDataSource pool : pools) { // not a method reference: that would need HikariCP without a pool
            pool.close();
        }
        fake.close();
    }
}
