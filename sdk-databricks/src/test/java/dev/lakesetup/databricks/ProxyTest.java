package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.testing.DebugLogCapture;
import dev.lakesetup.testkit.FakeProxy;
import dev.lakesetup.testkit.FakeWorkspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests of lakesetup's HTTP client and of the JDBC driver go through an HTTP proxy that wants credentials. */
class ProxyTest {
    private static final String USER = "proxy-user";
    private static final String PASSWORD = "proxy-password-4711";

    private FakeWorkspace fake;
    private FakeProxy proxy;

    @BeforeEach
    void start() throws Exception {
        fake = FakeWorkspace.builder().warehouse("wh1", "Starter").build().start();
        fake.seedCatalog("sales");
        proxy = FakeProxy.start(USER, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("isFakeServiceTest");
        proxy.close();
        fake.close();
    }

    private DatabricksWorkspace.Builder workspace(HttpProxy settings) {
        return DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken())
                .warehouseId("wh1")
                .httpTimeout(Duration.ofSeconds(10)).proxy(settings);
    }

    @Test
    void restCall_withProxyCredentials_goesThroughTheProxyWithThem() {
        try (DebugLogCapture logs = DebugLogCapture.atDebug(List.of())) {
            DatabricksWorkspace ws = workspace(HttpProxy.of("127.0.0.1", proxy.port())
                    .withCredentials(USER, PASSWORD)).build();

            assertThat(ws.adminClient().catalogs().get("sales").getName()).isEqualTo("sales");

            assertThat(proxy.seen()).isNotEmpty().allMatch(FakeProxy.Seen::authorized);
            assertThat(proxy.seen()).extracting(FakeProxy.Seen::requestLine)
                    .contains("GET " + fake.host() + "/api/2.1/unity-catalog/catalogs/sales HTTP/1.1");
            assertThat(ws.toString()).contains("127.0.0.1:" + proxy.port()).contains("****")
                    .doesNotContain(PASSWORD);
            assertThat(logs.events()).isNotEmpty().map(DebugLogCapture::describe)
                    .noneMatch(text -> text.contains(PASSWORD));
        }
    }

    @Test
    void restCall_withoutProxyCredentials_isRefusedByTheProxy() {
        DatabricksWorkspace ws = workspace(HttpProxy.of("127.0.0.1", proxy.port())).build();

        assertThatThrownBy(() -> ws.adminClient().catalogs().get("sales")).isInstanceOf(RuntimeException.class)
                .hasMessageNotContaining(PASSWORD);
        assertThat(proxy.seen()).isNotEmpty().noneMatch(FakeProxy.Seen::authorized);
    }

    @Test
    void restCall_withWrongProxyPassword_failsWithoutShowingIt() {
        DatabricksWorkspace ws = workspace(HttpProxy.of("127.0.0.1", proxy.port())
                .withCredentials(USER, "wrong-password-0815")).build();

        assertThatThrownBy(() -> ws.adminClient().catalogs().get("sales"))
                .satisfies(e -> assertThat(ThrowableProxyUtil.asString(
                        new ch.qos.logback.classic.spi.ThrowableProxy(e))).doesNotContain("wrong-password-0815"));
        assertThat(proxy.seen()).noneMatch(FakeProxy.Seen::authorized);
    }

    @Test
    void jdbc_withProxy_sendsTheDriverThroughItWithCredentials() throws Exception {
        DatabricksWorkspace ws = workspace(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, PASSWORD))
                .build();
        DatabricksJdbc jdbc = ws.jdbc().statementExecutionApi().property("EnableQueryResultDownload", "0")
                .property("EnableTelemetry", "0").plainHttpForTesting().build();

