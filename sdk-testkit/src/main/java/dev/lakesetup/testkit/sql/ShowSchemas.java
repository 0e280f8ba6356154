package dev.lakesetup.testkit.sql;

import java.util.List;

/**
 * {@code SHOW SCHEMAS|DATABASES [IN|FROM catalog] [[LIKE] 'pattern']}.
 *
 * @param catalog the catalog name parts as written, unquoted, or {@code null} for the current catalog
 * @param like    the pattern, or {@code null} when absent
 */
public record ShowSchemas(List<String> catalog, String like) implements Statement {

    /**
     * Creates the statement, copying {@code catalog} when present.
     *
     * @param catalog the catalog name parts as written, unquoted, or {@code null} for the current catalog
     * @param like the pattern, or {@code null} when absent
     */
    public ShowSchemas {
        catalog = catalog == null ? null : List.copyOf(catalog);
    }
}
