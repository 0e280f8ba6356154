package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.Configuration;
import dev.lakesetup.core.model.Secret;
import java.lang.reflect.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The credential lakesetup builds logs its own HTTP requests (the token request carries the client secret, the
 * answer the access token) without headers or bodies, even when {@code AZURE_HTTP_LOG_DETAIL_LEVEL} asks for them.
 */
class CredentialLoggingTest {
    private static final String LEVEL = Configuration.PROPERTY_AZURE_HTTP_LOG_DETAIL_LEVEL;

    @AfterEach
    @SuppressWarnings("deprecation")
    void restore() {
        Configuration.getGlobalConfiguration().remove(LEVEL);
    }

    @Test
    @SuppressWarnings("deprecation")
    void clientSecret_whenTheEnvironmentAsksForBodiesAndHeaders_logsTheTokenRequestsAtBasicDetail() throws Exception {
        Configuration.getGlobalConfiguration().put(LEVEL, "BODY_AND_HEADERS");
        assertThat(new HttpLogOptions().getLogLevel()).as("the environment's level reaches unpinned options")
                .isEqualTo(HttpLogDetailLevel.BODY_AND_HEADERS);

        AzureConnection azure = AzureConnection.builder().tenantId("00000000-0000-4000-8000-000000000001")
                .subscriptionId("sub").clientSecret("00000000-0000-4000-8000-000000000002", Secret.of("s3cret"))
                .build();

        assertThat(credentialLogLevel(azure.credential())).isEqualTo(HttpLogDetailLevel.BASIC);
    }

    /**
     * Reads the log options the credential's own HTTP pipeline is built with (azure-identity keeps them private);
     * without options of the caller's, the pipeline makes default ones, which take the environment's level.
     */
    private static HttpLogDetailLevel credentialLogLevel(Object credential) throws ReflectiveOperationException {
        Object client = field(credential, "identityClient");
        HttpLogOptions options = (HttpLogOptions) field(field(client, "options"), "httpLogOptions");
        return (options == null ? new HttpLogOptions() : options).getLogLevel();
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
