package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import dev.lakesetup.core.model.Secret;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The credential lakesetup builds logs its own HTTP requests (the token request carries the client secret, the
 * answer the access token) without headers or bodies, whatever {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says: it is
 * given log options of its own. Without them, azure-identity builds the credential's pipeline with
 * {@code new HttpLogOptions()}, whose level comes from {@code AZURE_HTTP_LOG_DETAIL_LEVEL}. It also signs in through
 * the HTTP client the caller gave the connection, which may carry the only way out (a proxy).
 */
class CredentialLoggingTest {

    @Test
    void clientSecret_logsTheTokenRequestsAtBasicDetailWhateverTheEnvironmentSays() throws Exception {
        AzureConnection azure = AzureConnection.builder().tenantId("00000000-0000-4000-8000-000000000001")
                .subscriptionId("sub").clientSecret("00000000-0000-4000-8000-000000000002", Secret.of("s3cret"))
                .build();

        HttpLogOptions options = credentialLogOptions(azure.credential());

        assertThat(options).as("log options of lakesetup's, not the environment's default").isNotNull();
        assertThat(options.getLogLevel()).isEqualTo(HttpLogDetailLevel.BASIC);
    }

    @Test
    void clientSecret_withACallersHttpClient_signsInThroughIt() throws Exception {
        HttpClient callers = new RecordingHttpClient();
        AzureConnection azure = AzureConnection.builder().tenantId("00000000-0000-4000-8000-000000000001")
                .subscriptionId("sub").clientSecret("00000000-0000-4000-8000-000000000002", Secret.of("s3cret"))
                .httpClient(callers).build();

        assertThat(field(field(field(azure.credential(), "identityClient"), "options"), "httpClient"))
                .as("the HTTP client the credential's sign-in requests go through").isSameAs(callers);
    }

    /** Reads the log options the credential's own HTTP pipeline is built with (azure-identity keeps them private). */
    private static HttpLogOptions credentialLogOptions(Object credential) throws ReflectiveOperationException {
        Object client = field(credential, "identityClient");
        return (HttpLogOptions) field(field(client, "options"), "httpLogOptions");
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
