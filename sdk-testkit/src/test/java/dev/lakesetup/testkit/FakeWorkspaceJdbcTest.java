package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceJdbcTest {

    private static final String WH = FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID;

    private final FakeWorkspace ws;

    FakeWorkspaceJdbcTest(FakeWorkspace ws) {
        this.ws = ws;
    }

    @BeforeAll
    static void keepPortForOAuth() {
        // The driver drops a non-443 port from its OAuth host unless it runs in its fake-service test mode.
        System.setProperty("isFakeServiceTest", "true");
    }

    @AfterAll
    static void clearProperty() {
        System.clearProperty("isFakeServiceTest");
    }

    private String url(String auth) {
        return "jdbc:databricks://127.0.0.1:" + ws.port() + "/default;transportMode=http;ssl=0;httpPath=/sql/1.0/"
                + "warehouses/" + WH + ";UseThriftClient=0;EnableQueryResultDownload=0;EnableTelemetry=0;" + auth;
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void pat_runsDdlGrantsAndQueries() throws SQLException {
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("jdbc-grantee");
        try (Connection c = DriverManager.getConnection(url("AuthMech=3;UID=token;PWD=" + ws.adminToken()));
             Statement s = c.createStatement()) {
            s.execute("CREATE CATALOG IF NOT EXISTS jdbc_cat");
            s.execute("GRANT USE CATALOG ON CATALOG jdbc_cat TO `" + sp.applicationId() + "`");
            try (ResultSet rs = s.executeQuery("SHOW GRANTS ON CATALOG jdbc_cat")) {
                assertThat(rows(rs)).contains(List.of(sp.applicationId(), "USE CATALOG", "CATALOG", "jdbc_cat"));
            }
            assertThatThrownBy(() -> s.execute("CREATE CATALOG jdbc_cat")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("CATALOG_ALREADY_EXISTS");
        }
        assertThat(ws.snapshot().grantsOn("catalog", "jdbc_cat").get(sp.applicationId()))
                .containsExactly("USE_CATALOG");
        assertThat(ws.requests().count("POST /api/2.0/sql/statements/")).isPositive();
    }

    @Test
    void oauthM2m_asServicePrincipal_readsOnlyGrantedTable() throws SQLException {
        ws.seedTable("jdbc_val.sales.orders", List.of("id INT", "item STRING"),
                List.of(List.of(1, "apple"), List.of(2, "pear")));
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("jdbc-validator");
        ws.seedGrant("catalog", "jdbc_val", sp.applicationId(), "USE CATALOG");
        ws.seedGrant("schema", "jdbc_val.sales", sp.applicationId(), "USE SCHEMA");
        // warehouse CAN_USE is missing: the session cannot be opened
        assertThatThrownBy(() -> DriverManager.getConnection(url("AuthMech=11;Auth_Flow=1;OAuth2ClientId="
                + sp.applicationId() + ";OAuth2Secret=" + sp.secret()), new Properties()))
                .isInstanceOf(SQLException.class).hasMessageContaining("CAN_USE");
        Clients.admin(ws).warehouses().updatePermissions(new com.databricks.sdk.service.sql.WarehousePermissionsRequest()
                .setWarehouseId(WH).setAccessControlList(List.of(new com.databricks.sdk.service.sql
                        .WarehouseAccessControlRequest().setServicePrincipalName(sp.applicationId())
                        .setPermissionLevel(com.databricks.sdk.service.sql.WarehousePermissionLevel.CAN_USE))));
        try (Connection c = DriverManager.getConnection(url("AuthMech=11;Auth_Flow=1;OAuth2ClientId="
                + sp.applicationId() + ";OAuth2Secret=" + sp.secret()));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW SCHEMAS IN jdbc_val")) {
                assertThat(rows(rs)).containsExactly(List.of("sales"));
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM jdbc_val.sales.orders LIMIT 10"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("SELECT on Table");
            ws.seedGrant("table", "jdbc_val.sales.orders", sp.applicationId(), "SELECT");
            try (ResultSet rs = s.executeQuery("SELECT * FROM jdbc_val.sales.orders LIMIT 10")) {
                assertThat(rows(rs)).containsExactly(List.of("1", "apple"), List.of("2", "pear"));
            }
        }
        assertThat(ws.requests().count("POST /oidc/v1/token")).isPositive();
    }
}
