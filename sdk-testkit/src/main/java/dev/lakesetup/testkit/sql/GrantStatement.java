package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code GRANT privilege[, privilege...] ON securable TO principal}.
 *
 * @param privileges the privileges in the order written, upper-case, inner whitespace collapsed to one space
 *                   (legacy names such as {@code USAGE} are kept as written)
 * @param securable  the object granted on
 * @param principal  the principal as written, unquoted
 */
public record GrantStatement(List<String> privileges, SecurableRef securable, String principal)
        implements Statement {

    /**
     * Creates the statement, copying {@code privileges}.
     *
     * @param privileges the privileges in the order written, upper-case, inner whitespace collapsed to one space (legacy names such as {@code USAGE} are kept as written)
     * @param securable the object granted on
     * @param principal the principal as written, unquoted
     */
    public GrantStatement {
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(securable, "securable");
        Objects.requireNonNull(principal, "principal");
    }
}
