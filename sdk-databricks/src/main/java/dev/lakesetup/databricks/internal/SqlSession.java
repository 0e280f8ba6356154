package dev.lakesetup.databricks.internal;

/**
 * One place SQL runs, able to change state as well as read it: a JDBC connection, or the statement execution API
 * when the JDBC driver is not on the class path.
 */
public interface SqlSession extends SqlRows {
    /**
     * Executes a statement whose rows, if any, are not needed.
     *
     * @param what its purpose, for messages
     * @param sql the statement
     */
    void execute(String what, String sql);
}
