package dev.lakesetup.databricks.internal.validation;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ServiceError;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.lakesetup.databricks.internal.JdkHttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session through the statement execution API of databricks-sdk-java, signed in with OAuth M2M as the service
 * principal. A statement that ends in any state but SUCCEEDED fails the check, also when the HTTP status was 200.
 */
public final class StatementApiSession implements PrincipalSession {
    private static final Logger LOG = LoggerFactory.getLogger(StatementApiSession.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);
    /** Longer than the 30 seconds a statement request may wait on the server. */
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final WorkspaceClient client;
    private final ValidationTarget target;
    private final SecretScrubber scrubber;

    private StatementApiSession(WorkspaceClient client, ValidationTarget target, SecretScrubber scrubber) {
        this.client = client;
        this.target = target;
        this.scrubber = scrubber;
    }

    /**
     * Creates the client as the service principal and fetches a token, so that wrong credentials fail here.
     *
     * @param target where and as whom to connect
     * @return the session
     * @throws CheckFailedException with the service's message when sign-in fails
     */
    public static StatementApiSession open(ValidationTarget target) {
        SecretScrubber scrubber = new SecretScrubber(target.credentials().secret());
        LOG.debug("signing in to {} as {} with OAuth M2M", target.host(), target.credentials().clientId());
        try {
            DatabricksConfig config = new DatabricksConfig().setHost(target.host().toString())
                    .setAuthType("oauth-m2m")
                    .setClientId(target.credentials().clientId().toString())
                    .setClientSecret(target.credentials().secret().reveal())
                    .setDisableRetries(true).setDebugHeaders(false)
                    // lakesetup's client, which logs no header: the SDK's default one logs the Basic credentials
                    // and the bearer token at DEBUG
                    .setHttpClient(new JdkHttpClient(HTTP_TIMEOUT, target.proxy()));
            WorkspaceClient client = new WorkspaceClient(config);
            config.authenticate();
            return new StatementApiSession(client, target, scrubber);
        } catch (RuntimeException e) {
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    @Override
    public long query(String sql) {
        try {
            StatementResponse response = client.statementExecution().executeStatement(new ExecuteStatementRequest()
                    .setWarehouseId(target.warehouseId()).setStatement(sql).setWaitTimeout("30s"));
            return rows(awaitEnd(response));
        } catch (CheckFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    private StatementResponse awaitEnd(StatementResponse first) {
        long deadline = System.nanoTime() + target.statementTimeout().toNanos();
        StatementResponse response = first;
        Duration pause = FIRST_POLL;
        while (isRunning(response)) {
            if (System.nanoTime() - deadline > 0) {
                throw new CheckFailedException("the statement did not finish within " + target.statementTimeout()
                        + " (still " + response.getStatus().getState() + ")");
            }
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
            response = client.statementExecution().getStatement(response.getStatementId());
        }
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        if (state != StatementState.SUCCEEDED) {
            throw new CheckFailedException(failureMessage(state, response.getStatus().getError()));
        }
        return response;
    }

    private static boolean isRunning(StatementResponse response) {
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        return state == StatementState.PENDING || state == StatementState.RUNNING;
    }

    private String failureMessage(StatementState state, ServiceError error) {
        StringBuilder out = new StringBuilder("statement ").append(state);
        if (error != null) {
            if (error.getErrorCode() != null) {
                out.append(' ').append(error.getErrorCode());
            }
            if (error.getMessage() != null) {
                out.append(": ").append(error.getMessage());
            }
        }
        return scrubber.scrub(out.toString());
    }

    private static long rows(StatementResponse response) {
        if (response.getManifest() != null && response.getManifest().getTotalRowCount() != null) {
            return response.getManifest().getTotalRowCount();
        }
        if (response.getResult() != null && response.getResult().getDataArray() != null) {
            return response.getResult().getDataArray().size();
        }
        return 0;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException("interrupted while waiting for the statement to finish");
        }
    }

    @Override
    public void close() {
        // the SDK client holds no connection that needs closing
    }
}
