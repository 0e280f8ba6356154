package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Principal;

/**
 * The answer of an executor that looked a principal up in the workspace's directory: whether it exists, and what
 * was asked (so a plan that fails on a missing principal can say where it looked).
 *
 * @param principal the principal looked up
 * @param found whether the directory knows it
 * @param lookedUp what was asked, for people, e.g. {@code GET /api/2.0/preview/scim/v2/Users?filter=userName eq
 *     "ana@example.com"}
 */
public record PrincipalLookup(Principal principal, boolean found, String lookedUp) {

    /**
     * Validates the components.
     *
     * @param principal the principal looked up
     * @param found whether the directory knows it
     * @param lookedUp what was asked, for people, e.g. {@code GET /api/2.0/preview/scim/v2/Users?filter=userName eq
     *     "ana@example.com"}
     */
    public PrincipalLookup {
        InvalidInputException.requireNonNull(principal, "principal");
        InvalidInputException.requireNonNull(lookedUp, "what was looked up");
    }

    /**
     * Says the principal exists.
     *
     * @param principal the principal
     * @param lookedUp what was asked
     * @return the answer
     */
    public static PrincipalLookup found(Principal principal, String lookedUp) {
        return new PrincipalLookup(principal, true, lookedUp);
    }

    /**
     * Says the directory does not know the principal.
     *
     * @param principal the principal
     * @param lookedUp what was asked
     * @return the answer
     */
    public static PrincipalLookup missing(Principal principal, String lookedUp) {
        return new PrincipalLookup(principal, false, lookedUp);
    }
}
