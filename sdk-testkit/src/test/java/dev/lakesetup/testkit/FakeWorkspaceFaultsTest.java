package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.DeadlineExceeded;
import com.databricks.sdk.core.error.platform.InternalError;
import com.databricks.sdk.core.error.platform.TemporarilyUnavailable;
import com.databricks.sdk.core.error.platform.TooManyRequests;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.GetGrantRequest;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWorkspaceExtension.class)
class FakeWorkspaceFaultsTest {

    private static final String PERMISSIONS = "/api/2.1/unity-catalog/permissions/.*";

    private final FakeWorkspace ws;
    private final WorkspaceClient w;

    FakeWorkspaceFaultsTest(FakeWorkspace ws) {
        this.ws = ws;
        this.w = Clients.admin(ws);
    }

    @AfterEach
    void clearFaults() {
        ws.faults().clear();
    }

    private UpdatePermissions grant(String catalog, String principal) {
        return new UpdatePermissions().setSecurableType("catalog").setFullName(catalog).setChanges(List.of(
                new PermissionsChange().setPrincipal(principal).setAdd(List.of(Privilege.USE_CATALOG))));
    }

    @Test
    void status429_withRetryAfter_mapsToTooManyRequests_andSdkRetriesPastIt() {
        ws.seedCatalog("rate_cat");
        String sp = ws.seedServicePrincipal("rate").applicationId();
        FaultRule rule = ws.faults().on("PATCH", PERMISSIONS).times(2)
                .respond(FaultResponse.status(429).retryAfter("0").errorCode("REQUEST_LIMIT_EXCEEDED"));
        assertThatThrownBy(() -> w.grants().update(grant("rate_cat", sp))).isInstanceOf(TooManyRequests.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED"));
        ws.resetRequests();
        Clients.adminWithRetries(ws).grants().update(grant("rate_cat", sp));
        assertThat(rule.hits()).isEqualTo(2);
        assertThat(ws.requests().count("PATCH /api/2.1/unity-catalog/permissions/{type}/{name}")).isEqualTo(2);
        assertThat(ws.snapshot().grantsOn("catalog", "rate_cat")).containsKey(sp);
    }

    @Test
    void requestStartTimes_whenRequestsMade_listsOneRisingTimePerRequestUntilReset() {
        ws.seedCatalog("timed_cat");
        ws.resetRequests();
        long before = System.nanoTime();
        w.catalogs().get("timed_cat");
        w.catalogs().get("timed_cat");
        List<Long> times = ws.requestStartTimes();
        assertThat(times).hasSize(2).isSorted().allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(before));
        ws.resetRequests();
        assertThat(ws.requestStartTimes()).isEmpty();
    }

    @Test
    void serverErrors_mapToTheSdksTypedErrors() {
        ws.faults().on("GET", "/api/2.1/unity-catalog/catalogs/.*").times(1).respond(FaultResponse.status(500));
        assertThatThrownBy(() -> w.catalogs().get("x")).isInstanceOf(InternalError.class);
        ws.faults().on("GET", "/api/2.1/unity-catalog/catalogs/.*").times(1).respond(FaultResponse.status(503));
        assertThatThrownBy(() -> w.catalogs().get("x")).isInstanceOf(TemporarilyUnavailable.class);
        ws.faults().on("GET", "/api/2.1/unity-catalog/catalogs/.*").times(1).respond(FaultResponse.status(504));
        assertThatThrownBy(() -> w.catalogs().get("x")).isInstanceOf(DeadlineExceeded.class);
        ws.faults().on("GET", "/api/2.1/unity-catalog/catalogs/.*").times(1)
                .respond(FaultResponse.status(502).htmlBody());
        assertThatThrownBy(() -> w.catalogs().get("x")).isInstanceOf(DatabricksError.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getStatusCode()).isEqualTo(502));
        // the HTTP client itself retries an idempotent GET after a reset, so the fault stays on
        FaultRule reset = ws.faults().on("*", "/api/2.1/unity-catalog/catalogs/.*")
                .respond(FaultResponse.connectionReset());
        assertThatThrownBy(() -> w.catalogs().get("x")).isInstanceOf(DatabricksError.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("IO_ERROR"));
        assertThat(reset.hits()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void latency_isVisibleAsRequestsInFlight() throws Exception {
        ws.seedCatalog("slow_cat");
        ws.faults().on("GET", "/api/2.1/unity-catalog/catalogs/slow_cat")
                .respond(FaultResponse.latency(Duration.ofMillis(300)));
        ws.resetRequests();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> calls = List.of(1, 2, 3, 4).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> w.catalogs().get("slow_cat").getName(), pool))
                    .toList();
            for (CompletableFuture<String> c : calls) {
                assertThat(c.get()).isEqualTo("slow_cat");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ws.requests().maxInFlight()).isGreaterThan(1);
        assertThat(ws.requests().count("GET /api/2.1/unity-catalog/catalogs/{name}")).isEqualTo(4);
    }

    @Test
    void invisiblePrincipal_failsGrantsForNCalls_inRestAndSql() {
        ws.seedCatalog("late_cat");
        String sp = ws.seedServicePrincipal("late").applicationId();
        ws.faults().principalInvisible(sp, 2);
        assertThatThrownBy(() -> w.grants().update(grant("late_cat", sp))).isInstanceOf(DatabricksError.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getErrorCode()).isEqualTo("PRINCIPAL_DOES_NOT_EXIST"));
        StatementResponse sql = w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId(FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID)
                .setStatement("GRANT USE CATALOG ON CATALOG late_cat TO `" + sp + "`"));
        assertThat(sql.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(sql.getStatus().getError().getMessage()).contains("PRINCIPAL_DOES_NOT_EXIST");
        w.grants().update(grant("late_cat", sp));
        assertThat(ws.snapshot().grantsOn("catalog", "late_cat")).containsKey(sp);
    }

    @Test
    void failStatement_comesBackAsHttp200Failed() {
        ws.faults().failStatement("^SHOW CATALOGS", 1, "INTERNAL_ERROR", "warehouse is restarting");
        StatementResponse r = w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId(FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID).setStatement("SHOW CATALOGS"));
        assertThat(r.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(r.getStatus().getError().getMessage()).isEqualTo("warehouse is restarting");
        StatementResponse again = w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId(FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID).setStatement("SHOW CATALOGS"));
        assertThat(again.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
    }

    @Test
    void staleReadBack_showsOldGrantsForNReads() {
        w.catalogs().create(new CreateCatalog().setName("stale_cat"));
        String sp = ws.seedServicePrincipal("stale").applicationId();
        ws.faults().staleGrantsReadBack(1);
        w.grants().update(grant("stale_cat", sp));
        GetGrantRequest read = new GetGrantRequest().setSecurableType("catalog").setFullName("stale_cat");
        assertThat(w.grants().get(read).getPrivilegeAssignments()).isNullOrEmpty();
        assertThat(w.grants().get(read).getPrivilegeAssignments()).hasSize(1);
    }
}
