package dev.lakesetup.core.exception;

/**
 * Thrown when a caller passes a value lakesetup cannot accept; nothing has been sent to any service.
 *
 * <p>The message names the field, shows the value (printable, shortened, and masked for secrets) and says what
 * would be accepted, for example: {@code catalog name 'sales.eu' is invalid: contains '.'; accepted: 1 to 255
 * characters without '.', space, '/', control characters or DEL}.
 */
public final class InvalidInputException extends LakesetupException {
    private static final long serialVersionUID = 1L;

    /** The input that was rejected. */
    private final String field;
    /** What is wrong with it. */
    private final String problem;
    /** What would be accepted. */
    private final String accepted;

    private InvalidInputException(String field, String shownValue, String problem, String accepted) {
        super(field + " " + shownValue + " is invalid: " + problem + "; accepted: " + accepted);
        this.field = field;
        this.problem = problem;
        this.accepted = accepted;
    }

    /**
     * Creates the exception for a plain (non-secret) value.
     *
     * @param field the name of the field as a user knows it, e.g. {@code "catalog name"}
     * @param value the rejected value, possibly {@code null}
     * @param problem what is wrong with it
     * @param accepted what would have been accepted
     * @return the exception, to be thrown by the caller
     */
    public static InvalidInputException of(String field, String value, String problem, String accepted) {
        return new InvalidInputException(field, ServiceText.quote(value), problem, accepted);
    }

    /**
     * Creates the exception for a secret value, which is never shown.
     *
     * @param field the name of the field
     * @param problem what is wrong with it
     * @param accepted what would have been accepted
     * @return the exception, to be thrown by the caller
     */
    public static InvalidInputException ofSecret(String field, String problem, String accepted) {
        return new InvalidInputException(field, "'****'", problem, accepted);
    }

    /**
     * Fails with a clear message when a required argument is {@code null}.
     *
     * @param value the argument
     * @param field the name of the field
     * @param <T> the argument's type
     * @return the argument, never {@code null}
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "null", "it is required", "a non-null value");
        }
        return value;
    }

    /**
     * Returns the field the rejected value was given for.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }

    /**
     * Returns what is wrong with the value.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }

    /**
     * Returns a description of the accepted values.
     *
     * @return what would have been accepted
     */
    public String accepted() {
        return accepted;
    }
}
