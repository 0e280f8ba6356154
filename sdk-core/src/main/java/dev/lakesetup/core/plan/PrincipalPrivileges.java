package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.Set;

/**
 * Privileges of one principal on one securable: what a reader reports as held, or what a grant change adds or a
 * revoke change removes.
 *
 * @param principal the principal
 * @param privileges the privileges, in canonical order
 */
public record PrincipalPrivileges(Principal principal, Set<Privilege> privileges) {
    /**
     * Checks and sorts the components.
     *
     * @param principal the principal
     * @param privileges the privileges, in canonical order
     */
    public PrincipalPrivileges {
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(privileges, "privileges");
        privileges = Privilege.canonicalSet(privileges);
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
        String name = principal instanceof ServicePrincipal sp && !sp.isResolved()
                ? "service principal '" + principal.grantName() + "'" : principal.grantName();
        return name + ": " + String.join(", ", privileges.stream().map(Privilege::sqlName).toList());
    }
}
