package dev.lakesetup.testkit.sql;

import java.util.Objects;

/**
 * {@code SHOW GRANTS [principal] ON securable}.
 *
 * @param principal the principal as written, unquoted, or {@code null} for all principals
 * @param securable the object whose grants are listed
 */
public record ShowGrants(String principal, SecurableRef securable) implements Statement {

    /**
     * Creates the statement; {@code securable} must not be null.
     *
     * @param principal the principal as written, unquoted, or {@code null} for all principals
     * @param securable the object whose grants are listed
     */
    public ShowGrants {
        Objects.requireNonNull(securable, "securable");
    }
}
