package dev.lakesetup.databricks;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import java.time.Duration;

/**
 * The outcome of one validation check run as the service principal, such as {@code SHOW SCHEMAS IN sales}.
 *
 * <p>Built with {@link #passed}, {@link #failed} or {@link #skipped} rather than a builder: the three outcomes
 * carry different information, and a factory per outcome keeps impossible combinations (a passed check with an
 * error message) out. The message is the service's own text on failure, stored as
 * {@link dev.lakesetup.core.exception.ServiceText} shows it (one line, control characters escaped); it never contains a
 * secret.
 *
 * @param name what was checked, readable by people, e.g. {@code SELECT * FROM sales.raw.orders LIMIT 10}
 * @param status the outcome
 * @param message the service's message for a failed check, the reason for a skipped one, empty when passed
 * @param duration how long the check took
 * @param rows how many rows the statement returned; 0 when the check returns no rows or did not pass
 */
public record ValidationCheck(String name, Status status, String message, Duration duration, long rows) {

    /** The outcome of a check. */
    public enum Status {
        /** The check did what the principal should be able to do. */
        PASSED,
        /** The service refused or failed; the message says why. */
        FAILED,
        /** The check was not run because an earlier one it needs (connecting) failed. */
        SKIPPED
    }

    /**
     * Checks the components.
     *
     * @param name what was checked, readable by people, e.g. {@code SELECT * FROM sales.raw.orders LIMIT 10}
     * @param status the outcome
     * @param message the service's message for a failed check, the reason for a skipped one, empty when passed
     * @param duration how long the check took
     * @param rows how many rows the statement returned; 0 when the check returns no rows or did not pass
     */
    public ValidationCheck {
        InvalidInputException.requireNonNull(name, "check name");
        InvalidInputException.requireNonNull(status, "check status");
        message = ServiceText.escape(InvalidInputException.requireNonNull(message, "check message"));
        InvalidInputException.requireNonNull(duration, "check duration");
        if (rows < 0) {
            throw InvalidInputException.of("rows", Long.toString(rows), "it is negative", "0 or more");
        }
    }

    /**
     * Records a check that passed.
     *
     * @param name what was checked
     * @param duration how long it took
     * @param rows how many rows it returned
     * @return the check
     */
    public static ValidationCheck passed(String name, Duration duration, long rows) {
        return new ValidationCheck(name, Status.PASSED, "", duration, rows);
    }

    /**
     * Records a check that failed, with the service's message.
     *
     * @param name what was checked
     * @param duration how long it took
     * @param message why it failed, free of secrets
     * @return the check
     */
    public static ValidationCheck failed(String name, Duration duration, String message) {
        return new ValidationCheck(name, Status.FAILED, message, duration, 0);
    }

    /**
     * Records a check that was not run.
     *
     * @param name what would have been checked
     * @param reason why it was not run
     * @return the check
     */
    public static ValidationCheck skipped(String name, String reason) {
        return new ValidationCheck(name, Status.SKIPPED, reason, Duration.ZERO, 0);
    }

    /**
     * Tells whether the check passed.
     *
     * @return {@code true} for {@link Status#PASSED}
     */
    public boolean isPassed() {
        return status == Status.PASSED;
    }

    /**
     * Renders the check as one line for people, e.g. {@code PASSED  SHOW SCHEMAS IN sales (3 rows, 41 ms)}.
     *
     * @return the line
     */
    public String render() {
        String timing = duration.toMillis() + " ms";
        return switch (status) {
            case PASSED -> "PASSED  " + name + " (" + rows + (rows == 1 ? " row, " : " rows, ") + timing + ")";
            case FAILED -> "FAILED  " + name + " (" + timing + "): " + message;
            case SKIPPED -> "SKIPPED " + name + ": " + message;
        };
    }

    @Override
    public String toString() {
        return render();
    }
}
