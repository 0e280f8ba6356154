package dev.lakesetup.testkit.sql;

/**
 * {@code SHOW CATALOGS [[LIKE] 'pattern']}.
 *
 * @param like the pattern, or {@code null} when absent
 */
public record ShowCatalogs(String like) implements Statement {
}
