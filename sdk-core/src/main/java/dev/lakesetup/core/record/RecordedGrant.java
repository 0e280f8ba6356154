package dev.lakesetup.core.record;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Securable;
import java.util.Set;

/**
 * Privileges of one principal on one securable, as a {@link RunRecord} keeps them: those a run granted new, or those
 * the principal held before lakesetup granted anything.
 *
 * @param securable the securable
 * @param principal the principal, as grants name it (a service principal by application id)
 * @param privileges the privileges, canonical
 */
public record RecordedGrant(Securable securable, Principal principal, Set<Privilege> privileges) {

    /**
     * Validates and copies the components.
     *
     * @param securable the securable
     * @param principal the principal, as grants name it (a service principal by application id)
     * @param privileges the privileges, canonical
     */
    public RecordedGrant {
        InvalidInputException.requireNonNull(securable, "recorded securable");
        InvalidInputException.requireNonNull(principal, "recorded principal");
        InvalidInputException.requireNonNull(privileges, "recorded privileges");
        privileges = Privilege.canonicalSet(privileges);
    }
}
