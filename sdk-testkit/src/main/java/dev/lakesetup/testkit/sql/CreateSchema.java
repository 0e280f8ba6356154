package dev.lakesetup.testkit.sql;

import java.util.List;

/**
 * {@code CREATE SCHEMA|DATABASE [IF NOT EXISTS] [catalog.]schema [MANAGED LOCATION 'url'] [COMMENT 'text']}.
 *
 * @param name            the name parts as written, unquoted: one part (schema) or two (catalog, schema)
 * @param ifNotExists     whether {@code IF NOT EXISTS} was given
 * @param managedLocation the managed location URL, or {@code null} when absent
 * @param comment         the comment, or {@code null} when absent
 */
public record CreateSchema(List<String> name, boolean ifNotExists, String managedLocation, String comment)
        implements Statement {

    /**
     * Creates the statement, copying {@code name}.
     *
     * @param name the name parts as written, unquoted: one part (schema) or two (catalog, schema)
     * @param ifNotExists whether {@code IF NOT EXISTS} was given
     * @param managedLocation the managed location URL, or {@code null} when absent
     * @param comment the comment, or {@code null} when absent
     */
    public CreateSchema {
        name = List.copyOf(name);
    }
}
