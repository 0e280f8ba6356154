package dev.lakesetup.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FakeWorkspace;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * A fake workspace (with an account) and a fake Azure, started together, and lakesetup pointed at both; public for
 * the reliability tests.
 */
public final class DestinationFixture implements AutoCloseable {
    public static final String ACCOUNT = "lakeacct";
    public static final String RESOURCE_GROUP = "rg-data";

    public final FakeWorkspace databricks;
    public final FakeAzure azure;
    public final DatabricksWorkspace workspace;
    public final AzureConnection connection;
    /** A rate limit that does not slow tests down: the connections' own, one permit per request. */
    private static final CallPolicy FAST = CallPolicy.builder().rateLimitPerSecond(1000).build();

    private DestinationFixture(Consumer<FakeWorkspace.Builder> workspaceConfig) {
        FakeWorkspace.Builder builder = FakeWorkspace.builder();
        workspaceConfig.accept(builder);
        this.databricks = builder.build().start();
        this.azure = FakeAzure.builder().application(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID,
                AzureDeltaLakeDestinationSetup.DEFAULT_DISPLAY_NAME).storageAccount(ACCOUNT, RESOURCE_GROUP).build()
                .start();
        this.workspace = DatabricksWorkspace.builder().host(databricks.host()).plainHttpForTesting().pat(databricks.adminToken())
                .account(databricks.host(), databricks.accountId()).workspaceId(databricks.workspaceId())
                .httpTimeout(Duration.ofSeconds(20)).callPolicy(FAST).build();
        TokenCredential token = request -> Mono.just(new AccessToken(azure.accessToken(),
                OffsetDateTime.now().plusHours(1)));
        this.connection = AzureConnection.builder().tenantId(azure.tenantId()).subscriptionId(azure.subscriptionId())
                .credential(token).resourceManagerEndpoint(azure.resourceManagerEndpoint())
                .graphEndpoint(azure.graphEndpoint()).storageEndpoint(azure::storageEndpoint)
                .storageSharedKey(ACCOUNT, Secret.of(azure.storageAccountKey(ACCOUNT))).callPolicy(FAST).build();
    }

    public static DestinationFixture start() {
        return new DestinationFixture(b -> { });
    }

    static DestinationFixture start(Consumer<FakeWorkspace.Builder> workspaceConfig) {
        return new DestinationFixture(workspaceConfig);
    }

    Lakesetup lakesetup() {
        return Lakesetup.builder().executor(connection.executor()).executor(workspace.restExecutor())
                .concurrency(4).sleeper(d -> { })
                .retryPolicy(RetryPolicy.defaults().toBuilder().initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).notYetVisibleMaxAttempts(5).build())
                .build();
    }

    /** Reads a Unity Catalog object's JSON from the fake workspace as the admin, bypassing lakesetup. */
    String unityCatalogJson(String path) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, databricks.host() + "/api/2.1/unity-catalog/" + path)
                .setHeader("Authorization", "Bearer " + databricks.adminToken());
        try (HttpResponse response = HttpClient.createDefault().send(request).block()) {
            String body = response.getBodyAsString().block();
            if (response.getStatusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.getStatusCode() + ": " + body);
            }
            return body;
        }
    }

    /** Sends a permissions PATCH to the fake workspace as the admin, bypassing lakesetup, and expects 200. */
    void patchUnityCatalogPermissions(String type, String name, String body) {
        HttpRequest request = new HttpRequest(HttpMethod.PATCH, databricks.host() + "/api/2.1/unity-catalog/"
                + "permissions/" + type + "/" + name).setHeader("Authorization", "Bearer " + databricks.adminToken())
                .setHeader("Content-Type", "application/json").setBody(body);
        try (HttpResponse response = HttpClient.createDefault().send(request).block()) {
            if (response.getStatusCode() != 200) {
                throw new AssertionError("PATCH permissions/" + type + "/" + name + " answered "
                        + response.getStatusCode() + ": " + response.getBodyAsString().block());
            }
        }
    }

    @Override
    public void close() {
        try {
            azure.close();
        } finally {
            databricks.close();
        }
    }
}
