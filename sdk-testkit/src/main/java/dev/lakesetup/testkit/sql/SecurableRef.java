package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * The object a {@code GRANT}, {@code REVOKE}, {@code SHOW GRANTS} or {@code DESCRIBE} addresses.
 *
 * @param type the securable type, upper-case with single spaces: {@code METASTORE}, {@code CATALOG}, {@code SCHEMA}
 *             ({@code DATABASE} is normalised to it), {@code TABLE}, {@code STORAGE CREDENTIAL},
 *             {@code EXTERNAL LOCATION}, {@code VOLUME} or {@code FUNCTION}
 * @param name the name parts as written, unquoted; empty for {@code METASTORE}
 */
public record SecurableRef(String type, List<String> name) {

    /**
     * Creates the reference, copying {@code name}.
     *
     * @param type the securable type, upper-case with single spaces: {@code METASTORE}, {@code CATALOG}, {@code SCHEMA} ({@code DATABASE} is normalised to it), {@code TABLE}, {@code STORAGE CREDENTIAL}, {@code EXTERNAL LOCATION}, {@code VOLUME} or {@code FUNCTION}
     * @param name the name parts as written, unquoted; empty for {@code METASTORE}
     */
    public SecurableRef {
        Objects.requireNonNull(type, "type");
        name = List.copyOf(name);
    }
}
