package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.apply.RateLimiter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session through the Databricks JDBC driver, authenticated as the service principal with OAuth M2M or with the
 * access token of a token exchange passed through. The caller
 * says how to reach the driver (a data source over {@link java.sql.DriverManager}: lakesetup compiles against no
 * driver class); this class opens, runs and closes the session.
 */
public final class JdbcSession implements PrincipalSession {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);
    /** The driver's JVM-wide switch that keeps a non-443 port for its OAuth and API calls; test mode only. */
    static final String FAKE_SERVICE_PROPERTY = "isFakeServiceTest";
    private static final Object FAKE_SERVICE_LOCK = new Object();
    private static int fakeServiceSessions;
    private static String fakeServiceBefore;

    private final Connection connection;
    private final int timeoutSeconds;
    private final SecretScrubber scrubber;
    private final boolean fakeService;
    private final RateLimiter limiter;

    private JdbcSession(Connection connection, int timeoutSeconds, SecretScrubber scrubber, boolean fakeService,
            RateLimiter limiter) {
        this.limiter = limiter;
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
        this.scrubber = scrubber;
        this.fakeService = fakeService;
    }

    /**
     * Opens a connection as the service principal.
     *
     * @param target where and as whom to connect
     * @param limiter gives each statement a permit, as the SQL executor's statements take one (the driver's own
     *     requests are out of sight)
     * @param connection builds the data source for the target; called once, and what it throws (a credential the
     *     driver URL cannot carry) is reported like a failed connection
     * @return the session
     * @throws CheckFailedException with the driver's message when the connection or sign-in fails
     */
    public static JdbcSession open(ValidationTarget target, RateLimiter limiter, Supplier<DataSource> connection) {
        SecretScrubber scrubber = new SecretScrubber(target.signInSecret());
        boolean fakeService = target.plainHttpForTesting() && target.port() != 443;
        boolean entered = false;
        try {
            DataSource source = connection.get();
            if (fakeService) {
                enterFakeService();
                entered = true;
            }
            LOG.debug("connecting over JDBC to {}", source);
            Connection opened = source.getConnection();
            int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, target.statementTimeout().toSeconds()));
            return new JdbcSession(opened, seconds, scrubber, fakeService, limiter);
        } catch (SQLException | RuntimeException e) {
            // only a session that entered leaves: the URL can be refused before (a secret with ';')
            if (entered) {
                leaveFakeService();
            }
            throw new CheckFailedException(scrubber.describe(e));
        }
    }

    /**
     * Sets the driver's JVM-wide test switch while at least one test-mode session is open, remembering the value it
     * had before; the driver reads it on every request, so it stays set until the session closes.
     */
    private static void enterFakeService() {
        synchronized (FAKE_SERVICE_LOCK) {
            if (fakeServiceSessions++ == 0) {
                fakeServiceBefore = System.getProperty(FAKE_SERVICE_PROPERTY);
                System.setProperty(FAKE_SERVICE_PROPERTY, "true");
            }
        }
    }

    /** Restores the driver's test switch to its value before the first open test-mode session. */
    private static void leaveFakeService() {
        synchronized (FAKE_SERVICE_LOCK) {
            if (--fakeServiceSessions == 0) {
                if (fakeServiceBefore == null) {
                    System.clearProperty(FAKE_SERVICE_PROPERTY);
                } else {
                    System.setProperty(FAKE_SERVICE_PROPERTY, fakeServiceBefore);
                }
            }
        }
    }

    @Override
    public long query(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            limiter.acquire();
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
        } finally {
            if (fakeService) {
                leaveFakeService();
            }
        }
    }
}
