package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.internal.ProxySettings;
import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom validation connects: with OAuth M2M credentials, or by token exchange ({@code federated}), whose
 * Databricks access token, once obtained, the sessions pass through. {@code toString()} shows no secret
 * ({@link OAuthCredentials} and {@link FederatedSignIn} mask theirs; the access token is masked here).
 *
 * @param host the workspace URL, scheme and host, maybe a port
 * @param warehouseId the SQL warehouse id
 * @param credentials the service principal's OAuth M2M credentials, or {@code null} when it signs in by token exchange
 * @param statementTimeout how long one statement may run
 * @param plainHttpForTesting whether the test-only plain-HTTP switches are on
 * @param proxy the proxy lakesetup's own HTTP client goes through, or {@code null} for the JVM's default
 * @param federated the token exchange sign-in, or {@code null} with OAuth M2M credentials
 * @param accessToken the access token the exchange gave, or {@code null} before it (and with OAuth M2M)
 */
public record ValidationTarget(URI host, String warehouseId, OAuthCredentials credentials, Duration statementTimeout,
        boolean plainHttpForTesting, ProxySettings proxy, FederatedSignIn federated, Secret accessToken) {

    /**
     * Describes a target signed in to with OAuth M2M.
     *
     * @param host the workspace URL
     * @param warehouseId the warehouse
     * @param credentials the principal's OAuth credentials
     * @param statementTimeout how long one statement may take
     * @param plainHttpForTesting whether plain-HTTP test switches apply
     * @param proxy the proxy, or {@code null}
     */
    public ValidationTarget(URI host, String warehouseId, OAuthCredentials credentials, Duration statementTimeout,
            boolean plainHttpForTesting, ProxySettings proxy) {
        this(host, warehouseId, credentials, statementTimeout, plainHttpForTesting, proxy, null, null);
    }

    /**
     * Describes a target reached without a proxy of lakesetup's (the JVM's default proxy selector applies).
     *
     * @param host the workspace URL
     * @param warehouseId the warehouse
     * @param credentials the principal's OAuth credentials
     * @param statementTimeout how long one statement may take
     * @param plainHttpForTesting whether plain-HTTP test switches apply
     */
    public ValidationTarget(URI host, String warehouseId, OAuthCredentials credentials, Duration statementTimeout,
            boolean plainHttpForTesting) {
        this(host, warehouseId, credentials, statementTimeout, plainHttpForTesting, null, null, null);
    }

    /**
     * Returns the service principal validation signs in as.
     *
     * @return its application id
     */
    public ApplicationId clientId() {
        return credentials != null ? credentials.clientId() : federated.clientId();
    }

    /**
     * Returns a copy that signs in with an access token the token exchange gave.
     *
     * @param token the Databricks access token
     * @return the copy
     */
    public ValidationTarget withAccessToken(Secret token) {
        return new ValidationTarget(host, warehouseId, credentials, statementTimeout, plainHttpForTesting, proxy,
                federated, token);
    }

    /**
     * Returns the secret the session signs in with, to scrub from messages: the access token, else the OAuth secret.
     *
     * @return the secret
     */
    public Secret signInSecret() {
        return accessToken != null ? accessToken : credentials.secret();
    }

    /**
     * Returns the warehouse's HTTP path, {@code /sql/1.0/warehouses/<id>}.
     *
     * @return the path
     */
    public String httpPath() {
        return "/sql/1.0/warehouses/" + warehouseId;
    }

    /**
     * Returns the port to connect to: the URL's, or the scheme's default.
     *
     * @return the port
     */
    public int port() {
        if (host.getPort() > 0) {
            return host.getPort();
        }
        return "http".equalsIgnoreCase(host.getScheme()) ? 80 : 443;
    }

    @Override
    public String toString() {
        return "ValidationTarget[host=" + host + ", warehouseId=" + warehouseId + ", principal=" + clientId()
                + (federated != null ? ", sign-in=token exchange" : ", sign-in=OAuth M2M")
                + (accessToken != null ? ", accessToken=" + Secret.MASK : "") + "]";
    }
}
