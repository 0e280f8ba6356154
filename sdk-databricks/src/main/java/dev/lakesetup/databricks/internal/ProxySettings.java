package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The proxy lakesetup's own HTTP client goes through, as the internal code sees it. The public {@code HttpProxy}
 * checks the user's input and converts to this value at the facade, so code in this package never depends on the
 * public package.
 *
 * <p>{@code toString()} masks the password and reads like the public value's, since it is what the user configured.
 *
 * @param host the proxy's host name or IP address, already checked
 * @param port the proxy's port, 1 to 65535
 * @param username the user name for proxy authentication, or {@code null} without authentication
 * @param password the password, present exactly when a user name is
 */
public record ProxySettings(String host, int port, String username, Secret password) {

    /**
     * Keeps the values as given: the public {@code HttpProxy} has checked them already.
     *
     * @param host the proxy's host name or IP address, already checked
     * @param port the proxy's port, 1 to 65535
     * @param username the user name for proxy authentication, or {@code null} without authentication
     * @param password the password, present exactly when a user name is
     */
    public ProxySettings {
        if (host == null || (username == null) != (password == null)) {
            throw new IllegalArgumentException("a proxy needs a host, and a user name exactly with a password");
        }
    }

    /**
     * Tells whether requests carry proxy credentials.
     *
     * @return {@code true} with a user name and password
     */
    public boolean hasCredentials() {
        return username != null;
    }

    /**
     * Returns the value of the {@code Proxy-Authorization} header (HTTP Basic).
     *
     * @return the header value, or empty without credentials
     */
    public Optional<String> basicAuthorization() {
        if (username == null) {
            return Optional.empty();
        }
        String pair = username + ":" + password.reveal();
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "HttpProxy[" + host + ":" + port + (username == null ? "" : ", user " + username + ", password "
                + Secret.MASK) + "]";
    }
}
