package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.model.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A Databricks JDBC connection string and its connection properties. Options go into the URL; the OAuth client
 * id and secret go into the properties only, so the URL, which drivers and pools like to log, never carries the
 * secret. {@code toString()} masks the secret.
 */
final class JdbcUrl {
    private final String host;
    private final int port;
    private final Map<String, String> options;
    private final String clientId;
    private final Secret secret;

    private JdbcUrl(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(builder.options));
        this.clientId = builder.clientId;
        this.secret = builder.secret;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The connection string, without credentials. */
    String url() {
        StringBuilder out = new StringBuilder("jdbc:databricks://").append(host).append(':').append(port)
                .append("/default");
        options.forEach((key, value) -> out.append(';').append(key).append('=').append(value));
        return out.toString();
    }

    /** The connection properties, with the OAuth M2M credentials in them. */
    Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("AuthMech", "11");
        properties.setProperty("Auth_Flow", "1");
        properties.setProperty("OAuth2ClientId", clientId);
        properties.setProperty("OAuth2Secret", secret.reveal());
        return properties;
    }

    /** Tells whether an option was set, with the given value. */
    boolean has(String key, String value) {
        return value.equals(options.get(key));
    }

    @Override
    public String toString() {
        return url() + " (AuthMech=11;Auth_Flow=1;OAuth2ClientId=" + clientId + ";OAuth2Secret=" + Secret.MASK + ")";
    }

    /** Collects the parts of a connection string. */
    static final class Builder {
        private String host;
        private int port = 443;
        private final Map<String, String> options = new LinkedHashMap<>();
        private String clientId;
        private Secret secret;

        private Builder() {
            options.put("transportMode", "http");
            options.put("ssl", "1");
        }

        Builder host(String value) {
            this.host = value;
            return this;
        }

        Builder port(int value) {
            this.port = value;
            return this;
        }

        Builder httpPath(String value) {
            return option("httpPath", value);
        }

        Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        Builder oauthM2m(String id, Secret value) {
            this.clientId = id;
            this.secret = value;
            return this;
        }

        JdbcUrl build() {
            return new JdbcUrl(this);
        }
    }
}
