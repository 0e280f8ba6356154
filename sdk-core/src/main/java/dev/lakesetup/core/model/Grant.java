package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Privileges on one securable for one principal: the unit a blueprint declares.
 *
 * <p>Built with a step builder whose order the compiler enforces:
 * <pre>{@code
 * Grant grant = Grant.on(Securable.catalog("sales")).to(sp).privileges(Privilege.USE_CATALOG, Privilege.SELECT);
 * }</pre>
 * Every privilege must apply to the securable's type; the privileges are kept in canonical order.
 *
 * @param securable what the privileges are on
 * @param principal who receives them
 * @param privileges the privileges, at least one, in canonical order
 */
public record Grant(Securable securable, Principal principal, Set<Privilege> privileges) {
    /**
     * Validates the grant and copies the privileges into canonical order.
     *
     * @param securable what the privileges are on
     * @param principal who receives them
     * @param privileges the privileges, at least one, in canonical order
     */
    public Grant {
        InvalidInputException.requireNonNull(securable, "securable");
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(privileges, "privileges");
        if (privileges.isEmpty()) {
            throw InvalidInputException.of("privileges", "[]", "no privilege was given",
                    "at least one privilege that applies to " + securable.type().sqlName());
        }
        for (Privilege privilege : privileges) {
            InvalidInputException.requireNonNull(privilege, "privilege");
            privilege.requireApplicableTo(securable.type());
        }
        privileges = Privilege.canonicalSet(privileges);
    }

    /**
     * Starts a grant on a securable.
     *
     * @param securable the object the privileges are on
     * @return the next step, which asks for the principal
     */
    public static ToStep on(Securable securable) {
        InvalidInputException.requireNonNull(securable, "securable");
        return principal -> {
            InvalidInputException.requireNonNull(principal, "principal");
            return new PrivilegesStep() {
                @Override
                public Grant privileges(Collection<Privilege> privileges) {
                    InvalidInputException.requireNonNull(privileges, "privileges");
                    return new Grant(securable, principal, new LinkedHashSet<>(privileges));
                }
            };
        };
    }

    /** The step of {@link Grant#on(Securable)} that names the grantee. */
    @FunctionalInterface
    public interface ToStep {
        /**
         * Names who receives the privileges.
         *
         * @param principal the grantee
         * @return the next step, which asks for the privileges
         */
        PrivilegesStep to(Principal principal);
    }

    /** The last step of {@link Grant#on(Securable)}: the privileges. */
    public interface PrivilegesStep {
        /**
         * Completes the grant.
         *
         * @param privileges the privileges, each applicable to the securable
         * @return the grant
         */
        Grant privileges(Collection<Privilege> privileges);

        /**
         * Completes the grant.
         *
         * @param privileges the privileges, each applicable to the securable
         * @return the grant
         */
        default Grant privileges(Privilege... privileges) {
            InvalidInputException.requireNonNull(privileges, "privileges");
            return privileges(Arrays.asList(privileges));
        }
    }

    /**
     * Returns a grant with the privileges of both; they must be on the same securable and principal.
     *
     * @param other another grant on the same securable for the same principal
     * @return the union
     */
    public Grant union(Grant other) {
        if (!securable.equals(other.securable) || !principal.equals(other.principal)) {
            throw new IllegalArgumentException("grants on different securables or principals cannot be merged");
        }
        List<Privilege> all = new ArrayList<>(privileges);
        all.addAll(other.privileges);
        return new Grant(securable, principal, Privilege.canonicalSet(all));
    }

    @Override
    public String toString() {
        return "GRANT " + privileges + " ON " + securable.type().sqlName() + " " + securable.fullName()
                + " TO " + principal;
    }
}
