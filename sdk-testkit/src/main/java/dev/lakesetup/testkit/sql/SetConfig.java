package dev.lakesetup.testkit.sql;

import java.util.Objects;

/**
 * {@code SET key = value}, as drivers send at session start; the fake accepts and ignores it.
 *
 * @param key   the key: the text between {@code SET} and {@code =}, trimmed (unquoted when it is one backticked
 *              identifier)
 * @param value the text after {@code =}, trimmed and kept as written, or {@code null} for {@code SET key} without a
 *              value
 */
public record SetConfig(String key, String value) implements Statement {

    /**
     * Creates the statement; {@code key} must not be null.
     *
     * @param key the key: the text between {@code SET} and {@code =}, trimmed (unquoted when it is one backticked identifier)
     * @param value the text after {@code =}, trimmed and kept as written, or {@code null} for {@code SET key} without a value
     */
    public SetConfig {
        Objects.requireNonNull(key, "key");
    }
}
