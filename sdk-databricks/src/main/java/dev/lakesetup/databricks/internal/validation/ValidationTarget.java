package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.databricks.internal.ProxySettings;
import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom validation connects. {@code toString()} shows no secret ({@link OAuthCredentials} masks it).
 *
 * @param host the workspace URL, scheme and host, maybe a port
 * @param warehouseId the SQL warehouse id
 * @param credentials the service principal's OAuth M2M credentials
 * @param statementTimeout how long one statement may run
 * @param plainHttpForTesting whether the test-only plain-HTTP switches are on
 * @param proxy the proxy lakesetup's own HTTP client goes through, or {@code null} for the JVM's default
 */
public record ValidationTarget(URI host, String warehouseId, OAuthCredentials credentials, Duration statementTimeout,
        boolean plainHttpForTesting, ProxySettings proxy) {

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
        this(host, warehouseId, credentials, statementTimeout, plainHttpForTesting, null);
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
}
