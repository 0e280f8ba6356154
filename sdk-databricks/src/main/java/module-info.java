/**
 * lakesetup for Databricks: the workspace connection, the REST executor (databricks-sdk-java) and the SQL executor
 * (any {@link javax.sql.DataSource}, the Databricks JDBC driver in practice).
 *
 * <p>The JDBC driver (automatic module {@code databricks.jdbc}, a shaded jar) is not required at compile time: the
 * SQL executor only needs a {@code DataSource}, and {@link dev.lakesetup.databricks.DatabricksJdbc#dataSource()}
 * finds the driver through {@link java.sql.DriverManager} at run time (pooled with HikariCP). On the module path,
 * add it with {@code --add-modules databricks.jdbc}.
 */
module dev.lakesetup.databricks {
    requires transitive dev.lakesetup.core;
    requires transitive java.sql;
    requires databricks.sdk.java;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires com.zaxxer.hikari;
    requires java.net.http;

    exports dev.lakesetup.databricks;
}
