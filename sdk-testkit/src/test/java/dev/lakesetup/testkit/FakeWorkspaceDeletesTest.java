package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.service.catalog.DeleteCatalogRequest;
import com.databricks.sdk.service.workspace.Delete;
import com.databricks.sdk.service.workspace.ExportFormat;
import com.databricks.sdk.service.workspace.ExportRequest;
import com.databricks.sdk.service.workspace.Import;
import com.databricks.sdk.service.workspace.ImportFormat;
import com.databricks.sdk.service.workspace.ListWorkspaceRequest;
import com.databricks.sdk.service.workspace.Mkdirs;
import com.databricks.sdk.service.workspace.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delete endpoints and the Workspace API, driven with the official client: status codes and error codes. */
class FakeWorkspaceDeletesTest {

    private FakeWorkspace ws;
    private WorkspaceClient w;

    @BeforeEach
    void start() {
        ws = FakeWorkspace.builder().build().start();
        w = Clients.admin(ws);
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    private static void assertError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DatabricksError.class, e -> {
            if (status > 0) { // the client reports its own status for some codes (409 for *_ALREADY_EXISTS)
                assertThat(e.getStatusCode()).isEqualTo(status);
            }
            assertThat(e.getErrorCode()).isEqualTo(code);
        });
    }

    @Test
    void deleteCatalog_refusesOneWithSchemasUnlessForcedAndAnswers404WhenGone() {
        ws.seedSchema("sales.raw");

        assertError(() -> w.catalogs().delete("sales"), 400, "INVALID_STATE");
        w.catalogs().delete(new DeleteCatalogRequest().setName("sales").setForce(true));

        assertThat(ws.snapshot().catalogs()).doesNotContain("sales");
        assertThat(ws.snapshot().schemas()).doesNotContain("sales.raw");
        assertError(() -> w.catalogs().delete("sales"), 404, "CATALOG_DOES_NOT_EXIST");
    }

    @Test
    void deleteSchema_refusesOneWithTablesAndDropsTheGrantsOfADeletedOne() {
        ws.seedTable("sales.busy.t", List.of("id"), List.of(List.of(1)));
        ws.seedSchema("sales.idle").seedGrant("schema", "sales.idle", "analysts", "USE_SCHEMA");

        assertError(() -> w.schemas().delete("sales.busy"), 400, "INVALID_STATE");
        w.schemas().delete("sales.idle");

        assertThat(ws.snapshot().grantsOn("schema", "sales.idle")).isEmpty();
        assertError(() -> w.schemas().delete("sales.idle"), 404, "SCHEMA_DOES_NOT_EXIST");
    }

    @Test
    void deleteCredential_refusesOneInUseAndDeleteLocation_answers404WhenGone() {
        ws.contents().seedStorageCredential("cred", "/subscriptions/s/resourceGroups/r/providers/"
                + "Microsoft.Databricks/accessConnectors/a")
                .seedExternalLocation("lake", "abfss://c@acct.dfs.core.windows.net/x", "cred");

        assertError(() -> w.storageCredentials().delete("cred"), 400, "INVALID_STATE");
        w.externalLocations().delete("lake");
        w.storageCredentials().delete("cred");

        assertError(() -> w.externalLocations().delete("lake"), 404, "EXTERNAL_LOCATION_DOES_NOT_EXIST");
        assertError(() -> w.storageCredentials().delete("cred"), 404, "STORAGE_CREDENTIAL_DOES_NOT_EXIST");
    }

    @Test
    void deleteCatalog_byANonOwner_isDenied() {
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("someone");
        ws.seedCatalog("theirs");
        WorkspaceClient asSp = Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());

        assertThatThrownBy(() -> asSp.catalogs().delete("theirs")).isInstanceOf(PermissionDenied.class);
        assertThat(ws.snapshot().catalogs()).contains("theirs");
    }

    @Test
    void workspaceFiles_importExportListDelete_withTheApiErrorCodes() {
        String content = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        Import put = new Import().setPath("/Workspace/Shared/r/a.json").setFormat(ImportFormat.AUTO)
                .setContent(content).setOverwrite(true);

        assertError(() -> w.workspace().importContent(put), 404, "RESOURCE_DOES_NOT_EXIST");
        w.workspace().mkdirs(new Mkdirs().setPath("/Workspace/Shared/r"));
        w.workspace().importContent(put);
        assertError(() -> w.workspace().importContent(put.setOverwrite(false)), 0, "RESOURCE_ALREADY_EXISTS");

        assertThat(w.workspace().export(new ExportRequest().setPath("/Shared/r/a.json").setFormat(ExportFormat.AUTO))
                .getContent()).isEqualTo(content);
        List<ObjectInfo> listed = new ArrayList<>();
        w.workspace().list(new ListWorkspaceRequest().setPath("/Workspace/Shared/r")).forEach(listed::add);
        assertThat(listed).extracting(ObjectInfo::getPath).containsExactly("/Workspace/Shared/r/a.json");
        assertError(() -> w.workspace().delete(new Delete().setPath("/Shared/r")), 400, "DIRECTORY_NOT_EMPTY");
        w.workspace().delete(new Delete().setPath("/Shared/r/a.json"));
        assertError(() -> w.workspace().delete(new Delete().setPath("/Shared/r/a.json")), 404,
                "RESOURCE_DOES_NOT_EXIST");
        assertThat(ws.contents().workspaceFiles()).isEmpty();
    }

    @Test
    void workspaceFiles_listOfAnEmptyFolder_isEmpty() {
        w.workspace().mkdirs(new Mkdirs().setPath("/Shared/empty"));
        List<ObjectInfo> listed = new ArrayList<>();

        w.workspace().list(new ListWorkspaceRequest().setPath("/Shared/empty")).forEach(listed::add);

        assertThat(listed).isEmpty();
    }
}
