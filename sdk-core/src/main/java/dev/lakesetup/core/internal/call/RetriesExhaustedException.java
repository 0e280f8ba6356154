package dev.lakesetup.core.internal.call;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.exception.ServiceText;

/**
 * A call failed for good: its retries are used up or its failure is fatal. Carries the attempts made and the last
 * failure as cause. {@link Classifier} counts it as {@code FATAL}, so a fan-out that failed this way inside a call
 * is not retried again by the call's own retries.
 */
public final class RetriesExhaustedException extends LakesetupException {
    private static final long serialVersionUID = 1L;
    private final int attempts;
    private final Failure failure;

    /**
     * Creates the exception.
     *
     * @param what what the call did, for the message
     * @param cause the last failure
     * @param attempts the calls made
     * @param failure the kind of the last failure
     */
    public RetriesExhaustedException(String what, Throwable cause, int attempts, Failure failure) {
        // an executor may let an exception through unwrapped: its message may carry service text
        super(what + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : ServiceText.escape(cause.getMessage())), cause);
        this.attempts = attempts;
        this.failure = failure;
    }

    /**
     * Returns the calls made.
     *
     * @return the attempts
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns the kind of the last failure.
     *
     * @return the kind
     */
    public Failure failure() {
        return failure;
    }
}
