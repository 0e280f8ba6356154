package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A workspace entitlement of a principal, in the SCIM API's spelling ({@code databricks-sql-access}). The set is
 * open: {@link #of(String)} admits names this release does not list.
 *
 * @param value the entitlement name
 */
public record Entitlement(String value) implements Comparable<Entitlement> {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Access to the workspace UI and APIs. */
    public static final Entitlement WORKSPACE_ACCESS = new Entitlement("workspace-access");
    /** Access to Databricks SQL. */
    public static final Entitlement DATABRICKS_SQL_ACCESS = new Entitlement("databricks-sql-access");
    /** Permission to create clusters. */
    public static final Entitlement ALLOW_CLUSTER_CREATE = new Entitlement("allow-cluster-create");
    /** Permission to create instance pools. */
    public static final Entitlement ALLOW_INSTANCE_POOL_CREATE = new Entitlement("allow-instance-pool-create");

    /**
     * Validates the name.
     *
     * @param value the entitlement name
     */
    public Entitlement {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("entitlement", value, "it is not an entitlement name",
                    "lower-case words joined by '-', e.g. workspace-access, databricks-sql-access, "
                            + "allow-cluster-create, allow-instance-pool-create");
        }
    }

    /**
     * Validates an entitlement name.
     *
     * @param value the name
     * @return the entitlement
     */
    public static Entitlement of(String value) {
        return new Entitlement(value);
    }

    @Override
    public int compareTo(Entitlement other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
