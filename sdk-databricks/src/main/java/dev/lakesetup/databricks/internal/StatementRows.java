package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.ServiceError;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.Sleeper;
import dev.lakesetup.core.exception.ServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * back inline as JSON arrays, the request waits on the server up to 30 seconds or the time left until the
 * statement's deadline if that is shorter ({@link #waitTimeout(Duration)}), and a statement still PENDING or RUNNING
 * after that is polled until it ends. A statement that ends in any state but SUCCEEDED (also when the HTTP
 * status was 200) fails with a classified {@link ServiceException}.
 *
 * <p>It also runs the SQL executor's statements when the JDBC driver is not on the class path, and validation's
 * statements: every statement is a request of its own, so a "session" is this object itself. It is the only
 * statement poller: it waits between polls on the call policy's sleeper, measures its deadline on the policy's
 * clock, and sends its requests through the workspace's HTTP client, which takes a rate-limit permit for each.
 *
 * <p>Nothing the service answers makes it loop without end: a statement still running at its deadline is cancelled
 * and fails, an interrupt while it waits cancels it (best effort) before it fails, a result of more than {@value #MAX_ROWS} rows or {@value #MAX_CHUNKS} chunks fails, and so does a
 * chunk that does not point forward; all fatally, so they are not retried.
 */
public final class StatementRows implements SqlSession, SqlSessions {
    private static final Logger LOG = LoggerFactory.getLogger(StatementRows.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);
    /** The longest a request waits on the server for the statement to end. */
    private static final long MAX_WAIT_SECONDS = 30;
    /** The shortest wait the API accepts other than 0 (which answers at once): it takes 0 s or 5 s to 50 s. */
    private static final long MIN_WAIT_SECONDS = 5;
    /** The most rows one statement may return: far above any read of lakesetup's. */
    static final long MAX_ROWS = 1_000_000;
    /** The most result chunks one statement may return. */
    static final int MAX_CHUNKS = 10_000;

    private final Supplier<WorkspaceClient> client;
    private final String warehouseId;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int maxChunks;
    private final long maxRows;

    /**
     * Creates the runner; it waits between polls on the policy's sleeper and times the deadline on its clock.
     *
     * @param client supplies the workspace client
     * @param warehouseId the SQL warehouse that runs the statements
     * @param timeout how long one statement may take until it ends, polling included
     * @param policy the clock and sleeper of the polls (its rate limit is the HTTP client's business)
     */
    public StatementRows(Supplier<WorkspaceClient> client, String warehouseId, Duration timeout, CallPolicy policy) {
        this(client, warehouseId, timeout, policy.clock(), policy.sleeper(), MAX_CHUNKS, MAX_ROWS);
    }

    /** Creates the runner with lower caps, for tests. */
    StatementRows(Supplier<WorkspaceClient> client, String warehouseId, Duration timeout, Clock clock,
            Sleeper sleeper, int maxChunks, long maxRows) {
        this.maxChunks = maxChunks;
        this.maxRows = maxRows;
        this.client = client;
        this.warehouseId = warehouseId;
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public List<Map<String, String>> query(String what, String sql) {
        LOG.debug("{} on warehouse {}: {}", what, warehouseId, sql);
        Instant deadline = clock.instant().plus(timeout);
        StatementResponse response = Calls.run(what, () -> client.get().statementExecution().executeStatement(
                new ExecuteStatementRequest().setWarehouseId(warehouseId).setStatement(sql)
                        .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY)
                        .setWaitTimeout(waitTimeout(timeout))));
        response = awaitEnd(what, response, deadline);
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

    /**
     * Returns the {@code wait_timeout} for a statement with this much time left: 30 s, or the whole seconds left when
     * fewer, so the request never outlasts the deadline; under the API's shortest wait (5 s) it is {@code 0s}, an
     * answer at once, and the polls, each no longer than the time left, take over.
     *
     * @param left the time left until the statement's deadline
     * @return the value, {@code 0s} or {@code 5s} to {@code 30s}
     */
    static String waitTimeout(Duration left) {
        long seconds = Math.min(MAX_WAIT_SECONDS, Math.max(0, left.toSeconds()));
        return (seconds < MIN_WAIT_SECONDS ? 0 : seconds) + "s";
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

    private StatementResponse awaitEnd(String what, StatementResponse first, Instant deadline) {
        StatementResponse response = first;
        Duration pause = FIRST_POLL;
        while (isRunning(response)) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                throw timedOut(what, response);
            }
            String id = response.getStatementId();
            pause(what, id, pause.compareTo(left) > 0 ? left : pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
            response = poll(what, id);
        }
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        if (state != StatementState.SUCCEEDED) {
            throw failed(what, state, response.getStatus() == null ? null : response.getStatus().getError());
        }
        return response;
    }

    /** Polls the statement; one interrupted on the way (the flag is set again) is cancelled before the failure. */
    private StatementResponse poll(String what, String id) {
        try {
            return Calls.run(what + " (poll)", () -> client.get().statementExecution().getStatement(id));
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                cancelInterrupted(what, id);
            }
            throw e;
        }
    }

    /**
     * Cancels a statement whose wait was interrupted: the cancel request is sent with the interrupt flag clear (a
     * set flag would stop it before it leaves), and the flag is set again afterwards.
     */
    private void cancelInterrupted(String what, String id) {
        try {
            cancel(what, id, "after an interrupt");
        } finally {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to cancel the statement, best effort: a failure is logged at DEBUG and dropped. */
    private void cancel(String what, String id, String when) {
        if (id == null) {
            return;
        }
        try {
            client.get().statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(id));
        } catch (RuntimeException e) {
            LOG.debug("{}: cancelling statement {} {} failed: {}", what, id, when, e.toString());
        }
    }

    private ServiceException timedOut(String what, StatementResponse response) {
        cancel(what, response.getStatementId(), "after its deadline");
        return ServiceException.builder(ServiceException.Failure.FATAL, what + " failed: the statement did not finish"
                + " within " + timeout + " (still " + response.getStatus().getState() + "); it was cancelled. Raise "
                + "statementTimeout on DatabricksWorkspace (PrincipalValidator.Builder for validation) if the "
                + "warehouse is just slow").build();
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
        long index = -1;
        for (int chunks = 1; chunk != null; chunks++) {
            addRows(what, columns, chunk.getDataArray(), out);
            Long next = chunk.getNextChunkIndex();
            if (next == null) {
                break;
            }
            long current = chunk.getChunkIndex() == null ? index + 1 : chunk.getChunkIndex();
            if (next <= current || next <= index || chunks >= maxChunks) {
                throw unbounded(what, chunks >= maxChunks ? "more than " + maxChunks + " result chunks"
                        : "result chunk " + current + " points back to chunk " + next);
            }
            index = current;
            String id = response.getStatementId();
            chunk = Calls.run(what + " (chunk " + next + ")",
                    () -> client.get().statementExecution().getStatementResultChunkN(id, next));
        }
        return out;
    }

    private static ServiceException unbounded(String what, String why) {
        return ServiceException.builder(ServiceException.Failure.FATAL, what + " failed: the answer has " + why
                + ", which lakesetup does not follow").build();
    }

    private void addRows(String what, List<String> columns, Collection<Collection<String>> data,
            List<Map<String, String>> out) {
        if (data == null) {
            return;
        }
        if (out.size() + (long) data.size() > maxRows) {
            throw unbounded(what, "more than " + maxRows + " rows");
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

    private void pause(String what, String id, Duration pause) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            cancelInterrupted(what, id);
            throw ServiceException.builder(ServiceException.Failure.FATAL, what
                    + " was interrupted while waiting for the statement to finish; it was cancelled").build();
        }
    }

    @Override
    public String toString() {
        return "StatementRows[warehouse " + warehouseId + "]";
    }
}
