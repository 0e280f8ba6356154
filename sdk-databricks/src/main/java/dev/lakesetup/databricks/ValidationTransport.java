package dev.lakesetup.databricks;

/** How {@link PrincipalValidator} reaches the SQL warehouse when it connects as the service principal. */
public enum ValidationTransport {
    /**
     * The Databricks JDBC driver with OAuth M2M ({@code AuthMech=11;Auth_Flow=1}): the path a vendor's own
     * application takes, so a pass here is the strongest proof.
     */
    JDBC,
    /** The SQL statement execution REST API through databricks-sdk-java with OAuth M2M. */
    STATEMENT_API
}
