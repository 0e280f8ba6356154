package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code COMMENT ON CATALOG name IS 'text'|NULL} or {@code COMMENT ON SCHEMA|DATABASE [catalog.]schema IS
 * 'text'|NULL}: sets the object's comment, or removes it with {@code NULL}.
 *
 * @param type    {@code CATALOG} or {@code SCHEMA}
 * @param name    the name parts as written, unquoted
 * @param comment the new comment, or {@code null} for {@code IS NULL}
 */
public record CommentOn(String type, List<String> name, String comment) implements Statement {

    /**
     * Creates the statement, copying {@code name}; {@code type} must not be null.
     *
     * @param type {@code CATALOG} or {@code SCHEMA}
     * @param name the name parts as written, unquoted
     * @param comment the new comment, or {@code null} for {@code IS NULL}
     */
    public CommentOn {
        Objects.requireNonNull(type, "type");
        name = List.copyOf(name);
    }
}
