package dev.lakesetup.databricks;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Secret;
import java.util.Optional;

/**
 * What a vendor needs to connect to the customer's warehouse once setup is done: hostname, HTTP path, port,
 * catalog, and the service principal's OAuth client id and secret. {@code toString()} masks the secret; call
 * {@code oauthSecret().map(Secret::reveal)} where it must leave the process.
 *
 * @param hostname the workspace host name, without scheme, e.g. {@code adb-123.4.azuredatabricks.net}
 * @param httpPath the warehouse's HTTP path, e.g. {@code /sql/1.0/warehouses/abc123}; empty when no warehouse
 * @param port the port, 443 unless the workspace says otherwise
 * @param catalog the catalog the vendor should use
 * @param clientId the service principal's application id, when known
 * @param secret the OAuth secret issued during this run, when one was
 */
public record ConnectionDetails(String hostname, String httpPath, int port, CatalogName catalog,
        ApplicationId clientId, Secret secret) {

    /** Validates the components; {@code clientId} and {@code secret} may be {@code null}. */
    public ConnectionDetails {
        InvalidInputException.requireNonNull(hostname, "hostname");
        InvalidInputException.requireNonNull(httpPath, "HTTP path");
        InvalidInputException.requireNonNull(catalog, "catalog");
        if (port < 1 || port > 65_535) {
            throw InvalidInputException.of("port", Integer.toString(port), "it is out of range", "1 to 65535");
        }
    }

    /**
     * Returns the OAuth client id, when the principal's application id is known.
     *
     * @return the client id
     */
    public Optional<ApplicationId> oauthClientId() {
        return Optional.ofNullable(clientId);
    }

    /**
     * Returns the OAuth secret issued in this run; empty when the principal already had one (lakesetup never
     * stores secrets, so it cannot hand over an old one).
     *
     * @return the secret
     */
    public Optional<Secret> oauthSecret() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String toString() {
        return "ConnectionDetails[hostname=" + hostname + ", httpPath=" + httpPath + ", port=" + port
                + ", catalog=" + catalog + ", clientId=" + clientId + ", secret="
                + (secret == null ? "(not issued in this run)" : Secret.MASK) + "]";
    }
}
