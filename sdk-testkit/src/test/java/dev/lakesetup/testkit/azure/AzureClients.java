package dev.lakesetup.testkit.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import com.azure.storage.file.datalake.DataLakeServiceVersion;
import dev.lakesetup.testkit.FakeAzure;
import java.util.HashMap;
import java.util.Map;

/** Builds the official Azure clients pointed at a {@link FakeAzure}, over plain http. */
final class AzureClients {

    private AzureClients() {
    }

    /** An authorization manager whose Graph and Resource Manager endpoints are the fake's. */
    static AuthorizationManager authorization(FakeAzure azure) {
        return authorization(azure, azure.accessToken());
    }

    /** An authorization manager for the fake that sends this bearer token. */
    static AuthorizationManager authorization(FakeAzure azure, String token) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", azure.resourceManagerEndpoint());
        endpoints.put("microsoftGraphResourceId", azure.graphEndpoint());
        endpoints.put("activeDirectoryEndpointUrl", azure.baseUrl() + "/");
        AzureProfile profile = new AzureProfile(azure.tenantId(), azure.subscriptionId(),
                new AzureEnvironment(endpoints));
        HttpPipelinePolicy bearer = (context, next) -> {
            context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token);
            return next.process();
        };
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(HttpClient.createDefault()).policies(bearer)
                .build();
        return AuthorizationManager.authenticate(pipeline, profile);
    }

    /** A Data Lake service client for one storage account of the fake, with its shared key. */
    static DataLakeServiceClient dataLake(FakeAzure azure, String account) {
        return new DataLakeServiceClientBuilder().endpoint(azure.storageEndpoint(account))
                .credential(new StorageSharedKeyCredential(account, azure.storageAccountKey(account)))
                .serviceVersion(DataLakeServiceVersion.getLatest())
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Integer) null, null, null, null))
                .buildClient();
    }

    /**
     * A Data Lake service client for one storage account of the fake that sends bearer tokens of a credential (scope
     * {@code https://storage.azure.com/.default}) through a pipeline policy: the SDK's own bearer policy refuses
     * plain http; the builder still wants the credential (it refuses anonymous service clients), but a pipeline given
     * whole replaces its own.
     */
    static DataLakeServiceClient dataLake(FakeAzure azure, String account, TokenCredential credential) {
        HttpPipelinePolicy bearer = (context, next) -> credential.getToken(new TokenRequestContext()
                .addScopes("https://storage.azure.com/.default")).flatMap(token -> {
                    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token.getToken());
                    return next.process();
                });
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(HttpClient.createDefault()).policies(bearer)
                .build();
        return new DataLakeServiceClientBuilder().endpoint(azure.storageEndpoint(account)).credential(credential)
                .pipeline(pipeline)
                .serviceVersion(DataLakeServiceVersion.getLatest()).buildClient();
    }
}
