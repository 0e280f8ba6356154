package dev.lakesetup.testkit.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code REVOKE privilege[, privilege...] ON securable FROM principal}.
 *
 * @param privileges the privileges in the order written, upper-case, inner whitespace collapsed to one space
 * @param securable  the object revoked on
 * @param principal  the principal as written, unquoted
 */
public record RevokeStatement(List<String> privileges, SecurableRef securable, String principal)
        implements Statement {

    /**
     * Creates the statement, copying {@code privileges}.
     *
     * @param privileges the privileges in the order written, upper-case, inner whitespace collapsed to one space
     * @param securable the object revoked on
     * @param principal the principal as written, unquoted
     */
    public RevokeStatement {
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(securable, "securable");
        Objects.requireNonNull(principal, "principal");
    }
}
