package dev.lakesetup.core.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Privileges of one principal on one securable: what a reader reports as held, or what a grant change adds or a
 * revoke change removes.
 *
 * @param principal the principal
 * @param privileges the privileges, in canonical order
 */
public record PrincipalPrivileges(Principal principal, Set<Privilege> privileges) {
    /** Checks and sorts the components. */
    public PrincipalPrivileges {
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(privileges, "privileges");
        privileges = Collections.unmodifiableSet(new TreeSet<>(privileges));
    }

    /**
     * Creates the value.
     *
     * @param principal the principal
     * @param privileges the privileges
     * @return the value
     */
    public static PrincipalPrivileges of(Principal principal, Set<Privilege> privileges) {
        return new PrincipalPrivileges(principal, privileges);
    }

    @Override
    public String toString() {
        return principal.grantName() + ": " + String.join(", ", privileges.stream().map(Privilege::sqlName).toList());
    }
}
