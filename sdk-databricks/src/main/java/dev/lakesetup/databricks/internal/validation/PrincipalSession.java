package dev.lakesetup.databricks.internal.validation;

/** A connection to the SQL warehouse opened as the service principal. */
public interface PrincipalSession extends AutoCloseable {

    /**
     * Runs one statement and reads its whole result.
     *
     * @param sql the statement
     * @return how many rows it returned
     * @throws CheckFailedException with the service's message when the statement fails
     */
    long query(String sql);

    /** Releases the connection; failures to close are logged, not thrown. */
    @Override
    void close();
}
