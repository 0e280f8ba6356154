package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.WarehousePermission;
import java.net.URI;
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
    private static final int HTTPS_PORT = 443;


    /**
     * Validates the components; {@code clientId} and {@code secret} may be {@code null}.
     *
     * @param hostname the workspace host name, without scheme, e.g. {@code adb-123.4.azuredatabricks.net}
     * @param httpPath the warehouse's HTTP path, e.g. {@code /sql/1.0/warehouses/abc123}; empty when no warehouse
     * @param port the port, 443 unless the workspace says otherwise
     * @param catalog the catalog the vendor should use
     * @param clientId the service principal's application id, when known
     * @param secret the OAuth secret issued during this run, when one was
     */
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

    /**
     * Starts connection details for a workspace: host name and port are taken from its URL (443 unless the URL
     * names another port).
     *
     * @param workspace the workspace the vendor connects to
     * @param catalog the catalog the vendor should use
     * @return a builder
     */
    public static Builder builder(DatabricksWorkspace workspace, CatalogName catalog) {
        URI uri = URI.create(InvalidInputException.requireNonNull(workspace, "workspace").host());
        return new Builder(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : HTTPS_PORT,
                InvalidInputException.requireNonNull(catalog, "catalog"));
    }

    /**
     * Returns a builder holding these details, to derive changed copies.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(hostname, port, catalog).httpPath(httpPath).clientId(clientId).secret(secret);
    }

    /** Collects connection details; the host, port and catalog are set when it is created. */
    public static final class Builder {
        private final String hostname;
        private final int port;
        private final CatalogName catalog;
        private String httpPath = "";
        private ApplicationId clientId;
        private Secret secret;

        private Builder(String hostname, int port, CatalogName catalog) {
            this.hostname = hostname;
            this.port = port;
            this.catalog = catalog;
        }

        /**
         * Sets the HTTP path of the SQL warehouse to use.
         *
         * @param warehouseId the warehouse id
         * @return this builder
         */
        public Builder warehouse(String warehouseId) {
            return httpPath("/sql/1.0/warehouses/" + WarehousePermission.requireWarehouseId(warehouseId));
        }

        /**
         * Sets the HTTP path; empty when no warehouse is involved.
         *
         * @param httpPath the path
         * @return this builder
         */
        public Builder httpPath(String httpPath) {
            this.httpPath = InvalidInputException.requireNonNull(httpPath, "HTTP path");
            return this;
        }

        /**
         * Sets the OAuth client id (the principal's application id).
         *
         * @param clientId the id, or {@code null} when unknown
         * @return this builder
         */
        public Builder clientId(ApplicationId clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the OAuth secret issued in this run.
         *
         * @param secret the secret, or {@code null} when none was issued
         * @return this builder
         */
        public Builder secret(Secret secret) {
            this.secret = secret;
            return this;
        }

        /**
         * Builds the details.
         *
         * @return the connection details
         */
        public ConnectionDetails build() {
            return new ConnectionDetails(hostname, httpPath, port, catalog, clientId, secret);
        }
    }

    @Override
    public String toString() {
        return "ConnectionDetails[hostname=" + hostname + ", httpPath=" + httpPath + ", port=" + port
                + ", catalog=" + catalog + ", clientId=" + clientId + ", secret="
                + (secret == null ? "(not issued in this run)" : Secret.MASK) + "]";
    }
}
