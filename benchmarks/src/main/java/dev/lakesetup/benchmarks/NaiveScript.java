package dev.lakesetup.benchmarks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.time.Duration;
import java.util.List;

/**
 * What a user does today: a script that runs the setup guide's GRANT statements one by one through the statement
 * execution API of the Databricks SDK, waiting for each before sending the next.
 */
final class NaiveScript {
    private NaiveScript() {
    }

    /**
     * Runs the statements in order and returns the wall time.
     *
     * @param host the workspace URL
     * @param token a personal access token
     * @param warehouseId the SQL warehouse
     * @param statements the statements
     * @return how long the script took
     * @throws IllegalStateException when a statement does not succeed
     */
    static Duration run(String host, String token, String warehouseId, List<String> statements) {
        WorkspaceClient client = new WorkspaceClient(new DatabricksConfig().setHost(host).setToken(token)
                .setAuthType("pat"));
        long start = System.nanoTime();
        for (String statement : statements) {
            StatementResponse response = client.statementExecution().executeStatement(new ExecuteStatementRequest()
                    .setWarehouseId(warehouseId).setStatement(statement).setWaitTimeout("30s"));
            StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
            if (state != StatementState.SUCCEEDED) {
                throw new IllegalStateException("statement ended in state " + state + ": " + statement);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
