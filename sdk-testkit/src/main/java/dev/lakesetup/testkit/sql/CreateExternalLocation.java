package dev.lakesetup.testkit.sql;

import java.util.Objects;

/**
 * {@code CREATE EXTERNAL LOCATION [IF NOT EXISTS] name URL 'url' WITH (STORAGE CREDENTIAL credential)
 * [COMMENT 'text']}.
 *
 * @param name        the location name as written, unquoted
 * @param ifNotExists whether {@code IF NOT EXISTS} was given
 * @param url         the storage URL
 * @param credential  the storage credential name as written, unquoted
 * @param comment     the comment, or {@code null} when absent
 */
public record CreateExternalLocation(String name, boolean ifNotExists, String url, String credential,
                                     String comment) implements Statement {

    /**
     * Creates the statement; every component except {@code comment} must not be null.
     *
     * @param name the location name as written, unquoted
     * @param ifNotExists whether {@code IF NOT EXISTS} was given
     * @param url the storage URL
     * @param credential the storage credential name as written, unquoted
     * @param comment the comment, or {@code null} when absent
     */
    public CreateExternalLocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credential, "credential");
    }
}
