package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.exception.LakesetupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Tells whether the optional JDBC dependencies (the Databricks JDBC driver and HikariCP) are on the class path, and
 * fails with the Maven coordinates to add when a JDBC path needs one that is missing. Nothing here loads a driver
 * class: the check only looks the classes up.
 */
public final class JdbcDriver {
    /** The driver class that databricks-jdbc registers with {@link java.sql.DriverManager}. */
    static final String DRIVER_CLASS = "com.databricks.client.jdbc.Driver";
    /** The pool class of HikariCP. */
    static final String POOL_CLASS = "com.zaxxer.hikari.HikariDataSource";
    private static final Properties COORDINATES = coordinates();

    private JdbcDriver() {
    }

    /**
     * Tells whether the Databricks JDBC driver can be found.
     *
     * @return {@code true} when its driver class is visible to lakesetup or to the calling thread
     */
    public static boolean present() {
        return visible(DRIVER_CLASS);
    }

    /**
     * Fails unless the Databricks JDBC driver can be found.
     *
     * @param what what needs it, as the caller wrote it, e.g. {@code DatabricksJdbc.dataSource()}
     * @param otherwise what works without it, for the message
     * @throws LakesetupException naming the dependency to add
     */
    public static void require(String what, String otherwise) {
        if (!present()) {
            throw missing("The Databricks JDBC driver", "databricks-jdbc", "databricks.jdbc", what, otherwise);
        }
    }

    /**
     * Fails unless the Databricks JDBC driver and HikariCP, which pools its connections, can both be found.
     *
     * @param what what needs them
     * @param otherwise what works without them, for the message
     * @throws LakesetupException naming the dependency to add
     */
    public static void requireWithPool(String what, String otherwise) {
        require(what, otherwise);
        if (!visible(POOL_CLASS)) {
            throw missing("HikariCP, which pools the driver's connections,", "HikariCP", "com.zaxxer.hikari", what,
                    otherwise);
        }
    }

    /**
     * Returns the Maven coordinates of an optional dependency, at the version lakesetup was built with.
     *
     * @param artifact {@code databricks-jdbc} or {@code HikariCP}
     * @return {@code groupId:artifactId:version}
     */
    static String coordinates(String artifact) {
        return COORDINATES.getProperty(artifact);
    }

    private static LakesetupException missing(String library, String artifact, String module, String what,
            String otherwise) {
        return new LakesetupException(library + " is not on the class path, and " + what + " needs it: add the "
                + "dependency " + coordinates(artifact) + " (an optional dependency of dev.lakesetup:sdk-databricks; "
                + "on the module path also --add-modules " + module + ")" + (otherwise.isEmpty() ? "" : ", or "
                + otherwise));
    }

    private static boolean visible(String className) {
        return loads(className, JdbcDriver.class.getClassLoader())
                || loads(className, Thread.currentThread().getContextClassLoader());
    }

    private static boolean loads(String className, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Properties coordinates() {
        Properties out = new Properties();
        try (InputStream in = JdbcDriver.class.getResourceAsStream("jdbc-dependencies.properties")) {
            if (in == null) {
                throw new IllegalStateException("jdbc-dependencies.properties is missing from sdk-databricks");
            }
            out.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
