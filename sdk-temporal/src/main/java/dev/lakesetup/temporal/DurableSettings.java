package dev.lakesetup.temporal;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;

/**
 * How the workflows run their activities: the task queue of account-level activities, the durable wait after a
 * principal is created, and how often an activity is tried.
 *
 * @param accountTaskQueue the task queue of account-level activities (OAuth secrets), paced across workers by the
 *     rate limit its workers set
 * @param propagationWait how long to wait, on a durable timer, after a service principal is created before the
 *     changes that use it
 * @param maxAttempts how often an activity is tried before the onboarding fails (backoff between attempts by
 *     Temporal's retry policy, on durable timers)
 */
public record DurableSettings(String accountTaskQueue, Duration propagationWait, int maxAttempts) {
    /**
     * Checks the values.
     *
     * @param accountTaskQueue the account task queue
     * @param propagationWait the wait after a principal is created
     * @param maxAttempts the attempts per activity
     */
    public DurableSettings {
        InvalidInputException.requireNonNull(accountTaskQueue, "account task queue");
        InvalidInputException.requireNonNull(propagationWait, "propagation wait");
        if (propagationWait.isNegative()) {
            throw InvalidInputException.of("propagation wait", propagationWait.toString(), "it is negative",
                    "zero or more");
        }
        if (maxAttempts < 1) {
            throw InvalidInputException.of("max attempts", Integer.toString(maxAttempts), "it is below one",
                    "1 or more");
        }
    }

    /**
     * Returns the defaults for an account task queue: 30 seconds of propagation wait, 5 attempts per activity.
     *
     * @param accountTaskQueue the account task queue
     * @return the settings
     */
    public static DurableSettings defaults(String accountTaskQueue) {
        return new DurableSettings(accountTaskQueue, Duration.ofSeconds(30), 5);
    }
}
