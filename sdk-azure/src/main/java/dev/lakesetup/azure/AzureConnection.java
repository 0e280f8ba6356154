package dev.lakesetup.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesetup.azure.internal.AzureClients;
import dev.lakesetup.azure.internal.OwnedHttpClient;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.HttpProxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How lakesetup reaches one Azure tenant and subscription: credential, endpoints (public cloud by default; sovereign
 * clouds and local fakes by override) and storage access. Clients built from it make one attempt per call (the
 * lakesetup engine owns retries) and log requests at BASIC detail with the libraries' header allow-list, so no token
 * or key reaches a log; the credentials lakesetup builds ({@code DefaultAzureCredential}, the client-secret one) log
 * at BASIC detail too, whatever {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says. A credential passed to
 * {@link Builder#credential} keeps the logging it was built with.
 *
 * <p>Every request to Graph, Resource Manager and storage takes one permit of the rate limiter of the connection's
 * {@link Builder#callPolicy(CallPolicy) call policy} first (by default {@link CallPolicy#defaults()}: 15 requests per
 * second); pass one policy to this connection and to the engine, or to a workspace, to share one limit.
 *
 * <p>Unless given an HTTP client, the connection owns one with its own I/O threads; {@link #close()} releases them.
 *
 * <pre>{@code
 * try (AzureConnection azure = AzureConnection.builder().tenantId(tenant).subscriptionId(subscription).build()) {
 *     Lakesetup lakesetup = Lakesetup.builder().executor(azure.executor()).build();
 *     ...
 * }
 * }</pre>
 */
public final class AzureConnection implements AutoCloseable {

    private final String tenantId;
    private final String subscriptionId;
    private final TokenCredential credential;
    private final String resourceManagerEndpoint;
    private final HttpProxy proxy;
    private final CallPolicy callPolicy;
    private final OwnedHttpClient owned;
    private final AzureClients clients;
    private volatile boolean closed;

    private AzureConnection(Builder b) {
        this.tenantId = b.tenantId;
        this.subscriptionId = b.subscriptionId;
        this.proxy = b.proxy;
        if (b.proxy != null && b.httpClient != null) {
            throw new IllegalStateException("set the proxy on the HttpClient given to httpClient(..), or drop "
                    + "httpClient(..) and let proxy(..) configure lakesetup's: not both");
        }
        this.owned = b.httpClient != null ? null
                : new OwnedHttpClient(b.proxy == null ? null : SignIn.proxyOptions(b.proxy));
        HttpClient httpClient = b.httpClient != null ? b.httpClient : owned.client();
        try {
            this.credential = SignIn.credential(b.credential, b.tenantId, b.clientId, b.clientSecret,
                    b.proxy != null || b.httpClient != null ? httpClient : null);
        } catch (RuntimeException | Error e) {
            // the connection never reaches its caller, so nobody else could release the client's threads
            if (owned != null) {
                owned.close();
            }
            throw e;
        }
        this.resourceManagerEndpoint = b.resourceManagerEndpoint;
        this.callPolicy = b.callPolicy != null ? b.callPolicy : CallPolicy.defaults();
        this.clients = new AzureClients(httpClient, credential, new AzureClients.Endpoints(tenantId, subscriptionId,
                b.resourceManagerEndpoint, b.graphEndpoint, b.storageEndpoint), b.sharedKeys,
                callPolicy.rateLimiter());
    }

    /**
     * Starts a connection for the public Azure cloud with {@code DefaultAzureCredential}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the tenant id.
     *
     * @return the tenant
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * Returns the subscription id.
     *
     * @return the subscription
     */
    public String subscriptionId() {
        return subscriptionId;
    }

    /**
     * Returns the call policy whose rate limiter this connection's requests take permits of.
     *
     * @return the policy
     */
    public CallPolicy callPolicy() {
        return callPolicy;
    }

    /**
     * Returns the executor for Entra service principals, ADLS containers and role assignments.
     *
     * @return a new executor sharing this connection's clients
     */
    public AzureExecutor executor() {
        return new AzureExecutor(this);
    }

    /**
     * Returns the credential of this connection, to share with other clients.
     *
     * @return the credential
     */
    public TokenCredential credential() {
        return credential;
    }

    /**
     * Starts a builder for an Azure Databricks workspace signed in with this connection's credential (Microsoft
     * Entra ID tokens, see {@link AzureDatabricksCredentials}) and sent through this connection's proxy. The
     * identity must be a user or service principal of the workspace; add a warehouse id, then build.
     *
     * @param host the workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net}
     * @return the builder
     */
    public DatabricksWorkspace.Builder databricksWorkspace(String host) {
        DatabricksWorkspace.Builder builder = DatabricksWorkspace.fromConfig(new DatabricksConfig()
                .setCredentialsProvider(AzureDatabricksCredentials.of(credential))
                .setAuthType(AzureDatabricksCredentials.AUTH_TYPE)).host(host);
        return proxy == null ? builder : builder.proxy(proxy);
    }

    /**
     * Releases the HTTP client's I/O threads and pooled connections when the connection built its own client (one
     * given to the builder stays open: its owner closes it). Idempotent; executors of this connection fail afterwards,
     * and so does a credential built here with a {@link Builder#proxy(HttpProxy) proxy} (it signs in through the
     * released client), {@link #credential()} and {@link #databricksWorkspace(String)} included.
     */
    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.close();
        }
    }

    /** Returns the library clients, failing once the connection is closed. */
    AzureClients clients() {
        if (closed) {
            throw new IllegalStateException("this AzureConnection is closed");
        }
        return clients;
    }

    @Override
    public String toString() {
        return "AzureConnection[tenant=" + tenantId + ", subscription=" + subscriptionId + ", arm="
                + resourceManagerEndpoint + (proxy == null ? "" : ", " + proxy) + "]";
    }

    /** Configures an {@link AzureConnection}. */
    public static final class Builder {
        private String tenantId;
        private String subscriptionId;
        private TokenCredential credential;
        private String resourceManagerEndpoint = AzureEnvironment.AZURE.getResourceManagerEndpoint();
        private String graphEndpoint = AzureEnvironment.AZURE.getMicrosoftGraphEndpoint();
        private Function<String, String> storageEndpoint = a -> "https://" + a + ".dfs.core.windows.net";
        private final Map<String, Secret> sharedKeys = new HashMap<>();
        private HttpClient httpClient;
        private HttpProxy proxy;
        private String clientId;
        private Secret clientSecret;
        private CallPolicy callPolicy;

        private Builder() {
        }

        /**
         * Sets the call policy whose {@link CallPolicy#rateLimiter() rate limiter} every Azure request takes one
         * permit of (Graph, Resource Manager and storage; sign-in requests are not counted). Pass the policy given to
         * the engine or to a workspace to share one limit with them. Default: {@link CallPolicy#defaults()}, with a
         * limiter of this connection's own.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder callPolicy(CallPolicy value) {
            this.callPolicy = InvalidInputException.requireNonNull(value, "call policy");
            return this;
        }

        /**
         * Sets the tenant (directory) id.
         *
         * @param value the tenant id
         * @return this builder
         */
        public Builder tenantId(String value) {
            this.tenantId = InvalidInputException.requireNonNull(value, "tenant id");
            return this;
        }

        /**
         * Sets the subscription that holds the storage accounts.
         *
         * @param value the subscription id
         * @return this builder
         */
        public Builder subscriptionId(String value) {
            this.subscriptionId = InvalidInputException.requireNonNull(value, "subscription id");
            return this;
        }

        /**
         * Uses any credential (the default is {@code DefaultAzureCredential}).
         *
         * @param value the credential
         * @return this builder
         */
        public Builder credential(TokenCredential value) {
            this.credential = InvalidInputException.requireNonNull(value, "credential");
            return this;
        }

        /**
         * Uses an app registration's client secret in the connection's tenant; call after {@link #tenantId}.
         *
         * @param clientId the application (client) id
         * @param secret the client secret
         * @return this builder
         */
        public Builder clientSecret(String clientId, Secret secret) {
            if (tenantId == null) {
                throw new IllegalStateException("set tenantId before clientSecret");
            }
            this.clientId = InvalidInputException.requireNonNull(clientId, "client id");
            this.clientSecret = InvalidInputException.requireNonNull(secret, "client secret");
            this.credential = null;
            return this;
        }

        /**
         * Overrides the Resource Manager endpoint (sovereign clouds, local fakes).
         *
         * @param value the endpoint, e.g. {@code https://management.usgovcloudapi.net/}
         * @return this builder
         */
        public Builder resourceManagerEndpoint(String value) {
            this.resourceManagerEndpoint = InvalidInputException.requireNonNull(value, "resource manager endpoint");
            return this;
        }

        /**
         * Overrides the Microsoft Graph endpoint.
         *
         * @param value the endpoint, e.g. {@code https://graph.microsoft.us/}
         * @return this builder
         */
        public Builder graphEndpoint(String value) {
            this.graphEndpoint = InvalidInputException.requireNonNull(value, "graph endpoint");
            return this;
        }

        /**
         * Overrides how a storage account name maps to its DFS endpoint.
         *
         * @param value account name to endpoint URL
         * @return this builder
         */
        public Builder storageEndpoint(Function<String, String> value) {
            this.storageEndpoint = InvalidInputException.requireNonNull(value, "storage endpoint");
            return this;
        }

        /**
         * Uses a storage account's shared key instead of the token credential for that account.
         *
         * @param account the account name
         * @param key the account key
         * @return this builder
         */
        public Builder storageSharedKey(String account, Secret key) {
            sharedKeys.put(InvalidInputException.requireNonNull(account, "storage account"),
                    InvalidInputException.requireNonNull(key, "storage key"));
            return this;
        }

        /**
         * Sends every Azure request through an HTTP proxy, with HTTP Basic proxy authentication when it has
         * credentials: the Resource Manager, Graph and storage clients, and the client secret or default credential
         * built here (a credential given to {@link #credential(TokenCredential)} keeps its own settings).
         *
         * @param value the proxy
         * @return this builder
         */
        public Builder proxy(HttpProxy value) {
            this.proxy = InvalidInputException.requireNonNull(value, "proxy");
            return this;
        }

        /**
         * Uses a specific HTTP client (proxies, custom TLS) for every Azure request, the sign-in requests of the
         * client secret or default credential built here included; the connection does not close it.
         *
         * @param value the client
         * @return this builder
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * Builds the connection.
         *
         * @return the connection
         */
        public AzureConnection build() {
            if (tenantId == null || subscriptionId == null) {
                throw new IllegalStateException("tenantId and subscriptionId are required");
            }
            return new AzureConnection(this);
        }
    }
}
