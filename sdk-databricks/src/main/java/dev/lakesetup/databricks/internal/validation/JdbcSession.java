package dev.lakesetup.databricks.internal.validation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session through the Databricks JDBC driver, found through {@link DriverManager} (lakesetup compiles against
 * no driver class), authenticated with OAuth M2M as the service principal.
 */
public final class JdbcSession implements PrincipalSession {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);
    /** The driver's JVM-wide switch that keeps a non-443 port for its OAuth and API calls; test mode only. */
    static final String FAKE_SERVICE_PROPERTY = "isFakeServiceTest";

    private final Connection connection;
    private final int timeoutSeconds;
    private final SecretScrubber scrubber;

    private JdbcSession(Connection connection, int timeoutSeconds, SecretScrubber scrubber) {
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
        this.scrubber = scrubber;
    }

    /**
     * Opens a connection as the service principal.
     *
     * @param target where and as whom to connect
     * @return the session
     * @throws CheckFailedException with the driver's message when the connection or sign-in fails
     */
    public static JdbcSession open(ValidationTarget target) {
        SecretScrubber scrubber = new SecretScrubber(target.credentials().secret());
        JdbcUrl url = url(target);
        if (target.plainHttpForTesting() && target.port() != 443) {
            System.setProperty(FAKE_SERVICE_PROPERTY, "true");
        }
        LOG.debug("connecting over JDBC to {}", url);
        try {
            Connection connection = DriverManager.getConnection(url.url(), url.properties());
            int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, target.statementTimeout().toSeconds()));
            return new JdbcSession(connection, seconds, scrubber);
        } catch (SQLException | RuntimeException e) {
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    static JdbcUrl url(ValidationTarget target) {
        JdbcUrl.Builder url = JdbcUrl.builder().host(target.host().getHost()).port(target.port())
                .httpPath(target.httpPath())
                .oauthM2m(target.credentials().clientId().toString(), target.credentials().secret());
        if (target.plainHttpForTesting()) {
            url.option("ssl", "0").option("UseThriftClient", "0").option("EnableTokenFederation", "0")
                    .option("EnableQueryResultDownload", "0").option("EnableTelemetry", "0");
        }
        return url.build();
    }

    @Override
    public long query(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rows = statement.executeQuery(sql)) {
                long count = 0;
                while (rows.next()) {
                    count++;
                }
                return count;
            }
        } catch (SQLException | RuntimeException e) {
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing the validation connection failed: {}", scrubber.describe(e));
        }
    }
}
