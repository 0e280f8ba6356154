/**
 * lakesetup for Databricks: {@link dev.lakesetup.databricks.DatabricksWorkspace} (the connection), and the
 * executors the applier uses, {@link dev.lakesetup.databricks.RestExecutor} and
 * {@link dev.lakesetup.databricks.SqlExecutor}, with {@link dev.lakesetup.databricks.DatabricksJdbc} to build the
 * JDBC driver's URL.
 */
package dev.lakesetup.databricks;