        assertThat(jdbc.property("UseProxy")).isEqualTo("1");
        assertThat(jdbc.property("ProxyHost")).isEqualTo("127.0.0.1");
        assertThat(jdbc.property("ProxyPort")).isEqualTo(Integer.toString(proxy.port()));
        assertThat(jdbc.property("ProxyAuth")).isEqualTo("1");
        assertThat(jdbc.property("ProxyUID")).isEqualTo(USER);
        assertThat(jdbc.property("ProxyPwd")).isEqualTo("****");
        assertThat(jdbc.toString()).contains("ProxyPwd=****").doesNotContain(PASSWORD);
        try (PooledDataSource pool = jdbc.dataSource(); Connection c = pool.getConnection();
                Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SHOW SCHEMAS IN sales")) {
            rows.next();
        }
        // the driver (Apache HttpClient) answers the proxy's 407 challenge with the credentials; only authorized
        // requests are forwarded
        assertThat(proxy.seen()).anyMatch(seen -> seen.authorized()
                && seen.requestLine().startsWith("POST " + fake.host() + "/api/2.0/sql/statements"));
    }

    @Test
    void validation_withProxy_signsInAndQueriesThroughItOverBothTransports() {
        fake.seedSchema("sales.crm");
        FakeWorkspace.SeededPrincipal sp = fake.seedServicePrincipal("validator");
        fake.seedGrant("catalog", "sales", sp.applicationId(), "USE CATALOG");
        DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting().pat(fake.adminToken()).build()
                .adminClient().warehouses()
                .updatePermissions(new WarehousePermissionsRequest().setWarehouseId("wh1").setAccessControlList(
                        List.of(new WarehouseAccessControlRequest().setServicePrincipalName(sp.applicationId())
                                .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        OAuthCredentials credentials = new OAuthCredentials(ApplicationId.of(sp.applicationId()),
                Secret.of(sp.secret()));
        HttpProxy settings = HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, PASSWORD);

        for (ValidationTransport transport : List.of(ValidationTransport.JDBC, ValidationTransport.STATEMENT_API)) {
            int before = proxy.seen().size();
            ValidationReport report = PrincipalValidator.builder().host(fake.host()).warehouseId("wh1")
                    .credentials(credentials).transport(transport).showSchemasIn(CatalogName.of("sales"))
                    .plainHttpForTesting().proxy(settings).build().validate();

            assertThat(report.passed()).as(report.toString()).isTrue();
            assertThat(proxy.seen().subList(before, proxy.seen().size())).as(transport.name())
                    .anyMatch(seen -> seen.authorized() && seen.requestLine().contains("/oidc/v1/token"));
        }
    }

    @Test
    void build_withHttpsHostAndProxyCredentials_explainsTheJdkTunnelSetting() {
        String property = "jdk.http.auth.tunneling.disabledSchemes";
        String before = System.getProperty(property);
        System.setProperty(property, "Basic");
        try {
            assertThatThrownBy(() -> DatabricksWorkspace.builder().host("https://adb-1.2.azuredatabricks.net")
                    .pat("dapi-token").proxy(HttpProxy.of("proxy.corp.example", 3128)
                            .withCredentials(USER, PASSWORD)).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("proxy credentials")
                    .hasMessageContaining(property).hasMessageNotContaining(PASSWORD);
            System.setProperty(property, "");
            assertThat(DatabricksWorkspace.builder().host("https://adb-1.2.azuredatabricks.net").pat("dapi-token")
                    .proxy(HttpProxy.of("proxy.corp.example", 3128).withCredentials(USER, PASSWORD)).build())
                    .isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void httpProxy_withBadInput_namesTheFieldAndWhatIsAccepted() {
        assertThatThrownBy(() -> HttpProxy.of("proxy.corp.example", 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("proxy port").hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> HttpProxy.of("proxy.corp.example", 65536))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> HttpProxy.of("http://proxy.corp.example", 3128))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("proxy host")
                .hasMessageContaining("without scheme");
        assertThatThrownBy(() -> HttpProxy.of(" ", 3128)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("proxy host");
        assertThatThrownBy(() -> HttpProxy.of("proxy", 3128).withCredentials("a:b", PASSWORD))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("proxy user name")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> HttpProxy.of("proxy", 3128).withCredentials(USER, ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("proxy password");
        assertThat(HttpProxy.of("[::1]", 3128).host()).isEqualTo("::1");
        assertThat(HttpProxy.of("proxy", 3128).withCredentials(USER, PASSWORD).toString())
                .isEqualTo("HttpProxy[proxy:3128, user proxy-user, password ****]");
        assertThat(HttpProxy.of("proxy", 3128).withCredentials(USER, PASSWORD).basicAuthorization())
                .contains("Basic cHJveHktdXNlcjpwcm94eS1wYXNzd29yZC00NzEx");
    }
}
