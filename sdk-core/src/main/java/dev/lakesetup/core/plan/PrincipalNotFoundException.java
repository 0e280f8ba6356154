package dev.lakesetup.core.plan;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import java.util.List;

/**
 * Thrown by planning when the blueprint names principals the workspace does not know (and the plan does not create
 * them): a grant to one could never be applied. The message names each principal and what was looked up.
 */
public final class PrincipalNotFoundException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    /** The failed look-ups; a list of records, kept as the exception travels only within one JVM. */
    private final transient List<PrincipalLookup> missing;

    /**
     * Creates the exception.
     *
     * @param missing the look-ups that did not find their principal, at least one
     */
    public PrincipalNotFoundException(List<PrincipalLookup> missing) {
        super(message(InvalidInputException.requireNonNull(missing, "missing principals")));
        this.missing = List.copyOf(missing);
    }

    private static String message(List<PrincipalLookup> missing) {
        StringBuilder out = new StringBuilder("the blueprint names ").append(missing.size())
                .append(missing.size() == 1 ? " principal" : " principals")
                .append(" the workspace does not know; nothing was planned or changed. Create them, fix the names, "
                        + "or declare a service principal as a resource so the plan creates it:");
        for (PrincipalLookup lookup : missing) {
            out.append("\n  ").append(lookup.principal()).append(" not found (").append(lookup.lookedUp())
                    .append(')');
        }
        return out.toString();
    }

    /**
     * Returns the look-ups that did not find their principal, in the order the blueprint names the principals.
     *
     * @return the failed look-ups
     */
    public List<PrincipalLookup> missing() {
        return missing;
    }
}
