/**
 * lakesetup for Databricks: the workspace connection, the REST executor (databricks-sdk-java) and the SQL executor
 * (any {@link javax.sql.DataSource}, the Databricks JDBC driver in practice).
 *
 * <p>The JDBC driver (automatic module {@code databricks.jdbc}, a shaded jar) and HikariCP are optional: the SQL
 * executor only needs a {@code DataSource}, and {@link dev.lakesetup.databricks.DatabricksJdbc#dataSource()} finds
 * the driver through {@link java.sql.DriverManager} at run time (pooled with HikariCP). Without the driver,
 * {@link dev.lakesetup.databricks.DatabricksWorkspace#sqlExecutor()} and validation use the statement execution
 * API. On the module path the driver, an automatic module, is resolved along with databricks-sdk-java; the pool
 * needs {@code --add-modules com.zaxxer.hikari}.
 */
module dev.lakesetup.databricks {
    requires transitive dev.lakesetup.core;
    requires transitive java.sql;
    requires databricks.sdk.java;
    // databricks-sdk-java is an automatic module: it declares no requires, so the named modules it loads classes
    // from at run time are only in a modular application's module graph if some module requires them. These are
    // they (checked by ModulePathSmokeTest); without them a modular application needs one --add-modules for each.
    requires org.apache.commons.configuration2;
    requires org.apache.commons.io;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.guava;
    requires com.google.gson;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // optional, like the driver: only DatabricksJdbc.dataSource() (PooledDataSource) uses it
    requires static com.zaxxer.hikari;
    requires java.net.http;

    exports dev.lakesetup.databricks;
}
