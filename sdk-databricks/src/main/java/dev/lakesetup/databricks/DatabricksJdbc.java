package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.databricks.internal.DriverManagerDataSource;
import dev.lakesetup.databricks.internal.JdbcDriver;
import dev.lakesetup.databricks.internal.JdbcUrl;
import dev.lakesetup.databricks.internal.Loopback;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Builds the connection URL of the Databricks JDBC driver (databricks-jdbc) for a SQL warehouse, with a personal
 * access token or OAuth machine-to-machine credentials, and a {@link DataSource} over it.
 *
 * <pre>{@code
 * DatabricksJdbc jdbc = DatabricksJdbc.builder()
 *     .host("adb-123.4.azuredatabricks.net").warehouseId("abc123").pat(token).build();
 * try (PooledDataSource pool = jdbc.dataSource()) {
 *     SqlExecutor sql = workspace.sqlExecutor(pool);
 *     // plan and apply
 * }
 * }</pre>
 *
 * <p>{@link #dataSource()} is a pool ({@link PooledDataSource}, at most {@link Builder#poolSize(int)} connections)
 * that reuses the driver's SQL sessions; {@link #unpooledDataSource()} opens a connection per call, for a pool of
 * your own.
 *
 * <p>The driver's own retries on 503 and 429 are turned off ({@code TemporarilyUnavailableRetry=0;RateLimitRetry=0})
 * because lakesetup's retry policy owns retrying; {@link Builder#driverRetries()} turns them back on. With
 * {@link Builder#credentialsInProperties()} the credentials stay out of the URL, which drivers and pools like to log,
 * and travel in {@link #properties()} instead. The driver is an optional dependency of this module, not needed to
 * compile: add {@code com.databricks:databricks-jdbc} (and {@code com.zaxxer:HikariCP} for {@link #dataSource()});
 * {@link #dataSource()} finds the driver through {@link java.sql.DriverManager} at run time, on the class path or
 * as the automatic module {@code databricks.jdbc}, and fails with the coordinates to add when it is missing. The URL
 * and properties need no driver. {@code toString()} masks the token, the OAuth secret and every property whose name
 * says password, secret, token or key.
 *
 * <p>TLS is always on ({@code ssl=1}) except for a loopback host in {@link Builder#plainHttpForTesting()}, and the
 * driver's own logging is pinned off ({@code LogLevel=OFF}): at DEBUG or TRACE the driver logs request headers,
 * the {@code Authorization} value included. {@link Builder#property} refuses {@code ssl}, {@code LogLevel} and
 * {@code LogPath}.
 */
public final class DatabricksJdbc {
    /** Default pool size: the default concurrency of {@code Lakesetup}, one connection per change in flight. */
    static final int DEFAULT_POOL_SIZE = 8;
    /** Shorter than the warehouse keeps an unused session, so a pooled session is closed before it expires. */
    private static final Duration POOL_IDLE_TIMEOUT = Duration.ofMinutes(1);
    private static final String WITHOUT_DRIVER = "use DatabricksWorkspace.sqlExecutor(), which runs SQL through "
            + "the statement execution API without the driver";
    /** The driver's log level lakesetup pins: off, the driver's own default. */
    static final String DRIVER_LOG_LEVEL = "OFF";

    private final JdbcUrl url;
    private final int poolSize;

    private DatabricksJdbc(Builder builder) {
        this.url = new JdbcUrl(builder.host, builder.port, builder.properties, builder.credentialsInProperties);
        this.poolSize = builder.poolSize;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the JDBC URL, including the credentials unless they are kept in {@link #properties()}; hand it to the
     * driver only, never to a log.
     *
     * @return the URL
     */
    public String url() {
        return url.url();
    }

    /**
     * Returns the connection properties to pass with {@link #url()} to the driver: the credentials when
     * {@link Builder#credentialsInProperties()} is set, otherwise none. Hand them to the driver only.
     *
     * @return a new, mutable copy
     */
    public Properties properties() {
        return url.connectionProperties();
    }

    /**
     * Returns a new pool of driver connections of at most {@link Builder#poolSize(int)} connections, which opens
     * them on demand and reuses them: each {@code getConnection()} borrows an open SQL session instead of opening
     * one. Close it when done ({@link PooledDataSource#close()}), to end its sessions on the warehouse; each call
     * returns a new pool.
     *
     * @return the pool
     * @throws dev.lakesetup.core.exception.LakesetupException naming the dependency to add when the driver or HikariCP is not
     *     on the class path (both are optional dependencies of this module)
     */
    public PooledDataSource dataSource() {
        JdbcDriver.requireWithPool("DatabricksJdbc.dataSource()", WITHOUT_DRIVER);
        return new PooledDataSource(unpooledDataSource(), poolSize, POOL_IDLE_TIMEOUT);
    }

    /**
     * Returns a data source that opens a new driver connection per {@code getConnection()}, to wrap in a pool of
     * your own; {@link #dataSource()} is the pooled one.
     *
     * @return the data source, which holds no resources
     * @throws dev.lakesetup.core.exception.LakesetupException naming the dependency to add when the driver is not on the class
     *     path (an optional dependency of this module)
     */
    public DataSource unpooledDataSource() {
        JdbcDriver.require("DatabricksJdbc.unpooledDataSource()", WITHOUT_DRIVER);
        return new DriverManagerDataSource(url(), properties(), toString());
    }

    /**
     * Returns the most connections a pool from {@link #dataSource()} keeps open.
     *
     * @return the pool size
     */
    public int poolSize() {
        return poolSize;
    }

    /**
     * Returns the value of a driver property.
     *
     * @param name the property name, e.g. {@code httpPath}
     * @return the value, or {@code null} when not set; secrets are returned masked
     */
    public String property(String name) {
        return url.property(name);
    }

    /**
     * Returns the URL with every secret masked, followed by the credentials kept in the properties (masked too).
     *
     * @return the masked description
     */
    @Override
    public String toString() {
        return url.masked();
    }

    /** Configures a {@link DatabricksJdbc}. */
    public static final class Builder {
        private String host;
        private int port = 443;
        private boolean portSet;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private boolean credentials;
        private boolean credentialsInProperties;
        private int poolSize = DEFAULT_POOL_SIZE;
        private String scheme;
        private boolean plainHttpForTesting;

        private Builder() {
            properties.put("transportMode", "http");
            properties.put("ssl", "1");
            // lakesetup's retry policy owns retrying: the driver's own retries on 503 and 429 would multiply it
            properties.put("TemporarilyUnavailableRetry", "0");
            properties.put("RateLimitRetry", "0");
            // the driver's DEBUG and TRACE logs print request headers, credentials included
            properties.put("LogLevel", DRIVER_LOG_LEVEL);
        }

        /**
         * Sets the workspace host: a name such as {@code adb-123.4.azuredatabricks.net}, or a URL; a port in the
         * URL is kept. An {@code http://} URL is accepted only for a loopback host with
         * {@link #plainHttpForTesting()} ({@link #build()} checks it); TLS is never turned off for an https URL.
         *
         * @param host the host name or URL
         * @return this builder
         */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw InvalidInputException.of("JDBC host", host, "it is empty", "a host name or https URL");
            }
            String text = host.trim();
            if (text.contains("://")) {
                URI uri = URI.create(text);
                if (uri.getHost() == null) {
                    throw InvalidInputException.of("JDBC host", host, "it has no host name", "https://HOST[:PORT]");
                }
                boolean plain = "http".equalsIgnoreCase(uri.getScheme());
                if (!plain && !"https".equalsIgnoreCase(uri.getScheme())) {
                    throw InvalidInputException.of("JDBC host", host, "the scheme is not https", "https://HOST[:PORT]");
                }
                this.host = uri.getHost();
                this.scheme = plain ? "http" : "https";
                if (uri.getPort() > 0) {
                    port(uri.getPort());
                } else if (!portSet) {
                    this.port = plain ? 80 : 443;
                }
            } else {
                this.host = JdbcUrl.requireValue("JDBC host", text);
                this.scheme = null;
            }
            return this;
        }

        /**
         * Sets the port (443 by default).
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw InvalidInputException.of("JDBC port", Integer.toString(port), "it is out of range", "1..65535");
            }
            this.port = port;
            this.portSet = true;
            return this;
        }

        /**
         * Connects to a SQL warehouse: {@code httpPath=/sql/1.0/warehouses/ID}.
         *
         * @param warehouseId the warehouse id
         * @return this builder
         */
        public Builder warehouseId(String warehouseId) {
            if (warehouseId == null || !warehouseId.matches("[A-Za-z0-9]{1,64}")) {
                throw InvalidInputException.of("warehouse id", warehouseId, "it is not a warehouse id",
                        "1 to 64 letters and digits");
            }
            properties.put("httpPath", "/sql/1.0/warehouses/" + warehouseId);
            return this;
        }

        /**
         * Authenticates with a personal access token ({@code AuthMech=3}).
         *
         * @param token the token
         * @return this builder
         */
        public Builder pat(String token) {
            JdbcUrl.requireSecret("personal access token", token);
            properties.keySet().removeAll(Set.of("Auth_Flow", "OAuth2ClientId", "OAuth2Secret"));
            properties.put("AuthMech", "3");
            properties.put("UID", "token");
            properties.put("PWD", token);
            credentials = true;
            return this;
        }

        /**
         * Authenticates as a service principal with OAuth machine-to-machine ({@code AuthMech=11;Auth_Flow=1}).
         *
         * @param clientId the application id
         * @param clientSecret the OAuth secret
         * @return this builder
         */
        public Builder oauthM2m(String clientId, String clientSecret) {
            JdbcUrl.requireValue("OAuth client id", clientId);
            JdbcUrl.requireSecret("OAuth client secret", clientSecret);
            properties.keySet().removeAll(Set.of("UID", "PWD"));
            properties.put("AuthMech", "11");
            properties.put("Auth_Flow", "1");
            properties.put("OAuth2ClientId", clientId);
            properties.put("OAuth2Secret", clientSecret);
            credentials = true;
            return this;
        }

        /**
         * Sends the driver's requests through an HTTP proxy ({@code UseProxy=1;ProxyHost;ProxyPort}), with HTTP
         * Basic proxy authentication when the proxy has credentials ({@code ProxyAuth=1;ProxyUID;ProxyPwd}). The
         * password is masked like the other secrets and moves to {@link #properties()} with
         * {@link #credentialsInProperties()}.
         *
         * @param proxy the proxy
         * @return this builder
         */
        public Builder proxy(HttpProxy proxy) {
            InvalidInputException.requireNonNull(proxy, "proxy");
            properties.keySet().removeAll(Set.of("ProxyAuth", "ProxyUID", "ProxyPwd"));
            properties.put("UseProxy", "1");
            properties.put("ProxyHost", JdbcUrl.requireValue("proxy host", proxy.host()));
            properties.put("ProxyPort", Integer.toString(proxy.port()));
            if (proxy.hasCredentials()) {
                JdbcUrl.requireValue("proxy user name", proxy.username());
                JdbcUrl.requireSecret("proxy password", proxy.password().reveal());
                properties.put("ProxyAuth", "1");
                properties.put("ProxyUID", proxy.username());
                properties.put("ProxyPwd", proxy.password().reveal());
            }
            return this;
        }

        /**
         * Makes the driver use the Statement Execution REST API instead of Thrift ({@code UseThriftClient=0}).
         *
         * @return this builder
         */
        public Builder statementExecutionApi() {
            properties.put("UseThriftClient", "0");
            return this;
        }

        /**
         * Keeps the credentials (auth mechanism, user, token, OAuth client id and secret) out of {@link #url()}:
         * they travel in {@link DatabricksJdbc#properties()}, which {@link DatabricksJdbc#dataSource()} passes to
         * the driver.
         *
         * @return this builder
         */
        public Builder credentialsInProperties() {
            this.credentialsInProperties = true;
            return this;
        }

        /**
         * Leaves the driver's own retries on 503 and 429 at the driver's defaults (lakesetup turns them off by
         * default, because its retry policy owns retrying); for callers that do not retry themselves.
         *
         * @return this builder
         */
        public Builder driverRetries() {
            properties.remove("TemporarilyUnavailableRetry");
            properties.remove("RateLimitRetry");
            return this;
        }

        /**
         * Test mode for a local fake served over plain HTTP on a loopback host ({@code localhost},
         * {@code 127.x.y.z}, {@code ::1}): {@code ssl=0} (unless the host was given as an https URL), the Statement
         * Execution API ({@code UseThriftClient=0}), and token federation, cloud-fetch result download and telemetry
         * off. {@link #build()} refuses it for any other host.
         *
         * @return this builder
         */
        public Builder plainHttpForTesting() {
            this.plainHttpForTesting = true;
            properties.put("UseThriftClient", "0");
            properties.put("EnableTokenFederation", "0");
            properties.put("EnableQueryResultDownload", "0");
            properties.put("EnableTelemetry", "0");
            return this;
        }

        /**
         * Sets the most connections (SQL sessions) a pool from {@link DatabricksJdbc#dataSource()} keeps open; 8 by
         * default, matching {@code Lakesetup}'s default concurrency. Set it to the concurrency the data source
         * serves: with fewer connections than changes in flight, the rest wait for a free one.
         *
         * @param poolSize 1 to 64
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1 || poolSize > 64) {
                throw InvalidInputException.of("JDBC pool size", Integer.toString(poolSize), "it is out of range",
                        "1..64");
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Sets any other driver property, e.g. {@code EnableTelemetry=0}. A property whose name says password,
         * secret, token or key is treated as a secret: masked in {@code toString()} and errors.
         *
         * @param name the property name; not {@code ssl} (TLS is always on, except in
         *     {@link #plainHttpForTesting()}), nor {@code LogLevel} or {@code LogPath} (the driver's DEBUG and
         *     TRACE logs print credentials, so lakesetup pins its logging off)
         * @param value its value, without {@code ;}
         * @return this builder
         */
        public Builder property(String name, String value) {
            JdbcUrl.requireValue("JDBC property name", name);
            if (name.contains("=")) {
                throw InvalidInputException.of("JDBC property name", name, "contains '='", "a name without ';' or '='");
            }
            if (JdbcUrl.isPinned(name)) {
                throw InvalidInputException.of("JDBC property name", name, "lakesetup pins it: TLS stays on and the "
                        + "driver's own logging, which prints credentials at DEBUG and TRACE, stays off",
                        "any other driver property");
            }
            if (JdbcUrl.isSecret(name)) {
                JdbcUrl.requireSecret("JDBC property " + name, value);
            } else {
                JdbcUrl.requireValue("JDBC property " + name, value);
            }
            properties.put(name, value);
            return this;
        }

        /**
         * Builds the URL holder.
         *
         * @return the configuration
         * @throws IllegalStateException when the host, HTTP path or credentials are missing
         */
        public DatabricksJdbc build() {
            if (host == null) {
                throw new IllegalStateException("DatabricksJdbc needs a host");
            }
            if (!properties.containsKey("httpPath")) {
                throw new IllegalStateException("DatabricksJdbc needs a warehouse id (httpPath)");
            }
            if (!credentials) {
                throw new IllegalStateException("DatabricksJdbc needs credentials: pat(..), oauthM2m(..) or oauthToken(..)");
            }
            Loopback.requireAllowed("JDBC host", scheme == null ? host : scheme + "://" + host, "http".equals(scheme),
                    host, plainHttpForTesting);
            properties.put("ssl", plainHttpForTesting && !"https".equals(scheme) ? "0" : "1");
            if ("0".equals(properties.get("ssl")) && !"0".equals(properties.get("UseThriftClient"))) {
                // only a local fake serves plain http, and it speaks the Statement Execution API, not Thrift
                throw new IllegalStateException("DatabricksJdbc over plain http (host " + host + ":" + port
                        + ") needs the Statement Execution API (UseThriftClient=0), which plainHttpForTesting() "
                        + "sets for a local fake workspace");
            }
            return new DatabricksJdbc(this);
        }

        /**
         * Authenticates with an OAuth access token the caller already holds, passed through to the service
         * ({@code AuthMech=11;Auth_Flow=0;Auth_AccessToken}): e.g. the token a service principal got by token
         * exchange with a federation policy. The driver does not refresh it: the connection works while it is valid.
         *
         * @param accessToken the Databricks OAuth access token
         * @return this builder
         */
        public Builder oauthToken(String accessToken) {
            JdbcUrl.requireSecret("OAuth access token", accessToken);
            properties.keySet().removeAll(Set.of("UID", "PWD", "OAuth2ClientId", "OAuth2Secret"));
            properties.put("AuthMech", "11");
            properties.put("Auth_Flow", "0");
            properties.put("Auth_AccessToken", accessToken);
            credentials = true;
            return this;
        }
    }
}
