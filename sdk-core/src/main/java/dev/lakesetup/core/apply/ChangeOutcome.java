package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import dev.lakesetup.core.plan.Change;
import java.time.Duration;

/**
 * What happened to one change during an apply.
 *
 * @param change the change
 * @param outcome how it ended
 * @param attempts the calls made to apply it (0 when it was not attempted)
 * @param duration the time from its start to its end, including retries
 * @param reason why it failed or was skipped or needed nothing; empty when applied. Never contains a secret, a line
 *     break or another control character: it is stored as {@link ServiceText#escape(String)} shows it
 */
public record ChangeOutcome(Change change, Outcome outcome, int attempts, Duration duration, String reason) {
    /**
     * Checks the components.
     *
     * @param change the change
     * @param outcome how it ended
     * @param attempts the calls made to apply it (0 when it was not attempted)
     * @param duration the time from its start to its end, including retries
     * @param reason why it failed or was skipped or needed nothing; empty when applied. Never contains a secret; it is
     *     stored as {@link ServiceText#escape(String)} shows it, so line breaks and control characters become escapes
     */
    public ChangeOutcome {
        InvalidInputException.requireNonNull(change, "change");
        InvalidInputException.requireNonNull(outcome, "outcome");
        InvalidInputException.requireNonNull(duration, "duration");
        reason = ServiceText.escape(InvalidInputException.requireNonNull(reason, "reason"));
    }

    /**
     * Tells whether dependents of this change may run.
     *
     * @return {@code true} for applied and already-done changes
     */
    public boolean succeeded() {
        return switch (outcome) {
            case APPLIED, ALREADY_DONE -> true;
            case SKIPPED, FAILED -> false;
        };
    }

    @Override
    public String toString() {
        return outcome + " " + change.object() + " (" + attempts + " attempts, " + duration.toMillis() + " ms)"
                + (reason.isEmpty() ? "" : ": " + reason);
    }
}
