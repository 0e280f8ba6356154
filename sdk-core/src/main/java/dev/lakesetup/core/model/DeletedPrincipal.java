package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;

/**
 * A principal that was deleted while its grants stayed: the grants API lists such a grant with an empty name and
 * the principal's id only. It appears in what readers observe, never in a blueprint; an exclusive securable's plan
 * revokes its privileges by id, which only the REST API can send (SQL has no way to name it).
 *
 * @param principalId the id the grants API reports for it ({@code principal_id})
 */
public record DeletedPrincipal(String principalId) implements Principal {
    /**
     * Validates the id.
     *
     * @param principalId the id the grants API reports for it ({@code principal_id})
     */
    public DeletedPrincipal {
        PrincipalNames.requireText("deleted principal id", principalId);
        if (principalId.chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInputException.of("deleted principal id", principalId, "it contains whitespace",
                    "the principal_id the grants API reported");
        }
    }

    /**
     * Names a deleted principal by the id the grants API reports.
     *
     * @param principalId the {@code principal_id}
     * @return the principal
     */
    public static DeletedPrincipal of(String principalId) {
        return new DeletedPrincipal(principalId);
    }

    /**
     * Returns a label for plans and keys, {@code deleted principal <id>}: the principal has no name any more.
     *
     * @return the label
     */
    @Override
    public String grantName() {
        return "deleted principal " + principalId;
    }

    @Override
    public String toString() {
        return grantName();
    }
}
