package dev.lakesetup.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.databricks.sdk.core.CredentialsProvider;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.HeaderFactory;
import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Signs Databricks requests with Microsoft Entra ID tokens from an Azure {@link TokenCredential}, so that the
 * credential of an {@link AzureConnection} (a client secret, a managed identity, the Azure CLI, workload identity,
 * ...) also serves an Azure Databricks workspace. Each request carries {@code Authorization: Bearer} with a token for
 * the Azure Databricks resource ({@value #SCOPE}); a token is reused until five minutes before it expires.
 *
 * <pre>{@code
 * DatabricksConfig config = new DatabricksConfig().setHost("https://adb-123.4.azuredatabricks.net")
 *     .setCredentialsProvider(AzureDatabricksCredentials.of(credential));
 * DatabricksWorkspace workspace = DatabricksWorkspace.fromConfig(config).build();
 * }</pre>
 *
 * <p>The identity must be a user or service principal of the workspace. The Databricks JDBC driver cannot take these
 * tokens from lakesetup: use the statement execution API or a data source of your own for SQL. Thread-safe;
 * {@code toString()} shows no token.
 */
public final class AzureDatabricksCredentials implements CredentialsProvider {
    /** The scope of the Azure Databricks resource (its programmatic application id) in Microsoft Entra ID. */
    public static final String SCOPE = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default";
    /** The auth type name this provider reports to the Databricks SDK. */
    public static final String AUTH_TYPE = "azure-token-credential";
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential credential;
    private final Clock clock;

    AzureDatabricksCredentials(TokenCredential credential, Clock clock) {
        this.credential = InvalidInputException.requireNonNull(credential, "Azure credential");
        this.clock = clock;
    }

    /**
     * Returns a provider that asks the credential for Azure Databricks tokens.
     *
     * @param credential the Azure credential
     * @return the provider
     */
    public static AzureDatabricksCredentials of(TokenCredential credential) {
        return new AzureDatabricksCredentials(credential, Clock.systemUTC());
    }

    /**
     * Returns {@value #AUTH_TYPE}.
     *
     * @return the auth type name
     */
    @Override
    public String authType() {
        return AUTH_TYPE;
    }

    /**
     * Returns the header factory of one configuration, with its own cached token.
     *
     * @param config the SDK configuration (not read)
     * @return the factory
     */
    @Override
    public HeaderFactory configure(DatabricksConfig config) {
        return new CachedToken();
    }

    @Override
    public String toString() {
        return "AzureDatabricksCredentials[" + credential.getClass().getSimpleName() + "]";
    }

    /** Holds the current token and asks for a new one when it is about to expire. */
    private final class CachedToken implements HeaderFactory {
        private AccessToken token;

        @Override
        public synchronized Map<String, String> headers() {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (token == null || token.getExpiresAt() == null
                    || !now.plus(REFRESH_BEFORE_EXPIRY).isBefore(token.getExpiresAt())) {
                AccessToken fresh = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
                if (fresh == null || fresh.getToken() == null || fresh.getToken().isEmpty()) {
                    throw new IllegalStateException("the Azure credential returned no token for " + SCOPE);
                }
                token = fresh;
            }
            return Map.of("Authorization", "Bearer " + token.getToken());
        }
    }
}
