package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceText;
import java.time.Duration;

/**
 * One member's line of a {@link FleetReport}: its key, status, a one-line summary (escaped) and how long its task
 * took on the fleet's clock.
 *
 * @param key the member's key
 * @param status what happened
 * @param summary one line for people: the task's summary, or for a failure the exception's class and message
 * @param duration from the task's start (connection included) to its end; zero for a member that never started
 */
public record FleetLine(String key, FleetStatus status, String summary, Duration duration) {

    /**
     * Checks the fields and escapes the summary.
     *
     * @param key the member's key
     * @param status what happened
     * @param summary one line for people
     * @param duration how long the task took
     */
    public FleetLine {
        InvalidInputException.requireNonNull(key, "fleet line key");
        InvalidInputException.requireNonNull(status, "fleet line status");
        summary = ServiceText.escape(InvalidInputException.requireNonNull(summary, "fleet line summary"));
        InvalidInputException.requireNonNull(duration, "fleet line duration");
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
    }
}
