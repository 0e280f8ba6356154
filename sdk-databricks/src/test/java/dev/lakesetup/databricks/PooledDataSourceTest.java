package dev.lakesetup.databricks;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.RequestStats;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The pooled data source of {@link DatabricksJdbc} with the real driver against the fake workspace. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PooledDataSourceTest {
    private static final String SESSION_OPEN = "POST /api/2.0/sql/warehouses/{wh}/sessions";
    private static final String SESSION_CLOSE = "DELETE /api/2.0/sql/sessions/{id}";
    private static final String STATEMENT = "POST /api/2.0/sql/statements/";

    private FakeFixture f;

    @BeforeEach
    void start() {
        f = FakeFixture.start();
        for (int i = 0; i < 4; i++) {
            f.fake.seedCatalog("c" + i);
        }
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static GrantChange grantOn(String catalog) {
        Securable securable = Securable.catalog(catalog);
        return new GrantChange(GrantChange.idOf(Action.GRANT, securable), Action.GRANT, securable,
                List.of(PrincipalPrivileges.of(Principal.group("analysts"), Set.of(USE_CATALOG))), Set.of());
    }

    @Test
    void apply_whenCallsFollowEachOther_reuseOneSqlSession() {
        SqlExecutor sql = f.workspace.sqlExecutor(f.jdbcDataSource());
        f.fake.resetRequests();

        for (int i = 0; i < 4; i++) {
            TestDispatch.apply(sql, grantOn("c" + i), f.context());
        }
        RequestStats requests = f.fake.requests();

        assertThat(requests.count(SESSION_OPEN)).as("%s", requests.perEndpoint()).isEqualTo(1);
        assertThat(requests.count(STATEMENT)).isEqualTo(4);
        assertThat(requests.count(SESSION_CLOSE)).isZero();
        assertThat(f.fake.snapshot().grantsOn("catalog", "c3")).containsKey("analysts");
    }

    @Test
    void close_whenSessionsAreOpen_closesThemAndRefusesNewConnections() throws SQLException {
        PooledDataSource pool = f.jdbcDataSource();
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
        }
        assertThat(pool.openConnections()).isEqualTo(2);
        f.fake.resetRequests();

        pool.close();

        assertThat(f.fake.requests().count(SESSION_CLOSE)).isEqualTo(2);
        assertThat(pool.isClosed()).isTrue();
        assertThat(pool.openConnections()).isZero();
        assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
    }

    @Test
    void getConnection_whenMoreCallersThanPoolSize_neverOpensMoreSessionsThanTheSize() throws SQLException {
        PooledDataSource pool = f.jdbcDataSource(f.jdbc().poolSize(2).build());
        f.fake.resetRequests();

        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            assertThat(pool.openConnections()).isEqualTo(2);
        }
        try (Connection c = pool.getConnection(); Connection d = pool.getConnection()) {
            assertThat(pool.openConnections()).isEqualTo(2);
        }

        assertThat(f.fake.requests().count(SESSION_OPEN)).isEqualTo(2);
    }

    @Test
    void apply_whenFirstSessionIsRefused_failsAtOnceWithTheDriversFailure() {
        f.fake.faults().on("POST", "/api/2\\.0/sql/warehouses/.*/sessions").always()
                .respond(FaultResponse.status(403).errorCode("PERMISSION_DENIED"));
        SqlExecutor sql = f.workspace.sqlExecutor(f.jdbcDataSource());
        long started = System.nanoTime();

        ServiceException e = catchThrowableOfType(ServiceException.class, () -> TestDispatch.apply(sql, grantOn("c0"), f.context()));

        assertThat(e).isNotNull();
        assertThat(e.failure()).as(e.getMessage()).isEqualTo(Failure.FATAL);
        // the pool's own wait for a connection (30 s) is not spent on the first connection
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(20);
    }

    @Test
    void apply_whenConnectionBreaksDuringACall_evictsItAndTheNextCallOpensANewSession() {
        SqlExecutor sql = f.workspace.sqlExecutor(f.jdbcDataSource());
        TestDispatch.apply(sql, grantOn("c0"), f.context());
        f.fake.faults().on("POST", "/api/2\\.0/sql/statements/?").times(1).respond(FaultResponse.connectionReset());
        f.fake.resetRequests();

        ServiceException broken = catchThrowableOfType(ServiceException.class,
                () -> TestDispatch.apply(sql, grantOn("c1"), f.context()));
        TestDispatch.apply(sql, grantOn("c2"), f.context());

        assertThat(broken).isNotNull();
        assertThat(f.fake.requests().count(SESSION_OPEN)).as("%s", f.fake.requests().perEndpoint()).isEqualTo(1);
    }

    @Test
    void sqlExecutor_whenItCreatedThePool_closeEndsItsSessions() {
        PooledDataSource pool = f.jdbc().build().dataSource();
        SqlExecutor sql = SqlExecutor.builder().dataSource(pool).ownsDataSource(pool).build();
        TestDispatch.apply(sql, grantOn("c0"), f.context());
        f.fake.resetRequests();

        sql.close();

        assertThat(f.fake.requests().count(SESSION_CLOSE)).isEqualTo(1);
        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void sqlExecutor_whenGivenADataSource_closeLeavesItOpen() throws SQLException {
        PooledDataSource pool = f.jdbcDataSource();
        SqlExecutor sql = f.workspace.sqlExecutor(pool);

        sql.close();

        assertThat(pool.isClosed()).isFalse();
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.isClosed()).isFalse();
        }
    }

    private static DataSource refusing(DataSource shown) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> shown.toString();
                    case "getConnection" -> throw new SQLException("refused in this test", "08001");
                    default -> null;
                });
    }

    @Test
    void getConnection_whenHikariLogsItsConfigurationAtDebug_logsNoSecret() throws SQLException {
        FakeWorkspace.SeededPrincipal admin = f.fake.seedAdminServicePrincipal("pool-admin");
        String oauthSecret = admin.secret();
        List<DatabricksJdbc> configs = List.of(f.jdbc().build(), f.jdbc().credentialsInProperties().build(),
                f.jdbc().oauthM2m(admin.applicationId(), oauthSecret).build(),
                f.jdbc().oauthM2m(admin.applicationId(), oauthSecret).credentialsInProperties().build());
        Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
        Level before = hikari.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        hikari.addAppender(logs);
        hikari.setLevel(Level.DEBUG);
        try {
            for (DatabricksJdbc jdbc : configs.subList(0, 2)) {
                try (PooledDataSource pool = jdbc.dataSource(); Connection connection = pool.getConnection()) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
            // the driver cannot reach the fake's token endpoint over plain HTTP: the pool gets the same driver-facing
            // data source, which refuses to connect, and logs its configuration all the same
            for (DatabricksJdbc jdbc : configs.subList(2, 4)) {
                try (PooledDataSource pool = new PooledDataSource(refusing(jdbc.unpooledDataSource()), 1,
                        Duration.ofMinutes(1))) {
                    assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
                }
            }
        } finally {
            hikari.detachAppender(logs);
            hikari.setLevel(before);
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        // the pool's configuration was logged, with the data source as its masked description
        assertThat(lines).filteredOn(line -> line.startsWith("dataSource.")).hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("PWD=****"))
                .anySatisfy(line -> assertThat(line).contains("OAuth2Secret=****"));
        assertThat(String.join("\n", lines)).doesNotContain(f.fake.adminToken()).doesNotContain(oauthSecret);
    }
}
