package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code DROP CATALOG [IF EXISTS] name [RESTRICT | CASCADE]}, {@code DROP SCHEMA|DATABASE [IF EXISTS] name
 * [RESTRICT | CASCADE]} or {@code DROP EXTERNAL LOCATION [IF EXISTS] name [FORCE]}.
 *
 * @param type     {@code CATALOG}, {@code SCHEMA} or {@code EXTERNAL LOCATION}
 * @param name     the name parts as written, unquoted
 * @param ifExists whether {@code IF EXISTS} was given
 * @param cascade  whether {@code CASCADE} (or {@code FORCE}) was given; {@code RESTRICT} is the default
 */
public record Drop(String type, List<String> name, boolean ifExists, boolean cascade) implements Statement {

    /**
     * Creates the statement.
     *
     * @param type {@code CATALOG}, {@code SCHEMA} or {@code EXTERNAL LOCATION}
     * @param name the name parts as written, unquoted
     * @param ifExists whether {@code IF EXISTS} was given
     * @param cascade whether {@code CASCADE} (or {@code FORCE}) was given
     */
    public Drop {
        Objects.requireNonNull(type, "type");
        name = List.copyOf(name);
    }
}
