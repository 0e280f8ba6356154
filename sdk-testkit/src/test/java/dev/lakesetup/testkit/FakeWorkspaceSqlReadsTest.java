package dev.lakesetup.testkit;

import static dev.lakesetup.testkit.SqlRuns.rows;
import static dev.lakesetup.testkit.SqlRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.AzureManagedIdentityRequest;
import com.databricks.sdk.service.catalog.CreateExternalLocation;
import com.databricks.sdk.service.catalog.CreateStorageCredential;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fake answers the SQL reads of grants and external locations in the documented shapes, and shows each caller
 * what the service shows it: SHOW GRANTS answers principal, actionType, objectType, objectKey and needs an admin, the
 * owner, the principal asked about or MANAGE; the information_schema privileges views show a caller that is neither
 * the owner nor a metastore admin only its own grants; DESCRIBE EXTERNAL LOCATION answers one row of named columns;
 * DESCRIBE SCHEMA answers rows of database_description_item / database_description_value.
 */
@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceSqlReadsTest {
    private static final String WH = FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID;

    private final FakeWorkspace ws;
    private final WorkspaceClient admin;

    FakeWorkspaceSqlReadsTest(FakeWorkspace ws) {
        this.ws = ws;
        this.admin = Clients.admin(ws);
    }

    private static List<String> columns(StatementResponse r) {
        return r.getManifest().getSchema().getColumns().stream().map(ColumnInfo::getName).toList();
    }

    /** A service principal that may use the warehouse, signed in with OAuth. */
    private WorkspaceClient principal(FakeWorkspace.SeededPrincipal sp) {
        admin.warehouses().updatePermissions(new WarehousePermissionsRequest().setWarehouseId(WH)
                .setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(sp.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        return Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());
    }

    @Test
    void showGrants_answersTheDocumentedColumns() {
        ws.seedCatalog("reads_cat").seedSchema("reads_cat.raw")
                .seedGrant("catalog", "reads_cat", "analysts", "USE_CATALOG")
                .seedGrant("schema", "reads_cat.raw", "analysts", "SELECT");

        StatementResponse r = run(admin, "SHOW GRANTS ON SCHEMA reads_cat.raw");

        assertThat(columns(r)).containsExactly("principal", "actionType", "objectType", "objectKey");
        assertThat(rows(r)).containsExactlyInAnyOrder(List.of("analysts", "SELECT", "SCHEMA", "reads_cat.raw"),
                List.of("analysts", "USE CATALOG", "CATALOG", "reads_cat"));
    }

    @Test
    void showGrants_asManageHolder_showsEveryGrant_andAsOtherHolder_isDenied() {
        FakeWorkspace.SeededPrincipal manager = ws.seedServicePrincipal("reads-manager");
        FakeWorkspace.SeededPrincipal reader = ws.seedServicePrincipal("reads-reader");
        ws.seedCatalog("manage_cat").seedGrant("catalog", "manage_cat", manager.applicationId(), "USE_CATALOG",
                "MANAGE").seedGrant("catalog", "manage_cat", reader.applicationId(), "USE_CATALOG", "SELECT")
                .seedGrant("catalog", "manage_cat", "analysts", "SELECT");

        assertThat(rows(run(principal(manager), "SHOW GRANTS ON CATALOG manage_cat"))).extracting(row -> row.get(0))
                .contains("analysts", reader.applicationId(), manager.applicationId());
        WorkspaceClient asReader = principal(reader);
        StatementResponse denied = run(asReader, "SHOW GRANTS ON CATALOG manage_cat");
        assertThat(denied.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(denied.getStatus().getError().getMessage()).contains("MANAGE");
        assertThat(rows(run(asReader, "SHOW GRANTS `" + reader.applicationId() + "` ON CATALOG manage_cat")))
                .extracting(row -> row.get(1)).containsExactlyInAnyOrder("USE CATALOG", "SELECT");
    }

    @Test
    void privilegeViews_showOnlyOwnGrantsToManageHolder_andEveryGrantToAdmin() {
        FakeWorkspace.SeededPrincipal manager = ws.seedServicePrincipal("view-manager");
        ws.seedCatalog("view_cat").seedGrant("catalog", "view_cat", manager.applicationId(), "USE_CATALOG", "MANAGE")
                .seedGrant("catalog", "view_cat", "analysts", "SELECT");
        String query = "SELECT grantee, privilege_type FROM system.information_schema.catalog_privileges "
                + "WHERE catalog_name = 'view_cat'";

        assertThat(rows(run(principal(manager), query))).extracting(row -> row.get(0))
                .containsOnly(manager.applicationId());
        assertThat(rows(run(admin, query))).extracting(row -> row.get(0))
                .contains("analysts", manager.applicationId());
    }

    @Test
    void privilegeViews_showTheOwnerEveryGrant() {
        FakeWorkspace.SeededPrincipal owner = ws.seedServicePrincipal("view-owner");
        ws.seedGrant("metastore", ws.metastoreId(), owner.applicationId(), "CREATE_CATALOG");
        WorkspaceClient asOwner = principal(owner);
        rows(run(asOwner, "CREATE CATALOG owned_cat"));
        ws.seedGrant("catalog", "owned_cat", "analysts", "SELECT");

        assertThat(rows(run(asOwner, "SELECT grantee, privilege_type FROM system.information_schema"
                + ".catalog_privileges WHERE catalog_name = 'owned_cat'"))).containsExactly(List.of("analysts",
                "SELECT"));
    }

    @Test
    void describeExternalLocation_answersOneRowOfNamedColumns_andTheViewHasReadOnly() {
        admin.storageCredentials().create(new CreateStorageCredential().setName("reads_cred")
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(
                        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac")));
        admin.externalLocations().create(new CreateExternalLocation().setName("reads_loc")
                .setUrl("abfss://landing@acct.dfs.core.windows.net/").setCredentialName("reads_cred")
                .setReadOnly(true).setComment("landing"));

        StatementResponse described = run(admin, "DESCRIBE EXTERNAL LOCATION reads_loc");

        assertThat(columns(described)).containsExactly("name", "url", "credential_name", "owner", "created_by",
                "created_at", "comment");
        assertThat(rows(described)).singleElement().satisfies(row -> assertThat(row)
                .startsWith("reads_loc", "abfss://landing@acct.dfs.core.windows.net/", "reads_cred")
                .endsWith("landing"));
        assertThat(rows(run(admin, "SELECT read_only FROM system.information_schema.external_locations "
                + "WHERE external_location_name = 'reads_loc'"))).containsExactly(List.of("true"));
    }

    @Test
    void describeSchema_answersDocumentedItemAndValueColumns() {
        ws.seedCatalog("described_cat");
        run(admin, "CREATE SCHEMA described_cat.raw COMMENT 'raw files'");

        StatementResponse plain = run(admin, "DESCRIBE SCHEMA described_cat.raw");
        StatementResponse extended = run(admin, "DESCRIBE SCHEMA EXTENDED described_cat.raw");

        assertThat(columns(plain)).containsExactly("database_description_item", "database_description_value");
        assertThat(rows(plain)).contains(List.of("Catalog Name", "described_cat"), List.of("Namespace Name", "raw"),
                List.of("Comment", "raw files"));
        assertThat(rows(plain)).extracting(row -> row.get(0)).doesNotContain("Properties");
        assertThat(columns(extended)).containsExactly("database_description_item", "database_description_value");
        assertThat(rows(extended)).extracting(row -> row.get(0)).contains("Location", "Owner", "Properties");
    }
}
