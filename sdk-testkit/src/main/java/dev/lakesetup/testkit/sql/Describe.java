package dev.lakesetup.testkit.sql;

import java.util.Objects;

/**
 * {@code DESCRIBE|DESC CATALOG|SCHEMA|DATABASE|EXTERNAL LOCATION|STORAGE CREDENTIAL|TABLE [EXTENDED] name};
 * {@code DESCRIBE [EXTENDED] name} without a type describes a table.
 *
 * @param securable the object described
 * @param extended  whether {@code EXTENDED} was given
 */
public record Describe(SecurableRef securable, boolean extended) implements Statement {

    /**
     * Creates the statement; {@code securable} must not be null.
     *
     * @param securable the object described
     * @param extended whether {@code EXTENDED} was given
     */
    public Describe {
        Objects.requireNonNull(securable, "securable");
    }
}
