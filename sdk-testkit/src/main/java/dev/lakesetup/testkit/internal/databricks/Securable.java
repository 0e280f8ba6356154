package dev.lakesetup.testkit.internal.databricks;

import java.util.ArrayList;
import java.util.List;

/**
 * A Unity Catalog object that privileges attach to.
 *
 * @param type REST spelling, lower case: {@code catalog}, {@code schema}, {@code table}, {@code storage_credential},
 *     {@code external_location}, {@code metastore}
 * @param fullName lower-case full name ({@code main.sales}); the metastore id for the metastore
 */
public record Securable(String type, String fullName) {

    /** Returns this object and its parents, nearest first (table, schema, catalog). */
    public List<Securable> withAncestors() {
        List<Securable> out = new ArrayList<>();
        out.add(this);
        String[] parts = fullName.split("\\.");
        if (type.equals("table") && parts.length == 3) {
            out.add(new Securable("schema", parts[0] + "." + parts[1]));
            out.add(new Securable("catalog", parts[0]));
        } else if (type.equals("schema") && parts.length == 2) {
            out.add(new Securable("catalog", parts[0]));
        }
        return out;
    }

    /** Returns the type as the effective-permissions API spells it ({@code CATALOG}). */
    public String upperType() {
        return type.toUpperCase(java.util.Locale.ROOT);
    }

    /** Returns the type as SQL spells it ({@code EXTERNAL LOCATION}). */
    public String sqlType() {
        return upperType().replace('_', ' ');
    }
}
