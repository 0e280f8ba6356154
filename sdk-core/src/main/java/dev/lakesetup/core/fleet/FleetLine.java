package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;

/**
 * One member's line of a {@link FleetReport}: its key, status, a one-line summary and how long its task took on the
 * fleet's clock. The summary comes already escaped and bounded (by {@link FleetOutcome}, or by the fleet for a
 * failure), so the line checks it and does not escape it again.
 *
 * @param key the member's key
 * @param status what happened
 * @param summary one line for people: the task's summary, or for a failure the exception's class and message; holds
 *     no line break or control character
 * @param duration from the task's start (connection included) to its end; zero for a member that never started
 */
public record FleetLine(String key, FleetStatus status, String summary, Duration duration) {

    /**
     * Checks the fields: a summary holding a line break or control character is refused, not escaped.
     *
     * @param key the member's key
     * @param status what happened
     * @param summary one line for people
     * @param duration how long the task took
     */
    public FleetLine {
        InvalidInputException.requireNonNull(key, "fleet line key");
        InvalidInputException.requireNonNull(status, "fleet line status");
        InvalidInputException.requireNonNull(summary, "fleet line summary");
        if (!FleetText.isSafe(summary)) {
            throw InvalidInputException.of("fleet line summary", summary, "it holds a line break or control character",
                    "one escaped line, as FleetOutcome makes it");
        }
        InvalidInputException.requireNonNull(duration, "fleet line duration");
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
    }
}
