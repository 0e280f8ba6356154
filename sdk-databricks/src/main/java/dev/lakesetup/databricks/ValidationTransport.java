package dev.lakesetup.databricks;

/**
 * How validation reached the workspace: {@link PrincipalValidator} signs in as the service principal over JDBC or
 * the statement execution API; {@link AdminChecks} reads, as an admin, what the principal holds.
 */
public enum ValidationTransport {
    /**
     * The Databricks JDBC driver with OAuth M2M ({@code AuthMech=11;Auth_Flow=1}), or, after a token exchange, the
     * access token passed through ({@code AuthMech=11;Auth_Flow=0}): the path a vendor's own application takes, so a
     * pass here is the strongest proof.
     */
    JDBC,
    /**
     * The SQL statement execution REST API through databricks-sdk-java with OAuth M2M, or with the access token of a
     * token exchange.
     */
    STATEMENT_API,
    /**
     * No sign-in as the principal: an admin reads through the REST API what the principal effectively holds. For a
     * principal whose secret you do not have, such as a vendor's multi-tenant application.
     */
    ADMIN_API
}
