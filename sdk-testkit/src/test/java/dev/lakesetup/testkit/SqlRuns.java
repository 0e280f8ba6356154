package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs statements on the default warehouse of a fake workspace through the statement execution API. */
final class SqlRuns {

    private SqlRuns() {
    }

    /** Runs a statement, waiting up to 30 seconds on the server. */
    static StatementResponse run(WorkspaceClient client, String sql) {
        return client.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId(FakeWorkspaceExtension.DEFAULT_WAREHOUSE_ID).setStatement(sql).setWaitTimeout("30s"));
    }

    /** Returns the rows of a statement that must have succeeded. */
    static List<List<String>> rows(StatementResponse r) {
        assertThat(r.getStatus().getState()).as(String.valueOf(r.getStatus().getError()))
                .isEqualTo(StatementState.SUCCEEDED);
        List<List<String>> out = new ArrayList<>();
        if (r.getResult() != null && r.getResult().getDataArray() != null) {
            for (Collection<String> row : r.getResult().getDataArray()) {
                out.add(new ArrayList<>(row));
            }
        }
        return out;
    }
}
