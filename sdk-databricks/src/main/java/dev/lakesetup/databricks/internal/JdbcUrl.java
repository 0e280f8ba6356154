package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Databricks JDBC URL and what it may show: the URL for the driver (credentials in it or in the connection
 * properties), the same with every secret masked for people, and the rules that tell secrets, credentials and the
 * properties lakesetup pins from the others. Immutable.
 */
public final class JdbcUrl {
    private static final Set<String> SECRET_KEYS = Set.of("pwd", "password", "oauth2secret", "auth_accesstoken",
            "oauth2refreshtoken", "proxypwd");
    private static final Set<String> AUTH_KEYS = Set.of("authmech", "uid", "auth_flow", "oauth2clientid");
    /** Words that make a property name a secret's: its value is masked wherever lakesetup shows it. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pwd|password|secret|token|key|passphrase).*");
    /**
     * Properties lakesetup sets itself and refuses from callers: TLS, and the driver's own logging, which at DEBUG or
     * TRACE prints request headers ({@code Authorization: Basic}, bearer tokens).
     */
    private static final Set<String> PINNED = Set.of("ssl", "loglevel", "logpath");

    private final String host;
    private final int port;
    private final Map<String, String> properties;
    private final boolean credentialsInProperties;

    /**
     * Holds a URL's parts.
     *
     * @param host the host
     * @param port the port
     * @param properties the driver properties, in URL order
     * @param credentialsInProperties whether the credentials travel as connection properties instead of in the URL
     */
    public JdbcUrl(String host, int port, Map<String, String> properties, boolean credentialsInProperties) {
        this.host = host;
        this.port = port;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.credentialsInProperties = credentialsInProperties;
    }

    /**
     * Returns the URL for the driver, with the credentials unless they travel as properties.
     *
     * @return the URL
     */
    public String url() {
        return render(false, !credentialsInProperties);
    }

    /**
     * Returns the connection properties for the driver: the credentials when they travel as properties, else none.
     *
     * @return a new, mutable copy
     */
    public Properties connectionProperties() {
        Properties out = new Properties();
        if (credentialsInProperties) {
            properties.forEach((key, value) -> {
                if (isCredential(key)) {
                    out.setProperty(key, value);
                }
            });
        }
        return out;
    }

    /**
     * Returns a property's value, masked when it is a secret.
     *
     * @param name the property name
     * @return the value, or {@code null} when not set
     */
    public String property(String name) {
        String value = properties.get(name);
        return value != null && isSecret(name) ? Secret.MASK : value;
    }

    /**
     * Returns the URL with every secret masked, followed by the credentials kept in the properties (masked too).
     *
     * @return the masked description
     */
    public String masked() {
        if (!credentialsInProperties) {
            return render(true, true);
        }
        StringBuilder out = new StringBuilder(render(true, false)).append(" (properties:");
        properties.forEach((key, value) -> {
            if (isCredential(key)) {
                out.append(' ').append(key).append('=').append(isSecret(key) ? Secret.MASK : value);
            }
        });
        return out.append(')').toString();
    }

    private String render(boolean masked, boolean withCredentials) {
        StringBuilder out = new StringBuilder("jdbc:databricks://").append(host).append(':').append(port)
                .append("/default");
        properties.forEach((key, value) -> {
            if (withCredentials || !isCredential(key)) {
                out.append(';').append(key).append('=').append(masked && isSecret(key) ? Secret.MASK : value);
            }
        });
        return out.toString();
    }

    /**
     * Tells whether a property holds a secret, which is masked wherever lakesetup shows it.
     *
     * @param key the property name
     * @return {@code true} for a secret
     */
    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT)) || SECRET_NAME.matcher(key).matches();
    }

    /**
     * Tells whether a property is part of the credentials (which may travel as connection properties).
     *
     * @param key the property name
     * @return {@code true} for a credential
     */
    public static boolean isCredential(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(lower) || AUTH_KEYS.contains(lower);
    }

    /**
     * Tells whether lakesetup pins a property itself (TLS and the driver's logging) and refuses it from callers.
     *
     * @param key the property name
     * @return {@code true} when pinned
     */
    public static boolean isPinned(String key) {
        return PINNED.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a property value: not empty, without the {@code ;} that separates URL properties.
     *
     * @param field the field, for the message
     * @param value the value
     * @return the value
     */
    public static String requireValue(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw InvalidInputException.of(field, value, "it is empty", "a non-empty value without ';'");
        }
        if (value.indexOf(';') >= 0) {
            throw InvalidInputException.of(field, value, "contains ';', which separates URL properties",
                    "a value without ';'");
        }
        return value;
    }

    /**
     * Checks a secret property value as {@link #requireValue} does, without showing it in the message.
     *
     * @param field the field, for the message
     * @param value the secret
     */
    public static void requireSecret(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw InvalidInputException.ofSecret(field, "it is empty", "a non-empty secret");
        }
        if (value.indexOf(';') >= 0) {
            throw InvalidInputException.ofSecret(field, "contains ';', which separates URL properties",
                    "a secret without ';'");
        }
    }
}
