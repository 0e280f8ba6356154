package dev.lakesetup.databricks.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs read-only SQL and hands back its rows, each keyed by lower-case column name with values as text: a JDBC
 * session or the statement execution API. {@link SqlReads} maps the rows the same way whichever runs them.
 */
public interface SqlRows {
    /**
     * Runs a query and returns its rows.
     *
     * @param what its purpose, for messages
     * @param sql the query
     * @return the rows, each keyed by lower-case column name
     */
    List<Map<String, String>> query(String what, String sql);

    /**
     * Runs a query whose object may not exist.
     *
     * @param what its purpose, for messages
     * @param sql the query
     * @return the rows, or empty when the service says the object does not exist
     */
    Optional<List<Map<String, String>>> queryIfExists(String what, String sql);
}
