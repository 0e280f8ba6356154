package dev.lakesetup.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.ProxyOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.lakesetup.azure.internal.AzureClients;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.HttpProxy;
import java.net.InetSocketAddress;

/** How an {@link AzureConnection} signs in: the credential it uses and the proxy its HTTP client goes through. */
final class SignIn {

    private SignIn() {
    }

    /**
     * Returns the credential given, or builds the client secret or default credential, both logging at BASIC detail
     * without headers.
     *
     * @param given a credential of the caller's, used as it is, or null
     * @param tenantId the tenant
     * @param clientId an app registration's client id for a client secret credential, or null for the default one
     * @param clientSecret its secret, when {@code clientId} is given
     * @param sharedClient the connection's HTTP client when the credential must sign in through it (with a proxy,
     *     or a client of the caller's, which may carry the caller's proxy or TLS settings); null to let the
     *     credential keep its own default client, which closing the connection leaves alone
     * @return the credential
     */
    static TokenCredential credential(TokenCredential given, String tenantId, String clientId, Secret clientSecret,
                                      HttpClient sharedClient) {
        if (given != null) {
            return given;
        }
        if (clientId != null) {
            ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().tenantId(tenantId)
                    .clientId(clientId).clientSecret(clientSecret.reveal())
                    .httpLogOptions(AzureClients.headerFreeLogging());
            return (sharedClient != null ? builder.httpClient(sharedClient) : builder).build();
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().tenantId(tenantId)
                .httpLogOptions(AzureClients.headerFreeLogging());
        return (sharedClient != null ? builder.httpClient(sharedClient) : builder).build();
    }

    /** Returns the Azure proxy options of a proxy, with HTTP Basic credentials when it has them. */
    static ProxyOptions proxyOptions(HttpProxy proxy) {
        ProxyOptions options = new ProxyOptions(ProxyOptions.Type.HTTP,
                new InetSocketAddress(proxy.host(), proxy.port()));
        return proxy.hasCredentials() ? options.setCredentials(proxy.username(), proxy.password().reveal())
                : options;
    }
}
