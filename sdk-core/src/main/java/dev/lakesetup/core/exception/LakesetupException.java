package dev.lakesetup.core.exception;

/**
 * The root of every exception lakesetup throws; all of them are unchecked.
 *
 * <p>Messages never contain a secret: values that could be one are masked before an exception is built.
 */
public class LakesetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, with no secret in it
     */
    public LakesetupException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it wraps.
     *
     * @param message what went wrong, with no secret in it
     * @param cause the underlying failure
     */
    public LakesetupException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Tells whether repeating the same call may succeed.
     *
     * @return {@code false} unless a subclass knows better
     */
    public boolean retryable() {
        return false;
    }
}
