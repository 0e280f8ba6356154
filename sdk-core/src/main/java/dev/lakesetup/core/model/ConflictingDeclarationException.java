package dev.lakesetup.core.model;

import dev.lakesetup.core.exception.LakesetupException;

/**
 * Thrown when a blueprint would declare one object twice with different settings: a disagreement caught when
 * the blueprint is built, not a flip-flop when it is applied. The message names both declarations.
 */
public final class ConflictingDeclarationException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the object declared twice
     * @param first the first declaration
     * @param second the disagreeing declaration
     */
    public ConflictingDeclarationException(ResourceId id, Object first, Object second) {
        super("the blueprint declares " + id + " twice with different settings: " + first + " and " + second
                + "; declare it once, or with the same settings");
    }
}
