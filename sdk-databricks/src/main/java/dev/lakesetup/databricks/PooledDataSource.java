package dev.lakesetup.databricks;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A pool of Databricks JDBC connections (HikariCP over the driver), so that each unit of work borrows an open SQL
 * session instead of opening a new one: with the driver in Statement Execution API mode a new connection costs
 * five HTTP requests on top of the statement itself (discovery, session open, session close).
 *
 * <p>Obtained from {@link DatabricksJdbc#dataSource()}. The pool opens no connection until the first
 * {@link #getConnection()}, keeps at most {@link DatabricksJdbc.Builder#poolSize(int)} connections (8 by default,
 * the default concurrency of {@code Lakesetup}) and none idle longer than the idle timeout; a connection that fails
 * with a connection-class SQL state ({@code 08xxx}) is evicted, not reused. If the very first connection cannot be
 * opened, the driver's own {@link SQLException} is thrown at once (a wrong token fails fast); later, a caller waits
 * at most the connection timeout for a free connection. The credentials stay inside the driver-facing data source:
 * the pool's configuration, which HikariCP logs at DEBUG, only holds its masked {@code toString()}.
 *
 * <p>Call {@link #close()} when done, to close the SQL sessions on the warehouse; a closed pool refuses new
 * connections. Thread-safe.
 */
public final class PooledDataSource implements DataSource, AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource pool;
    private final String shown;
    private volatile boolean started;

    /**
     * Creates a pool over a data source that opens a new driver connection per call.
     *
     * @param driver opens driver connections; its {@code toString()} must not show secrets
     * @param size the most connections open at once
     * @param idleTimeout how long an unused connection stays open
     */
    PooledDataSource(DataSource driver, int size, Duration idleTimeout) {
        // the no-argument form starts the pool on the first getConnection(), not here
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("lakesetup-sql-" + POOLS.incrementAndGet());
        pool.setDataSource(driver);
        pool.setMaximumPoolSize(size);
        // the first connection is opened on the caller's thread, tried once, and its failure thrown as it is (a
        // wrong token fails at once, not after the connection timeout); minimum idle 1 keeps that connection in
        // the pool, and is lowered to 0 once it is borrowed, so unused sessions are closed after the idle timeout
        // and none is opened ahead of need (an open session must not keep the warehouse from stopping)
        pool.setInitializationFailTimeout(1);
        pool.setMinimumIdle(1);
        pool.setIdleTimeout(idleTimeout.toMillis());
        pool.setAutoCommit(true);
        pool.setExceptionOverride(new BrokenSessions());
        this.pool = pool;
        this.shown = "PooledDataSource[" + pool.getPoolName() + ", size " + size + ", " + driver + "]";
    }

    /**
     * Borrows a connection; closing it returns it to the pool.
     *
     * @return an open connection
     * @throws SQLException when none can be opened or none became free within the connection timeout; when a new
     *     connection failed to open, that failure (with the driver's message and SQL state) is thrown
     */
    @Override
    public Connection getConnection() throws SQLException {
        try {
            Connection connection = pool.getConnection();
            if (!started) {
                started = true;
                pool.getHikariConfigMXBean().setMinimumIdle(0);
            }
            return connection;
        } catch (SQLTransientConnectionException e) {
            // the pool timed out while the driver failed to connect: the driver's failure says why
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Not supported: the pool connects with the credentials of its {@link DatabricksJdbc}.
     *
     * @param username ignored
     * @param password ignored
     * @return never
     * @throws SQLFeatureNotSupportedException always
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects with the credentials of its DatabricksJdbc");
    }

    /**
     * Returns how many connections are open (borrowed or idle); 0 before the first use and after {@link #close()}.
     *
     * @return the number of open connections
     */
    public int openConnections() {
        return pool.getHikariPoolMXBean() == null || pool.isClosed() ? 0
                : pool.getHikariPoolMXBean().getTotalConnections();
    }

    /**
     * Returns whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return pool.isClosed();
    }

    /** Closes every connection (and so its SQL session) and refuses new ones; calling it again does nothing. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * Returns the log writer, which is not used.
     *
     * @return {@code null}
     */
    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    /**
     * Does nothing: the pool and the driver log through SLF4J.
     *
     * @param out ignored
     */
    @Override
    public void setLogWriter(PrintWriter out) {
        // HikariCP and the driver log through SLF4J
    }

    /**
     * Does nothing: the connection timeout of the pool bounds the wait.
     *
     * @param seconds ignored
     */
    @Override
    public void setLoginTimeout(int seconds) {
        // the pool's connection timeout bounds the wait
    }

    /**
     * Returns 0: the connection timeout of the pool bounds the wait.
     *
     * @return 0
     */
    @Override
    public int getLoginTimeout() {
        return 0;
    }

    /**
     * Not supported.
     *
     * @return never
     * @throws SQLFeatureNotSupportedException always
     */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("logs through SLF4J");
    }

    /**
     * Returns this object as the given type.
     *
     * @param iface a type this object implements
     * @param <T> the type
     * @return this
     * @throws SQLException when this object is not of that type
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    /**
     * Returns whether this object is of the given type.
     *
     * @param iface the type
     * @return true when {@link #unwrap(Class)} would succeed
     */
    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /**
     * Evicts a connection whose call failed in transport (the driver reports a reset or timed-out HTTP request with
     * its own SQL state, not {@code 08xxx}) or whose SQL session the service no longer knows; otherwise HikariCP's
     * own rules apply.
     */
    private static final class BrokenSessions implements SQLExceptionOverride {
        private static final Pattern SESSION_GONE = Pattern.compile(
                "(?i)(INVALID_SESSION|session\\b[^\\n]{0,80}\\b(expired|does not exist|not found|is closed|invalid))");

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof IOException || (t.getMessage() != null && SESSION_GONE.matcher(t.getMessage()).find())) {
                    return SQLExceptionOverride.Override.MUST_EVICT;
                }
            }
            return SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    /**
     * Returns the pool's name and size and the connection with every secret masked.
     *
     * @return the masked description
     */
    @Override
    public String toString() {
        return shown;
    }
}
