package dev.lakesetup.databricks.internal.validation;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.databricks.internal.JdkHttpClient;
import dev.lakesetup.databricks.internal.SharedLimits;
import dev.lakesetup.databricks.internal.StatementRows;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session through the statement execution API of databricks-sdk-java, signed in as the service principal with
 * OAuth M2M or with the access token of a token exchange. Statements run and are polled as {@link StatementRows} runs them: one that ends in any state but
 * SUCCEEDED fails the check, also when the HTTP status was 200, and one still running at the statement timeout is
 * cancelled and fails the check.
 */
public final class StatementApiSession implements PrincipalSession {
    private static final Logger LOG = LoggerFactory.getLogger(StatementApiSession.class);
    /** Longer than the 30 seconds a statement request may wait on the server. */
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final StatementRows statements;
    private final SecretScrubber scrubber;

    private StatementApiSession(StatementRows statements, SecretScrubber scrubber) {
        this.statements = statements;
        this.scrubber = scrubber;
    }

    /**
     * Creates the client as the service principal (with OAuth M2M, or with the access token a token exchange gave)
     * and fetches a token, so that wrong credentials fail here. Every
     * request takes a permit of the policy's rate limiter, and statements are polled on its clock and sleeper.
     *
     * @param target where and as whom to connect
     * @param policy the call policy of the workspace the validation belongs to
     * @return the session
     * @throws CheckFailedException with the service's message when sign-in fails
     */
    public static StatementApiSession open(ValidationTarget target, CallPolicy policy) {
        return open(target, policy, SharedLimits.NONE);
    }

    /**
     * Creates the client as the service principal as {@link #open(ValidationTarget, CallPolicy)} does, and makes
     * every request take a slot of the shared call gate (a fleet's) while on the wire, when one is given.
     *
     * @param target where and as whom to connect
     * @param policy the call policy of the workspace the validation belongs to
     * @param shared the call gate shared with other connections, or {@link SharedLimits#NONE}
     * @return the session
     * @throws CheckFailedException with the service's message when sign-in fails
     */
    public static StatementApiSession open(ValidationTarget target, CallPolicy policy, SharedLimits shared) {
        SecretScrubber scrubber = new SecretScrubber(target.signInSecret());
        try {
            DatabricksConfig config = new DatabricksConfig().setHost(target.host().toString())
                    .setDisableRetries(true).setDebugHeaders(false)
                    // lakesetup's client, which logs no header: the SDK's default one logs the Basic credentials
                    // and the bearer token at DEBUG
                    .setHttpClient(new JdkHttpClient(policy.rateLimiter(), shared, HTTP_TIMEOUT,
                            JdkHttpClient.DEFAULT_MAX_RESPONSE_BYTES, JdkHttpClient.DEFAULT_REQUEST_DEADLINE,
                            target.proxy()));
            if (target.accessToken() != null) {
                LOG.debug("signing in to {} as {} with the exchanged access token", target.host(), target.clientId());
                config.setAuthType("pat").setToken(target.accessToken().reveal());
            } else {
                LOG.debug("signing in to {} as {} with OAuth M2M", target.host(), target.clientId());
                config.setAuthType("oauth-m2m").setClientId(target.clientId().toString())
                        .setClientSecret(target.credentials().secret().reveal());
            }
            WorkspaceClient client = new WorkspaceClient(config);
            config.authenticate();
            return new StatementApiSession(new StatementRows(() -> client, target.warehouseId(),
                    target.statementTimeout(), policy), scrubber);
        } catch (RuntimeException e) {
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    @Override
    public long query(String sql) {
        try {
            return statements.query("the check's statement", sql).size();
        } catch (RuntimeException e) {
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    @Override
    public void close() {
        // the SDK client holds no connection that needs closing
    }
}
