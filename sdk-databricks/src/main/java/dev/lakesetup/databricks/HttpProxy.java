package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.internal.ProxySettings;
import java.util.Optional;

/**
 * An HTTP forward proxy that every request of a connection goes through, optionally with a user name and password
 * (HTTP Basic proxy authentication). The same value configures lakesetup's own HTTP client, the Databricks JDBC
 * driver ({@link DatabricksJdbc.Builder#proxy(HttpProxy)}) and, in {@code sdk-azure}, the Azure clients.
 *
 * <pre>{@code
 * HttpProxy proxy = HttpProxy.of("proxy.corp.example", 3128).withCredentials("svc-lakesetup", proxyPassword);
 * DatabricksWorkspace workspace = DatabricksWorkspace.fromEnvironment().proxy(proxy).build();
 * }</pre>
 *
 * <p>{@code toString()} masks the password; it never reaches a log line or an exception message.
 *
 * @param host the proxy's host name or IP address
 * @param port the proxy's port, 1 to 65535
 * @param username the user name for proxy authentication, or {@code null} without authentication
 * @param password the password, present exactly when a user name is
 */
public record HttpProxy(String host, int port, String username, Secret password) {

    /**
     * Checks the host, the port and that a user name and a password come together.
     *
     * @param host the proxy's host name or IP address
     * @param port the proxy's port, 1 to 65535
     * @param username the user name for proxy authentication, or {@code null} without authentication
     * @param password the password, present exactly when a user name is
     */
    public HttpProxy {
        host = checkHost(host);
        if (port < 1 || port > 65535) {
            throw InvalidInputException.of("proxy port", Integer.toString(port), "it is out of range",
                    "a TCP port from 1 to 65535");
        }
        if (username != null && (username.isEmpty() || username.indexOf(':') >= 0 || !printable(username))) {
            throw InvalidInputException.of("proxy user name", username, "it is empty or contains ':' or a control "
                    + "character", "a non-empty user name without ':' (HTTP Basic authentication)");
        }
        if ((username == null) != (password == null)) {
            throw InvalidInputException.of("proxy credentials", username, "a user name needs a password and a "
                    + "password needs a user name", "both, or neither");
        }
    }

    /**
     * Returns a proxy without authentication.
     *
     * @param host the proxy's host name or IP address, without a scheme
     * @param port the proxy's port
     * @return the proxy
     */
    public static HttpProxy of(String host, int port) {
        return new HttpProxy(host, port, null, null);
    }

    /**
     * Returns this proxy with a user name and password for HTTP Basic proxy authentication.
     *
     * @param username the user name
     * @param password the password
     * @return a new proxy value
     */
    public HttpProxy withCredentials(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.ofSecret("proxy password", "it is empty", "a non-empty password");
        }
        return new HttpProxy(host, port, username, Secret.of(password));
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
     * Returns the value of the {@code Proxy-Authorization} header (HTTP Basic), for clients that send it themselves.
     *
     * @return the header value, or empty without credentials
     */
    public Optional<String> basicAuthorization() {
        return settings().basicAuthorization();
    }

    @Override
    public String toString() {
        return settings().toString();
    }

    /**
     * Converts a proxy to the value the internal transport code takes: the one place the public value crosses into
     * {@code internal}.
     *
     * @param proxy the proxy, or {@code null} for none of lakesetup's own
     * @return the internal value, or {@code null} for {@code null}
     */
    static ProxySettings settingsOf(HttpProxy proxy) {
        return proxy == null ? null : proxy.settings();
    }

    private ProxySettings settings() {
        return new ProxySettings(host, port, username, password);
    }

    private static String checkHost(String host) {
        String accepted = "a host name or IP address without scheme, port or path, e.g. proxy.corp.example";
        if (host == null || host.isBlank()) {
            throw InvalidInputException.of("proxy host", host, "it is empty", accepted);
        }
        String text = host.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv6 && !text.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
            throw InvalidInputException.of("proxy host", host, "it is not a host name", accepted);
        }
        return text;
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }
}
