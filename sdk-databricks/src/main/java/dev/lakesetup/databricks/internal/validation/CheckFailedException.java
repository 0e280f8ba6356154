package dev.lakesetup.databricks.internal.validation;

import dev.lakesetup.core.exception.LakesetupException;

/** A check the service refused or failed; the message is the service's text, already free of the secret. */
public final class CheckFailedException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the service's message, scrubbed
     */
    public CheckFailedException(String message) {
        super(message);
    }
}
