package dev.lakesetup.databricks.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that asks {@link DriverManager} for a new connection each time; it shows its URL masked. */
public final class DriverManagerDataSource implements DataSource {
    private final String url;
    private final Properties properties;
    private final String shown;
    private volatile int loginTimeout;

    /**
     * Creates the data source.
     *
     * @param url the JDBC URL
     * @param properties the connection properties (credentials when they are not in the URL); copied
     * @param shown the connection with secrets masked, for {@code toString()}
     */
    public DriverManagerDataSource(String url, Properties properties, String shown) {
        this.url = url;
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.shown = shown;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties copy = new Properties();
        copy.putAll(properties);
        return DriverManager.getConnection(url, copy);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver logs through its own configuration
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + shown + "]";
    }
}
