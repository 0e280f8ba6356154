package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.apply.RateLimiter;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements over a {@link DataSource}, one connection per unit of work, and turns every {@link SQLException}
 * into a classified {@link ServiceException} at this boundary. Every statement gets a query timeout, and a query
 * that returns more than {@value #MAX_ROWS} rows fails fatally instead of filling the memory. This is the transport
 * of the SQL executor: every statement takes one permit of the rate limiter it was given before it is sent (the
 * driver's own requests are out of sight, so the statement is the unit).
 */
public final class Jdbc implements SqlSessions {
    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    private static final Pattern NOT_FOUND = Pattern.compile(
            "(?i)(NO_SUCH_\\w+|\\w+_NOT_FOUND|(?<!PRINCIPAL)_DOES_NOT_EXIST|\\bNOT_FOUND\\b|does not exist|cannot be found)");

    /** The most rows one query may return: far above any read of lakesetup's. */
    static final int MAX_ROWS = 1_000_000;

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final int maxRows;
    private final RateLimiter limiter;

    /**
     * Wraps a data source.
     *
     * @param dataSource where connections come from
     * @param timeoutSeconds the query timeout of every statement, in seconds (at least 1)
     * @param limiter gives one permit before each statement
     */
    public Jdbc(DataSource dataSource, int timeoutSeconds, RateLimiter limiter) {
        this(dataSource, timeoutSeconds, MAX_ROWS, limiter);
    }

    /** Wraps a data source with a lower row cap, for tests. */
    Jdbc(DataSource dataSource, int timeoutSeconds, int maxRows, RateLimiter limiter) {
        this.limiter = limiter;
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
        this.maxRows = maxRows;
    }

    /**
     * Tells whether a failure's text says the object does not exist.
     *
     * @param text the messages
     * @return {@code true} for a missing object
     */
    static boolean saysNotFound(String text) {
        return NOT_FOUND.matcher(text).find();
    }

    /**
     * Opens a connection, does the work and closes it.
     *
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    @Override
    public <T> T inSession(Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw Failures.fromSql("connect to the SQL warehouse", e);
        }
        try (Connection closing = connection) {
            return work.run(new Session(closing, timeoutSeconds, maxRows, limiter));
        } catch (SQLException e) {
            throw Failures.fromSql("close the SQL connection", e);
        }
    }

    /** One open connection. */
    public static final class Session implements SqlSession {
        private final Connection connection;
        private final int timeoutSeconds;
        private final int maxRows;
        private final RateLimiter limiter;

        private Session(Connection connection, int timeoutSeconds, int maxRows, RateLimiter limiter) {
            this.limiter = limiter;
            this.connection = connection;
            this.timeoutSeconds = timeoutSeconds;
            this.maxRows = maxRows;
        }

        private Statement statement() throws SQLException {
            limiter.acquire();
            Statement statement = connection.createStatement();
            try {
                statement.setQueryTimeout(timeoutSeconds);
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
            return statement;
        }

        /**
         * Executes a statement that returns no rows.
         *
         * @param what its purpose, for messages
         * @param sql the statement
         */
        @Override
        public void execute(String what, String sql) {
            LOG.debug("{}: {}", what, sql);
            try (Statement statement = statement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw Failures.fromSql(what, e);
            }
        }

        /**
         * Runs a query and returns its rows, each keyed by lower-case column label.
         *
         * @param what its purpose, for messages
         * @param sql the query
         * @return the rows
         */
        @Override
        public List<Map<String, String>> query(String what, String sql) {
            LOG.debug("{}: {}", what, sql);
            try (Statement statement = statement(); ResultSet rows = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                List<Map<String, String>> out = new ArrayList<>();
                while (rows.next()) {
                    if (out.size() >= maxRows) {
                        throw ServiceException.builder(ServiceException.Failure.FATAL, what + " failed: the answer has "
                                + "more than " + maxRows + " rows, which lakesetup does not read").build();
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rows.getString(i));
                    }
                    out.add(row);
                }
                return out;
            } catch (SQLException e) {
                throw Failures.fromSql(what, e);
            }
        }

        /**
         * Runs a query whose object may not exist.
         *
         * @param what its purpose, for messages
         * @param sql the query
         * @return the rows, or empty when the service says the object does not exist
         */
        @Override
        public Optional<List<Map<String, String>>> queryIfExists(String what, String sql) {
            try {
                return Optional.of(query(what, sql));
            } catch (LakesetupException e) {
                if (e instanceof ServiceException se && se.failure() == ServiceException.Failure.FATAL
                        && e.getCause() != null && saysNotFound(messages(e.getCause()))) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        private static String messages(Throwable failure) {
            StringBuilder out = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                out.append(t.getMessage()).append('\n');
            }
            return out.toString();
        }
    }
}
