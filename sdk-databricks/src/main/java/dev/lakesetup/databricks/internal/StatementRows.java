package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.ServiceError;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.lakesetup.core.ServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs read-only SQL through the statement execution API of databricks-sdk-java on one SQL warehouse: results come
 * back inline as JSON arrays, the request waits up to 30 seconds on the server, and a statement still PENDING or
 * RUNNING after that is polled until it ends. A statement that ends in any state but SUCCEEDED (also when the HTTP
 * status was 200) fails with a classified {@link ServiceException}.
 *
 * <p>It also runs the SQL executor's statements when the JDBC driver is not on the class path: every statement is
 * a request of its own, so a "session" is this object itself.
 */
public final class StatementRows implements SqlSession, SqlSessions {
    private static final Logger LOG = LoggerFactory.getLogger(StatementRows.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);

    private final Supplier<WorkspaceClient> client;
    private final String warehouseId;

    /**
     * Creates the runner.
     *
     * @param client supplies the workspace client
     * @param warehouseId the SQL warehouse that runs the statements
     */
    public StatementRows(Supplier<WorkspaceClient> client, String warehouseId) {
        this.client = client;
        this.warehouseId = warehouseId;
    }

    @Override
    public List<Map<String, String>> query(String what, String sql) {
        LOG.debug("{} on warehouse {}: {}", what, warehouseId, sql);
        StatementResponse response = Calls.run(what, () -> client.get().statementExecution().executeStatement(
                new ExecuteStatementRequest().setWarehouseId(warehouseId).setStatement(sql)
                        .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY).setWaitTimeout("30s")));
        response = awaitEnd(what, response);
        return rows(what, response);
    }

    /**
     * Runs a statement and drops its rows.
     *
     * @param what its purpose, for messages
     * @param sql the statement
     */
    @Override
    public void execute(String what, String sql) {
        query(what, sql);
    }

    /**
     * Runs the work with this object as its session: the statement execution API keeps no connection.
     *
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    @Override
    public <T> T inSession(Work<T> work) {
        return work.run(this);
    }

    @Override
    public Optional<List<Map<String, String>>> queryIfExists(String what, String sql) {
        try {
            return Optional.of(query(what, sql));
        } catch (ServiceException e) {
            if (e.failure() == ServiceException.Failure.FATAL && Jdbc.saysNotFound(String.valueOf(e.getMessage()))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private StatementResponse awaitEnd(String what, StatementResponse first) {
        StatementResponse response = first;
        Duration pause = FIRST_POLL;
        while (isRunning(response)) {
            pause(what, pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
            String id = response.getStatementId();
            response = Calls.run(what + " (poll)", () -> client.get().statementExecution().getStatement(id));
        }
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        if (state != StatementState.SUCCEEDED) {
            throw failed(what, state, response.getStatus() == null ? null : response.getStatus().getError());
        }
        return response;
    }

    private static boolean isRunning(StatementResponse response) {
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        return state == StatementState.PENDING || state == StatementState.RUNNING;
    }

    private static ServiceException failed(String what, StatementState state, ServiceError error) {
        String code = error == null || error.getErrorCode() == null ? "" : error.getErrorCode().name();
        String message = error == null || error.getMessage() == null ? "" : error.getMessage();
        return Failures.statementFailed(what, String.valueOf(state), code, message, null);
    }

    private List<Map<String, String>> rows(String what, StatementResponse response) {
        List<String> columns = new ArrayList<>();
        if (response.getManifest() != null && response.getManifest().getSchema() != null
                && response.getManifest().getSchema().getColumns() != null) {
            for (ColumnInfo column : response.getManifest().getSchema().getColumns()) {
                columns.add(column.getName() == null ? "" : column.getName().toLowerCase(Locale.ROOT));
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        ResultData chunk = response.getResult();
        while (chunk != null) {
            addRows(columns, chunk.getDataArray(), out);
            Long next = chunk.getNextChunkIndex();
            if (next == null) {
                break;
            }
            String id = response.getStatementId();
            chunk = Calls.run(what + " (chunk " + next + ")",
                    () -> client.get().statementExecution().getStatementResultChunkN(id, next));
        }
        return out;
    }

    private static void addRows(List<String> columns, Collection<Collection<String>> data,
            List<Map<String, String>> out) {
        if (data == null) {
            return;
        }
        for (Collection<String> values : data) {
            Map<String, String> row = new LinkedHashMap<>();
            Iterator<String> value = values.iterator();
            for (String column : columns) {
                row.put(column, value.hasNext() ? value.next() : null);
            }
            out.add(row);
        }
    }

    private static void pause(String what, Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceException.builder(ServiceException.Failure.FATAL, what
                    + " was interrupted while waiting for the statement to finish").build();
        }
    }

    @Override
    public String toString() {
        return "StatementRows[warehouse " + warehouseId + "]";
    }
}
