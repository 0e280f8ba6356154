package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeAzureExtension.class)
class FakeAzureExtensionTest {

    private final FakeAzure fromConstructor;

    FakeAzureExtensionTest(FakeAzure azure) {
        this.fromConstructor = azure;
    }

    @Test
    void resolveParameter_inConstructorAndMethod_isTheSameStartedFake(FakeAzure azure) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(azure.baseUrl() + "/v1.0/servicePrincipals"))
                .header("Authorization", "Bearer " + azure.accessToken()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(azure).isSameAs(fromConstructor);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(azure.storageEndpoint(FakeAzureExtension.DEFAULT_STORAGE_ACCOUNT)).startsWith("http://127.0.0.1:");
    }
}
