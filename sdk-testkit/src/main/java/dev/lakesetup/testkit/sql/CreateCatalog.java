package dev.lakesetup.testkit.sql;

import java.util.Objects;

/**
 * {@code CREATE CATALOG [IF NOT EXISTS] name [MANAGED LOCATION 'url'] [COMMENT 'text']}.
 *
 * @param name            the catalog name as written, unquoted
 * @param ifNotExists     whether {@code IF NOT EXISTS} was given
 * @param managedLocation the managed location URL, or {@code null} when absent
 * @param comment         the comment, or {@code null} when absent
 */
public record CreateCatalog(String name, boolean ifNotExists, String managedLocation, String comment)
        implements Statement {

    /**
     * Creates the statement; {@code name} must not be null.
     *
     * @param name the catalog name as written, unquoted
     * @param ifNotExists whether {@code IF NOT EXISTS} was given
     * @param managedLocation the managed location URL, or {@code null} when absent
     * @param comment the comment, or {@code null} when absent
     */
    public CreateCatalog {
        Objects.requireNonNull(name, "name");
    }
}
