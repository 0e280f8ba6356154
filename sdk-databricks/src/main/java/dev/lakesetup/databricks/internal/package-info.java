/**
 * Implementation of the Databricks executors: mapping between the lakesetup model and the Databricks SDK, JDBC
 * and REST payloads, and error classification. Not exported; no compatibility promise.
 */
package dev.lakesetup.databricks.internal;
