package dev.lakesetup.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import dev.lakesetup.core.apply.RateLimiter;
import dev.lakesetup.core.model.Secret;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds and keeps the Azure library clients of one connection: the Resource Manager authorization client (which
 * also reaches Microsoft Graph) and one Data Lake client per storage account. Every pipeline makes one attempt per
 * request (the lakesetup engine owns retries), takes one rate-limit permit per request, turns error pages into typed
 * failures, and logs at BASIC detail without headers.
 */
public final class AzureClients {
    private final HttpClient httpClient;
    private final TokenCredential credential;
    private final Endpoints endpoints;
    private final Map<String, Secret> sharedKeys;
    private final RateLimitPolicy rateLimit;
    private final Map<String, DataLakeServiceClient> lakes = new ConcurrentHashMap<>();
    private volatile AuthorizationManager manager;

    /**
     * Where the clients send requests.
     *
     * @param tenantId the tenant
     * @param subscriptionId the subscription
     * @param resourceManager the Resource Manager endpoint
     * @param graph the Microsoft Graph endpoint
     * @param storage a storage account's name to its DFS endpoint
     */
    public record Endpoints(String tenantId, String subscriptionId, String resourceManager, String graph,
                            Function<String, String> storage) {
    }

    /**
     * Creates the factory; clients are built on first use.
     *
     * @param httpClient the HTTP client every pipeline sends through
     * @param credential the token credential
     * @param endpoints where requests go
     * @param sharedKeys storage accounts signed with a shared key instead of tokens
     * @param limiter the rate limiter, one permit per request
     */
    public AzureClients(HttpClient httpClient, TokenCredential credential, Endpoints endpoints,
                        Map<String, Secret> sharedKeys, RateLimiter limiter) {
        this.httpClient = httpClient;
        this.credential = credential;
        this.endpoints = endpoints;
        this.sharedKeys = Map.copyOf(sharedKeys);
        this.rateLimit = new RateLimitPolicy(limiter);
    }

    /**
     * Returns the logging of every HTTP pipeline lakesetup builds, the credential's own included: method, URL and
     * status at BASIC detail, no headers and no bodies, whatever {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says (at
     * {@code HEADERS} or {@code BODY_AND_HEADERS} the credential's pipeline would log the token request's client
     * secret and the access token).
     *
     * @return the options
     */
    public static HttpLogOptions headerFreeLogging() {
        return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BASIC);
    }

    /**
     * Returns the subscription the clients work in.
     *
     * @return the subscription id
     */
    public String subscriptionId() {
        return endpoints.subscriptionId();
    }

    /**
     * Returns the authorization client, built on first use.
     *
     * @return the client for role assignments and Graph service principals
     */
    public AuthorizationManager authorization() {
        AuthorizationManager m = manager;
        if (m == null) {
            synchronized (this) {
                if (manager == null) {
                    Map<String, String> urls = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
                    urls.put("resourceManagerEndpointUrl", endpoints.resourceManager());
                    urls.put("microsoftGraphResourceId", endpoints.graph());
                    HttpPipeline pipeline = pipeline(new TokenPolicy(credential, endpoints.graph(),
                            endpoints.resourceManager()));
                    manager = AuthorizationManager.authenticate(pipeline, new AzureProfile(endpoints.tenantId(),
                            endpoints.subscriptionId(), new AzureEnvironment(urls)));
                }
                m = manager;
            }
        }
        return m;
    }

    /**
     * Returns the Data Lake client of a storage account, built on first use.
     *
     * @param account the storage account
     * @return the client
     */
    public DataLakeServiceClient dataLake(String account) {
        return lakes.computeIfAbsent(account, this::buildDataLake);
    }

    private DataLakeServiceClient buildDataLake(String account) {
        String endpoint = endpoints.storage().apply(account);
        DataLakeServiceClientBuilder b = new DataLakeServiceClientBuilder().endpoint(endpoint)
                .httpClient(httpClient).addPolicy(new ErrorPagePolicy()).addPolicy(rateLimit)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Integer) null, null, null, null))
                .httpLogOptions(headerFreeLogging());
        Secret key = sharedKeys.get(account);
        if (key != null) {
            return b.credential(new StorageSharedKeyCredential(account, key.reveal())).buildClient();
        }
        if (TokenPolicy.isLoopbackHttp(endpoint)) {
            // the storage client's bearer policy refuses http: a local fake gets the token from our policy
            return b.credential(credential).pipeline(pipeline(TokenPolicy.storage(credential))).buildClient();
        }
        return b.credential(credential).buildClient();
    }

    private HttpPipeline pipeline(TokenPolicy token) {
        return new HttpPipelineBuilder().httpClient(httpClient).policies(new UserAgentPolicy("lakesetup"),
                new ErrorPagePolicy(), token, rateLimit, new HttpLoggingPolicy(headerFreeLogging())).build();
    }

    @Override
    public String toString() {
        return "AzureClients[subscription=" + endpoints.subscriptionId() + ", arm=" + endpoints.resourceManager()
                + ", " + rateLimit + "]";
    }
}
