package dev.lakesetup.testkit;

import static dev.lakesetup.testkit.SqlRuns.rows;
import static dev.lakesetup.testkit.SqlRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehouseAccessControlResponse;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissions;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceSqlTest {

    private static final String WH = FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID;

    private final FakeWorkspace ws;
    private final WorkspaceClient w;

    FakeWorkspaceSqlTest(FakeWorkspace ws) {
        this.ws = ws;
        this.w = Clients.admin(ws);
    }

    @Test
    void ddlAndGrants_applyToTheSameStateAsRest() {
        rows(run(w, "CREATE CATALOG IF NOT EXISTS Sql_Cat COMMENT 'from sql'"));
        rows(run(w, "CREATE SCHEMA sql_cat.raw"));
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("sql-grantee");
        rows(run(w, "GRANT USAGE, CREATE ON CATALOG sql_cat TO `" + sp.applicationId() + "`"));
        rows(run(w, "GRANT USE SCHEMA, SELECT ON SCHEMA sql_cat.raw TO `" + sp.applicationId() + "`"));
        assertThat(ws.snapshot().grantsOn("catalog", "sql_cat").get(sp.applicationId()))
                .containsExactlyInAnyOrder("USE_CATALOG", "CREATE_SCHEMA");
        assertThat(rows(run(w, "SHOW GRANTS ON SCHEMA sql_cat.raw")))
                .contains(List.of(sp.applicationId(), "USE SCHEMA", "SCHEMA", "sql_cat.raw"),
                        List.of(sp.applicationId(), "USE CATALOG", "CATALOG", "sql_cat"));
        assertThat(rows(run(w, "SELECT grantee, privilege_type FROM system.information_schema.catalog_privileges "
                + "WHERE catalog_name = 'sql_cat'"))).containsExactlyInAnyOrder(
                List.of(sp.applicationId(), "CREATE SCHEMA"), List.of(sp.applicationId(), "USE CATALOG"));
        rows(run(w, "REVOKE CREATE SCHEMA ON CATALOG sql_cat FROM `" + sp.applicationId() + "`"));
        assertThat(ws.snapshot().grantsOn("catalog", "sql_cat").get(sp.applicationId()))
                .containsExactly("USE_CATALOG");
        assertThat(rows(run(w, "DESCRIBE CATALOG sql_cat"))).contains(List.of("Comment", "from sql"));
        assertThat(rows(run(w, "SHOW CATALOGS"))).contains(List.of("sql_cat"));
    }

    @Test
    void showSchemasAndSelect_asServicePrincipal_followGrants() {
        ws.seedTable("val_cat.sales.orders", List.of("id INT", "item STRING"),
                List.of(List.of(1, "apple"), List.of(2, "pear"), List.of(3, "plum")));
        ws.seedSchema("val_cat.hidden");
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("validator");
        w.warehouses().updatePermissions(new WarehousePermissionsRequest().setWarehouseId(WH)
                .setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(sp.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        WorkspaceClient asSp = Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());

        StatementResponse denied = run(asSp, "SHOW SCHEMAS IN val_cat");
        assertThat(denied.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(denied.getStatus().getError().getMessage()).contains("INSUFFICIENT_PERMISSIONS")
                .contains("USE CATALOG");

        ws.seedGrant("catalog", "val_cat", sp.applicationId(), "USE CATALOG");
        ws.seedGrant("schema", "val_cat.sales", sp.applicationId(), "USE SCHEMA");
        assertThat(rows(run(asSp, "SHOW SCHEMAS IN val_cat"))).containsExactly(List.of("sales"));
        StatementResponse noSelect = run(asSp, "SELECT * FROM val_cat.sales.orders LIMIT 10");
        assertThat(noSelect.getStatus().getError().getMessage()).contains("SELECT on Table 'val_cat.sales.orders'");

        ws.seedGrant("table", "val_cat.sales.orders", sp.applicationId(), "SELECT");
        StatementResponse ok = run(asSp, "SELECT * FROM val_cat.sales.orders LIMIT 2");
        assertThat(rows(ok)).containsExactly(List.of("1", "apple"), List.of("2", "pear"));
        assertThat(ok.getManifest().getSchema().getColumns()).extracting(ColumnInfo::getName)
                .containsExactly("id", "item");
    }

    @Test
    void commentOn_setsOrRemovesTheComment_andOnASchemaOnlyItsOwnerMay() {
        rows(run(w, "CREATE CATALOG cm_cat COMMENT 'old'"));
        rows(run(w, "CREATE SCHEMA cm_cat.raw COMMENT 'old'"));

        rows(run(w, "COMMENT ON CATALOG cm_cat IS 'new'"));
        rows(run(w, "COMMENT ON SCHEMA cm_cat.raw IS NULL"));

        assertThat(rows(run(w, "DESCRIBE CATALOG cm_cat"))).contains(List.of("Comment", "new"));
        assertThat(rows(run(w, "DESCRIBE SCHEMA cm_cat.raw"))).filteredOn(row -> row.get(0).equals("Comment"))
                .singleElement().satisfies(row -> assertThat(row.get(1)).isNull());
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("commenter");
        w.warehouses().updatePermissions(new WarehousePermissionsRequest().setWarehouseId(WH)
                .setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(sp.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        ws.seedGrant("catalog", "cm_cat", sp.applicationId(), "MANAGE")
                .seedGrant("catalog", "cm_cat", sp.applicationId(), "USE CATALOG")
                .seedGrant("schema", "cm_cat.raw", sp.applicationId(), "USE SCHEMA");
        WorkspaceClient asSp = Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());
        rows(run(asSp, "COMMENT ON CATALOG cm_cat IS 'by manage'"));
        StatementResponse denied = run(asSp, "COMMENT ON SCHEMA cm_cat.raw IS 'not the owner'");
        assertThat(denied.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(denied.getStatus().getError().getMessage()).contains("owner");
        assertThat(run(w, "COMMENT ON EXTERNAL LOCATION x IS 'y'").getStatus().getError().getMessage())
                .contains("PARSE_SYNTAX_ERROR");
    }

    @Test
    void unsupportedStatement_failsWithHttp200AndBadRequest() {
        StatementResponse r = run(w, "DROP TABLE x");
        assertThat(r.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(r.getStatus().getError().getErrorCode()).isEqualTo(ServiceErrorCode.BAD_REQUEST);
        assertThat(r.getStatus().getError().getMessage()).contains("PARSE_SYNTAX_ERROR");
        StatementResponse dup = run(w, "CREATE CATALOG main_dup");
        assertThat(dup.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        StatementResponse again = run(w, "CREATE CATALOG main_dup");
        assertThat(again.getStatus().getError().getErrorCode()).isEqualTo(ServiceErrorCode.ALREADY_EXISTS);
        assertThat(again.getStatus().getError().getMessage()).contains("CATALOG_ALREADY_EXISTS");
    }

    @Test
    void pendingStatement_isPolledUntilSucceeded() {
        ws.faults().statementsPendingFor(2);
        try {
            StatementResponse first = run(w, "SHOW CATALOGS");
            assertThat(first.getStatus().getState()).isEqualTo(StatementState.PENDING);
            assertThat(w.statementExecution().getStatement(first.getStatementId()).getStatus().getState())
                    .isEqualTo(StatementState.PENDING);
            assertThat(w.statementExecution().getStatement(first.getStatementId()).getStatus().getState())
                    .isEqualTo(StatementState.PENDING);
            assertThat(w.statementExecution().getStatement(first.getStatementId()).getStatus().getState())
                    .isEqualTo(StatementState.SUCCEEDED);
        } finally {
            ws.faults().clear();
        }
    }

    @Test
    void warehousePermissions_patchMergesAndPutReplaces() {
        FakeWorkspace.SeededPrincipal one = ws.seedServicePrincipal("acl-one");
        FakeWorkspace.SeededPrincipal two = ws.seedServicePrincipal("acl-two");
        w.warehouses().updatePermissions(new WarehousePermissionsRequest().setWarehouseId(WH).setAccessControlList(
                List.of(new WarehouseAccessControlRequest().setServicePrincipalName(one.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        WarehousePermissions merged = w.warehouses().updatePermissions(new WarehousePermissionsRequest()
                .setWarehouseId(WH).setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(two.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        assertThat(merged.getAccessControlList()).extracting(WarehouseAccessControlResponse::getServicePrincipalName)
                .contains(one.applicationId(), two.applicationId());
        w.warehouses().setPermissions(new WarehousePermissionsRequest().setWarehouseId(WH).setAccessControlList(
                List.of(new WarehouseAccessControlRequest().setServicePrincipalName(two.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_MANAGE))));
        WarehousePermissions replaced = w.warehouses().getPermissions(WH);
        assertThat(replaced.getAccessControlList()).extracting(WarehouseAccessControlResponse::getServicePrincipalName)
                .contains(two.applicationId()).doesNotContain(one.applicationId());
        assertThat(ws.snapshot().warehouseAcls().get(WH))
                .containsEntry("service_principal_name:" + two.applicationId(), "CAN_MANAGE")
                .containsEntry("user_name:" + ws.adminUser(), "IS_OWNER");
        assertThat(w.warehouses().get(WH).getName()).isEqualTo("Fake warehouse");
        WorkspaceClient asOne = Clients.servicePrincipal(ws, one.applicationId(), one.secret());
        assertThatThrownBy(() -> asOne.warehouses().get(WH)).isInstanceOf(PermissionDenied.class);
    }
}
