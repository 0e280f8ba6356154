package dev.lakesetup.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RateLimiter;
import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.fleet.FleetConnection;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.internal.Auth;
import dev.lakesetup.databricks.internal.HostUrls;
import dev.lakesetup.databricks.internal.JdbcDriver;
import dev.lakesetup.databricks.internal.JdkHttpClient;
import dev.lakesetup.databricks.internal.Loopback;
import dev.lakesetup.databricks.internal.ProxyTunnel;
import dev.lakesetup.databricks.internal.SdkClients;
import dev.lakesetup.databricks.internal.SharedLimits;
import dev.lakesetup.databricks.internal.StatementRows;
import dev.lakesetup.databricks.internal.TransportLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The connection to one Databricks workspace (and, for account-level steps, its account): where it is, how to
 * authenticate, which SQL warehouse to use. It makes the executors that the applier is given.
 *
 * <pre>{@code
 * DatabricksWorkspace workspace = DatabricksWorkspace.builder()
 *     .host("https://adb-123.4.azuredatabricks.net").oauthM2m(adminClientId, adminSecret)
 *     .warehouseId("abc123").build();
 * Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).build();
 * }</pre>
 *
 * <p>Authentication is a personal access token, OAuth machine-to-machine credentials, or the Databricks SDK's
 * unified authentication: {@link #fromEnvironment()}, {@link #profile(String)} and
 * {@link #fromConfig(com.databricks.sdk.core.DatabricksConfig)} resolve host and credentials as the SDK does
 * (environment variables, {@code ~/.databrickscfg} profiles, Azure CLI, Azure managed identity, ...), the auth type
 * optional; {@link Builder#unifiedAuth(String)} and {@link Builder#profile(String, String)} pin one. Requests can go
 * through an HTTP proxy ({@link Builder#proxy(HttpProxy)}). The SDK's own retries are off (lakesetup's retry policy
 * owns retrying) and its debug logging shows no header and no body value, so no secret reaches a log. Nothing is
 * sent until an executor first needs the service.
 *
 * <p>The host must be {@code https}: plain {@code http} is refused, except for a loopback host (a local fake) with
 * {@link Builder#plainHttpForTesting()}. Redirects are followed only within the same origin, so the credentials
 * never travel to another host. Every answer is bounded: at most {@link Builder#maxResponseSize(long)} bytes, within
 * {@link Builder#requestDeadline(Duration)} per request and {@link Builder#statementTimeout(Duration)} per SQL
 * statement run over REST; an answer past a bound fails and is not retried. Immutable and thread-safe; {@code toString()} masks secrets.
 */
public final class DatabricksWorkspace implements FleetConnection {
    private final String host;
    private final Auth auth;
    private final String warehouseId;
    private final Long workspaceId;
    private final boolean plainHttpForTesting;
    private final SdkClients clients;
    private final RestExecutor rest;
    private final HttpProxy proxy;
    private final Auth jdbcAuth;
    private final CallPolicy policy;

    private DatabricksWorkspace(Builder builder) {
        this.policy = builder.policy;
        this.host = builder.host;
        this.auth = builder.auth;
        this.proxy = builder.proxy;
        this.jdbcAuth = builder.jdbcAuth;
        this.warehouseId = builder.warehouseId;
        this.workspaceId = builder.workspaceId;
        this.plainHttpForTesting = builder.plainHttpForTesting;
        this.clients = new SdkClients(builder.host, builder.auth, builder.accountHost, builder.accountId,
                builder.httpTimeout, new TransportLimits(builder.maxResponseBytes, builder.deadline(),
                        builder.statementTimeout), HttpProxy.settingsOf(builder.proxy), builder.policy,
                new SharedLimits(builder.accountRateLimiter, builder.callGate));
        this.rest = new RestExecutor(clients, workspaceId, builder.warehouseId);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder whose host and credentials come from the Databricks SDK's unified authentication, as
     * {@code new WorkspaceClient()} finds them: the {@code DATABRICKS_*} environment variables (host, token, client
     * id and secret, {@code DATABRICKS_AUTH_TYPE}, {@code DATABRICKS_CONFIG_PROFILE}, {@code DATABRICKS_CONFIG_FILE},
     * the {@code ARM_*} Azure ones, ...), then the profile of {@code ~/.databrickscfg}. The auth type is optional:
     * without one the SDK takes the first method whose settings are present, Azure CLI and Azure managed identity
     * included. {@link Builder#build()} resolves the configuration (the SDK asks the host for its public metadata);
     * nothing authenticated is sent until an executor needs the service.
     *
     * <pre>{@code
     * DatabricksWorkspace workspace = DatabricksWorkspace.fromEnvironment().warehouseId("abc123").build();
     * }</pre>
     *
     * @return a builder, to add a warehouse, a proxy or a timeout
     */
    public static Builder fromEnvironment() {
        return new Builder().auth(new Auth.FromConfig(new DatabricksConfig(), "environment"));
    }

    /**
     * Starts a builder whose host and credentials come from a named profile of {@code ~/.databrickscfg} (or of the
     * file named by {@code DATABRICKS_CONFIG_FILE}), resolved as {@link #fromEnvironment()} does.
     *
     * @param name the profile name
     * @return a builder
     */
    public static Builder profile(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("profile", name, "it is empty", "a profile name in ~/.databrickscfg");
        }
        return new Builder().auth(new Auth.FromConfig(new DatabricksConfig().setProfile(name), "profile " + name));
    }

    /**
     * Starts a builder from a Databricks SDK configuration, resolved as {@link #fromEnvironment()} does: what the
     * configuration sets wins over the environment and the configuration file. Use it to name a configuration file
     * ({@code setConfigFile}), pin an auth type ({@code setAuthType}) or plug in a {@code CredentialsProvider}. The
     * configuration is copied; lakesetup sends its requests with its own HTTP client (and proxy), with the SDK's
     * retries off.
     *
     * @param config the configuration, not necessarily resolved
     * @return a builder
     */
    public static Builder fromConfig(DatabricksConfig config) {
        return new Builder().auth(new Auth.FromConfig(config, "configuration"));
    }

    /**
     * Returns the workspace URL.
     *
     * @return the host URL
     */
    public String host() {
        return host;
    }

    /**
     * Returns the SQL warehouse id.
     *
     * @return the id, when configured
     */
    public Optional<String> warehouseId() {
        return Optional.ofNullable(warehouseId);
    }

    /**
     * Returns the HTTP proxy requests go through, when one is set.
     *
     * @return the proxy
     */
    public Optional<HttpProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * Returns the call policy whose rate limiter every request to this workspace takes a permit of (HTTP requests
     * and SQL statements of the executors it makes), and whose clock and sleeper time statement polls.
     *
     * @return the policy
     */
    public CallPolicy callPolicy() {
        return policy;
    }

    /**
     * Returns the gate that bounds this workspace's HTTP requests together with other connections' (a fleet's), when
     * one was given ({@link Builder#callGate(CallGate)}). A {@code PrincipalValidator} built on this workspace
     * ({@code adminWorkspace(..)}) takes it too.
     *
     * @return the gate, or empty when this workspace is bounded only by its own call policy
     */
    @Override
    public Optional<CallGate> callGate() {
        return Optional.ofNullable(clients.gate());
    }

    /**
     * Returns the REST executor of this workspace (one shared instance).
     *
     * @return the executor
     */
    public RestExecutor restExecutor() {
        return rest;
    }

    /**
     * Returns a SQL executor over a data source (normally the Databricks JDBC driver); kinds and changes with no SQL
     * form go to this workspace's REST executor, and every statement takes a permit of this workspace's rate limit.
     *
     * @param dataSource where connections come from
     * @return the executor
     */
    public SqlExecutor sqlExecutor(DataSource dataSource) {
        return SqlExecutor.builder().dataSource(dataSource).restExecutor(rest).callPolicy(policy)
                .statementTimeout(clients.limits().statementTimeout()).build();
    }

    /**
     * Returns a SQL executor for this workspace's warehouse. With the Databricks JDBC driver on the class path
     * (the optional dependency {@code com.databricks:databricks-jdbc}, with HikariCP) and credentials the driver
     * takes (a token or OAuth M2M credentials) it connects with them through a pool of its own
     * ({@link DatabricksJdbc#dataSource()}) that {@link SqlExecutor#close()} closes. Otherwise (no driver, or an
     * authentication the driver cannot take, such as Azure CLI or an Azure credential) it runs the same statements
     * through the SQL statement execution REST API on the warehouse, signed in as this workspace's REST client.
     *
     * @return the executor
     * @throws IllegalStateException without a warehouse id
     */
    public SqlExecutor sqlExecutor() {
        if (!JdbcDriver.present() || !jdbcCanSignIn()) {
            return SqlExecutor.builder().sessions(new StatementRows(clients::workspace, requireWarehouse(),
                    clients.limits().statementTimeout(), policy)).restExecutor(rest).build();
        }
        PooledDataSource pool = jdbc().build().dataSource();
        return SqlExecutor.builder().dataSource(pool).ownsDataSource(pool).restExecutor(rest).callPolicy(policy)
                .statementTimeout(clients.limits().statementTimeout()).build();
    }

    /**
     * Returns a JDBC URL builder for this workspace's warehouse with the same credentials, to add driver properties.
     *
     * @return the builder, with this workspace's proxy when one is set
     * @throws IllegalStateException without a warehouse id, or with credentials the driver cannot take
     */
    public DatabricksJdbc.Builder jdbc() {
        DatabricksJdbc.Builder jdbc = DatabricksJdbc.builder().host(host).warehouseId(requireWarehouse());
        Optional.ofNullable(proxy).ifPresent(jdbc::proxy);
        if (plainHttpForTesting) {
            jdbc.plainHttpForTesting();
        }
        Auth auth = jdbcAuth != null ? jdbcAuth : this.auth;
        if (auth instanceof Auth.Pat pat) {
            return jdbc.pat(pat.token().reveal());
        } else if (auth instanceof Auth.OAuthM2m m2m) {
            return jdbc.oauthM2m(m2m.clientId(), m2m.clientSecret().reveal());
        }
        throw new IllegalStateException("the JDBC driver takes a personal access token or OAuth M2M credentials, not "
                + auth + ": build the URL with DatabricksJdbc and pass its data source to sqlExecutor(DataSource)");
    }

    private boolean jdbcCanSignIn() {
        Auth signIn = jdbcAuth != null ? jdbcAuth : auth;
        return signIn instanceof Auth.Pat || signIn instanceof Auth.OAuthM2m;
    }

    private String requireWarehouse() {
        if (warehouseId == null) {
            throw new IllegalStateException("SQL needs a warehouse: set warehouseId on DatabricksWorkspace");
        }
        return warehouseId;
    }

    /**
     * Returns the SDK client signed in with this workspace's (admin) credentials, for {@link AdminChecks}. Package
     * private on purpose: the SDK's types stay out of the public API, and callers cannot bypass the executors.
     *
     * @return the client, built on first use
     */
    WorkspaceClient adminClient() {
        return clients.workspace();
    }

    /**
     * Returns the OAuth secrets API of this workspace, called as its admin, for {@link OAuthSecrets}.
     *
     * @return a new client
     */
    dev.lakesetup.databricks.internal.SecretsApi secretsApi() {
        return new dev.lakesetup.databricks.internal.SecretsApi(new dev.lakesetup.databricks.internal.Principals(
                clients, () -> {
                    throw new IllegalStateException("the OAuth secrets API needs no workspace id");
                }));
    }

    @Override
    public String toString() {
        return "DatabricksWorkspace[" + host + ", " + auth + (warehouseId == null ? "" : ", warehouse " + warehouseId)
                + (proxy == null ? "" : ", " + proxy) + "]";
    }

    /** Configures a {@link DatabricksWorkspace}; exactly one authentication method must be chosen. */
    public static final class Builder {
        private String host;
        private Auth auth;
        private String warehouseId;
        private String accountHost;
        private String accountId;
        private Long workspaceId;
        private Duration httpTimeout = Duration.ofSeconds(60);
        private HttpProxy proxy;
        private Auth jdbcAuth;
        private long maxResponseBytes = JdkHttpClient.DEFAULT_MAX_RESPONSE_BYTES;
        private Duration requestDeadline;
        private Duration statementTimeout = TransportLimits.DEFAULT_STATEMENT_TIMEOUT;
        private boolean plainHttpForTesting;
        private CallPolicy policy = CallPolicy.defaults();
        private RateLimiter accountRateLimiter;
        private CallGate callGate;

        private Builder() {}

        /**
         * Sets how this workspace is called: every HTTP request (start-up discovery, OAuth token requests and
         * retries included) and every SQL statement of its executors takes one permit of the policy's
         * {@link CallPolicy#rateLimiter() rate limiter}, and long-running statements are polled on its clock and
         * sleeper. By default {@link CallPolicy#defaults()}, 15 requests per second. Pass the same policy to
         * {@code Lakesetup.builder().callPolicy(..)} to share its concurrency, retry policy and clock with the engine.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder callPolicy(CallPolicy policy) {
            this.policy = InvalidInputException.requireNonNull(policy, "call policy");
            return this;
        }

        /**
         * Sends every request through an HTTP proxy: lakesetup's own HTTP client, and the JDBC driver of
         * {@link DatabricksWorkspace#jdbc()} and {@link DatabricksWorkspace#sqlExecutor()}. Proxy credentials travel
         * as HTTP Basic; for an {@code https} host the JVM must allow Basic for tunnels (see {@link HttpProxy}), which
         * {@link #build()} checks.
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(HttpProxy proxy) {
            this.proxy = InvalidInputException.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Sets the workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net}.
         *
         * @param host the URL (https; http only for a loopback host with {@link #plainHttpForTesting()})
         * @return this builder
         */
        public Builder host(String host) {
            this.host = HostUrls.url("workspace host", host);
            return this;
        }

        /**
         * Authenticates with a personal access token.
         *
         * @param token the token
         * @return this builder
         * @throws IllegalStateException when another method was chosen already
         */
        public Builder pat(String token) {
            return auth(new Auth.Pat(token == null || token.isEmpty() ? null : Secret.of(token)));
        }

        /**
         * Authenticates as a service principal with OAuth machine-to-machine credentials.
         *
         * @param clientId the application id
         * @param clientSecret the OAuth secret
         * @return this builder
         * @throws IllegalStateException when another method was chosen already
         */
        public Builder oauthM2m(String clientId, String clientSecret) {
            return auth(new Auth.OAuthM2m(clientId,
                    clientSecret == null || clientSecret.isEmpty() ? null : Secret.of(clientSecret)));
        }

        /**
         * Authenticates with the SDK's unified authentication from environment variables and the default profile
         * of {@code ~/.databrickscfg}, pinned to one auth type.
         *
         * @param authType the SDK's auth type, e.g. {@code pat}, {@code oauth-m2m}, {@code azure-cli}
         * @return this builder
         * @throws IllegalStateException when another method was chosen already
         */
        public Builder unifiedAuth(String authType) {
            return auth(new Auth.Unified(null, authType));
        }

        /**
         * Authenticates with a named profile of {@code ~/.databrickscfg}, pinned to one auth type.
         *
         * @param profile the profile name
         * @param authType the SDK's auth type
         * @return this builder
         * @throws IllegalStateException when another method was chosen already
         */
        public Builder profile(String profile, String authType) {
            if (profile == null || profile.isBlank()) {
                throw InvalidInputException.of("profile", profile, "it is empty", "a profile name in ~/.databrickscfg");
            }
            return auth(new Auth.Unified(profile, authType));
        }

        /**
         * Sets the SQL warehouse used by the SQL executor.
         *
         * @param warehouseId the id from the warehouse's HTTP path {@code /sql/1.0/warehouses/{id}}
         * @return this builder
         */
        public Builder warehouseId(String warehouseId) {
            if (warehouseId == null || !warehouseId.matches("[A-Za-z0-9]{1,64}")) {
                throw InvalidInputException.of("warehouse id", warehouseId, "it is not a warehouse id",
                        "1 to 64 letters and digits");
            }
            this.warehouseId = warehouseId;
            return this;
        }

        /**
         * Enables account-level steps (service principals created in the account and assigned to the workspace).
         *
         * @param accountHost the account console URL, e.g. {@code https://accounts.azuredatabricks.net}
         * @param accountId the account id
         * @return this builder
         */
        public Builder account(String accountHost, String accountId) {
            this.accountHost = HostUrls.url("account host", accountHost);
            if (accountId == null || accountId.isBlank()) {
                throw InvalidInputException.of("account id", accountId, "it is empty", "the Databricks account id");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the numeric workspace id for workspace assignment; by default the host reports it.
         *
         * @param workspaceId the id
         * @return this builder
         */
        public Builder workspaceId(long workspaceId) {
            if (workspaceId <= 0) {
                throw InvalidInputException.of("workspace id", Long.toString(workspaceId), "it is not positive",
                        "the number in the workspace URL (?o=...)");
            }
            this.workspaceId = workspaceId;
            return this;
        }

        /**
         * Sets the HTTP timeout per request (60 seconds by default).
         *
         * @param timeout the timeout, at least one second
         * @return this builder
         */
        public Builder httpTimeout(Duration timeout) {
            if (timeout == null || timeout.toSeconds() < 1) {
                throw InvalidInputException.of("HTTP timeout", String.valueOf(timeout), "it is under one second",
                        "a duration of at least one second");
            }
            this.httpTimeout = timeout;
            return this;
        }

        /**
         * Sets the most bytes one answer of the service may have (64 MiB by default); a longer answer stops being
         * read at the limit and fails, and is not retried.
         *
         * @param bytes from 1 KiB to 2 GiB
         * @return this builder
         */
        public Builder maxResponseSize(long bytes) {
            if (bytes < 1024 || bytes > Integer.MAX_VALUE) {
                throw InvalidInputException.of("max response size", Long.toString(bytes), "it is out of range",
                        "1024 to 2147483647 bytes");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Sets the time one HTTP request may take in all, redirects and the whole answer included (5 minutes by
         * default, or the HTTP timeout when that is longer); a request still unfinished then is abandoned and fails,
         * and is not retried. The HTTP timeout
         * ({@link #httpTimeout(Duration)}) only bounds the wait for the answer to start.
         *
         * @param deadline at least one second
         * @return this builder
         */
        public Builder requestDeadline(Duration deadline) {
            this.requestDeadline = HostUrls.atLeastOneSecond("request deadline", deadline);
            return this;
        }

        /**
         * Sets how long one SQL statement may take: over REST (the bulk grant reads), polling included, and as the
         * query timeout of the SQL executors this workspace makes (15 minutes by default, room for a stopped
         * warehouse to start); a statement still running then is cancelled and fails.
         *
         * @param timeout at least one second
         * @return this builder
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = HostUrls.atLeastOneSecond("statement timeout", timeout);
            return this;
        }

        /**
         * Allows a plain {@code http://} host, which must be a loopback host ({@code localhost}, {@code 127.x.y.z},
         * {@code ::1}): a local fake workspace in tests. <strong>Not for production</strong>: the credentials travel
         * unencrypted. Without it, {@code http} is refused.
         *
         * @return this builder
         */
        public Builder plainHttpForTesting() {
            this.plainHttpForTesting = true;
            return this;
        }

        /**
         * Builds the connection. Nothing is sent yet, except that a configuration from
         * {@link DatabricksWorkspace#fromEnvironment()}, {@link DatabricksWorkspace#profile(String)} or
         * {@link DatabricksWorkspace#fromConfig(DatabricksConfig)} is resolved here, which asks the host for its
         * public metadata (unauthenticated, through the proxy).
         *
         * @return the workspace
         * @throws IllegalStateException when the host or the authentication method is missing
         * @throws InvalidInputException when a resolved configuration names no host, or proxy credentials could not
         *     reach the proxy of an https host (see {@link HttpProxy}); for a plain {@code http} host without
         *     {@link #plainHttpForTesting()}, or with it on a host that is not loopback
         */
        public DatabricksWorkspace build() {
            if (host != null) {
                // a host set here is checked before resolving a configuration sends anything to it
                requireTransports();
            }
            if (auth instanceof Auth.FromConfig) {
                resolveConfig();
            }
            if (host == null) {
                throw new IllegalStateException("DatabricksWorkspace needs a host");
            }
            requireTransports();
            if (requestDeadline != null && requestDeadline.compareTo(httpTimeout) < 0) {
                throw InvalidInputException.of("request deadline", requestDeadline.toString(),
                        "it is shorter than the HTTP timeout " + httpTimeout, "a deadline at least as long");
            }
            if (auth == null) {
                throw new IllegalStateException("DatabricksWorkspace needs an authentication method: pat(..), "
                        + "oauthM2m(..), unifiedAuth(..) or profile(..)");
            }
            return new DatabricksWorkspace(this);
        }

        /** Resolves the SDK configuration: the host, unless set here, and credentials the JDBC driver can reuse. */
        private void resolveConfig() {
            Auth.FromConfig resolved = ((Auth.FromConfig) auth).resolve(host, httpTimeout, HttpProxy.settingsOf(proxy),
                    policy);
            if (host == null) {
                host(resolved.template().getHost());
            }
            this.auth = resolved;
            this.jdbcAuth = Auth.forJdbc(resolved.template()).orElse(null);
        }

        private Builder auth(Auth chosen) {
            if (auth != null) {
                throw new IllegalStateException("only one authentication method may be set; already set: " + auth);
            }
            this.auth = chosen;
            return this;
        }

        private Duration deadline() {
            if (requestDeadline != null) {
                return requestDeadline;
            }
            return httpTimeout.compareTo(JdkHttpClient.DEFAULT_REQUEST_DEADLINE) > 0 ? httpTimeout
                    : JdkHttpClient.DEFAULT_REQUEST_DEADLINE;
        }

        private void requireTransports() {
            ProxyTunnel.requireBasicAllowed(HttpProxy.settingsOf(proxy), host);
            ProxyTunnel.requireBasicAllowed(HttpProxy.settingsOf(proxy), accountHost);
            requireTransport("workspace host", host);
            if (accountHost != null) {
                requireTransport("account host", accountHost);
            }
        }

        private void requireTransport(String field, String url) {
            URI uri = URI.create(url);
            Loopback.requireAllowed(field, url, "http".equalsIgnoreCase(uri.getScheme()), uri.getHost(),
                    plainHttpForTesting);
        }

        /**
         * Shares a rate limit across connections for account-level APIs: every request this workspace's account
         * client sends (to {@link #account(String, String) the account host}) takes a permit of this limiter too,
         * after one of its own call policy's. Give one limiter to all the members of a fleet, so that their
         * account-API requests together stay under the account's quota while each workspace keeps its own limit.
         * Requests to the workspace host do not take it.
         *
         * @param limiter a limiter shared by the connections, e.g.
         *     {@code CallPolicy.builder().rateLimitPerSecond(10).build().rateLimiter()}
         * @return this builder
         */
        public Builder accountRateLimiter(RateLimiter limiter) {
            this.accountRateLimiter = InvalidInputException.requireNonNull(limiter, "account rate limiter");
            return this;
        }

        /**
         * Bounds the calls in flight across connections: every HTTP request of this workspace (workspace and account
         * hosts) takes a slot of the gate while it is on the wire. Give a fleet's gate
         * ({@code Fleet.callGate()}) to each member's connection: a fleet refuses a member whose workspace lacks it.
         * Validation as the service principal through HTTP (token exchange, statement execution API) takes it too
         * when its {@code PrincipalValidator} is built on this workspace. The connections the JDBC driver opens itself
         * (SQL over JDBC, validation over JDBC) do not take it: they take only the call policy's rate limit.
         *
         * @param gate the shared gate
         * @return this builder
         */
        public Builder callGate(CallGate gate) {
            this.callGate = InvalidInputException.requireNonNull(gate, "call gate");
            return this;
        }
    }
}
