package dev.lakesetup.databricks.internal;

import com.databricks.sdk.AccountClient;
import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.exception.ServiceException;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the SDK's workspace and account clients once, on first use, with the SDK's own retries off (lakesetup's
 * retry policy owns retrying), header logging off, logged body values truncated to nothing (the SDK redacts only a
 * few field names, not {@code secret} or {@code client_secret}), requests sent by {@link JdkHttpClient} (whose
 * logging lakesetup controls, unlike Apache HttpClient's header and wire logs), OAuth token requests guarded by
 * {@link TokenEndpointGuard} and an API error answer's {@code Retry-After} handed to the retry policy with the
 * error itself ({@link RetryAfterRelay}). Every request, start-up discovery and OAuth token requests included, takes
 * a permit of the workspace's call policy's rate limiter in {@link JdkHttpClient}; the statement poller waits on the
 * policy's clock and sleeper. OAuth tokens are refreshed on the calling thread when they are needed, not in the background.
 * Thread-safe.
 */
public final class SdkClients {
    private final String host;
    private final Auth auth;
    private final String accountHost;
    private final String accountId;
    private final Duration timeout;
    private final ProxySettings proxy;
    private final TransportLimits limits;
    private final CallPolicy policy;
    private final SharedLimits shared;
    private WorkspaceClient workspace;
    private AccountClient account;

    /**
     * Describes the clients to build.
     *
     * @param host the workspace URL
     * @param auth how to authenticate
     * @param accountHost the account console URL, or {@code null} without account-level steps
     * @param accountId the account id, or {@code null}
     * @param timeout the HTTP timeout per request
     * @param limits the bounds on answers, requests and statements
     * @param proxy the proxy every request goes through, or {@code null} for the JVM's default proxy selector
     * @param policy the rate limiter every request takes a permit of, and the clock and sleeper of statement polls
     */
    public SdkClients(String host, Auth auth, String accountHost, String accountId, Duration timeout,
            TransportLimits limits, ProxySettings proxy, CallPolicy policy) {
        this(host, auth, accountHost, accountId, timeout, limits, proxy, policy, SharedLimits.NONE);
    }

    /**
     * Describes the clients to build, with limits shared with other connections: every request takes a slot of the
     * shared gate, and the account client's requests also a permit of the shared limiter.
     *
     * @param host the workspace URL
     * @param auth how to authenticate
     * @param accountHost the account console URL, or {@code null} without account-level steps
     * @param accountId the account id, or {@code null}
     * @param timeout the HTTP timeout per request
     * @param limits the bounds on answers, requests and statements
     * @param proxy the proxy every request goes through, or {@code null} for the JVM's default proxy selector
     * @param policy the rate limiter every request takes a permit of, and the clock and sleeper of statement polls
     * @param shared the limiter and gate shared with other connections
     */
    public SdkClients(String host, Auth auth, String accountHost, String accountId, Duration timeout,
            TransportLimits limits, ProxySettings proxy, CallPolicy policy, SharedLimits shared) {
        this.shared = shared;
        this.policy = policy;
        this.proxy = proxy;
        this.host = host;
        this.auth = auth;
        this.accountHost = accountHost;
        this.accountId = accountId;
        this.timeout = timeout;
        this.limits = limits;
    }

    /**
     * Returns the bounds on answers, requests and statements.
     *
     * @return the limits
     */
    public TransportLimits limits() {
        return limits;
    }

    /**
     * Returns the call policy whose rate limiter every request takes a permit of.
     *
     * @return the policy
     */
    public CallPolicy policy() {
        return policy;
    }

    /**
     * Returns the call gate shared with other connections, or {@code null} when there is none.
     *
     * @return the gate, or {@code null}
     */
    public CallGate gate() {
        return shared.gate();
    }

    /**
     * Returns the workspace client, building it on first use (which calls the host's metadata endpoints).
     *
     * @return the client
     */
    public synchronized WorkspaceClient workspace() {
        if (workspace == null) {
            DatabricksConfig config = configure(auth.newConfig(host), shared.withoutLimiter());
            try {
                workspace = new WorkspaceClient(config);
            } catch (RuntimeException e) {
                throw Failures.fromSdk("connect to " + host, e);
            }
        }
        return workspace;
    }

    /**
     * Returns the account client, when an account host and id are configured.
     *
     * @return the client, or empty
     */
    public synchronized Optional<AccountClient> account() {
        if (accountHost == null || accountId == null) {
            return Optional.empty();
        }
        if (account == null) {
            DatabricksConfig config = configure(auth.newConfig(accountHost).setAccountId(accountId), shared);
            try {
                account = new AccountClient(config);
            } catch (RuntimeException e) {
                throw Failures.fromSdk("connect to account " + accountId, e);
            }
        }
        return Optional.of(account);
    }

    /**
     * Tells whether account-level steps are configured.
     *
     * @return {@code true} with an account host and id
     */
    public boolean hasAccount() {
        return accountHost != null && accountId != null;
    }

    /**
     * Resolves a configuration the way the SDK's clients do (explicit settings, environment, configuration file),
     * with lakesetup's HTTP client, to learn the host and the credentials it ends up with. The SDK asks the host for
     * its metadata while resolving.
     *
     * @param auth the credentials to resolve
     * @param timeout the HTTP timeout per request
     * @param proxy the proxy, or {@code null}
     * @param policy the rate limiter the discovery requests take permits of
     * @return the resolved configuration
     */
    public static DatabricksConfig resolve(Auth auth, Duration timeout, ProxySettings proxy, CallPolicy policy) {
        DatabricksConfig config = configure(auth.newConfig(null), timeout, TransportLimits.defaults(), proxy,
                policy, SharedLimits.NONE);
        try {
            return config.resolve();
        } catch (RuntimeException e) {
            throw Failures.fromSdk("resolve the Databricks configuration (" + auth + ")", e);
        }
    }

    private DatabricksConfig configure(DatabricksConfig config, SharedLimits limitsShared) {
        return configure(config, timeout, limits, proxy, policy, limitsShared);
    }

    private static DatabricksConfig configure(DatabricksConfig config, Duration timeout, TransportLimits limits,
            ProxySettings proxy, CallPolicy policy, SharedLimits shared) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        config.setDisableRetries(true).setDebugHeaders(false).setDebugTruncateBytes(0).setHttpTimeoutSeconds(seconds)
                .setDisableAsyncTokenRefresh(true);
        return config.setHttpClient(new RetryAfterRelay(new TokenEndpointGuard(
                new JdkHttpClient(policy.rateLimiter(), shared, Duration.ofSeconds(seconds),
                        limits.maxResponseBytes(), limits.requestDeadline(), proxy), policy.clock()), policy.clock()));
    }

    /**
     * Fails when account-level steps are needed but not configured.
     *
     * @param step the step that needs the account
     * @return the account client
     */
    public AccountClient requireAccount(String step) {
        return account().orElseThrow(() -> ServiceException.builder(ServiceException.Failure.FATAL, step
                + " needs the Databricks account: configure accountHost and accountId on DatabricksWorkspace")
                .build());
    }

    @Override
    public String toString() {
        return "SdkClients[" + host + ", " + auth + (proxy == null ? "" : ", " + proxy) + "]";
    }
}
