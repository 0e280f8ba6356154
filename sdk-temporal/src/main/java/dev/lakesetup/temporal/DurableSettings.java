package dev.lakesetup.temporal;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;

/**
 * How the workflows run their activities: the task queue of account-level activities, the durable wait after a
 * principal is created, how often an activity is tried and how long one attempt may take. Start from
 * {@link #defaults(String)} and derive with the {@code with...} methods.
 *
 * @param accountTaskQueue the task queue of account-level activities (OAuth secrets), paced across workers by the
 *     rate limit its workers set
 * @param propagationWait how long to wait, on a durable timer, after a service principal is created before the
 *     changes that use it
 * @param maxAttempts how often an activity is tried before the workflow gives up on it (backoff between attempts
 *     by Temporal's retry policy, on durable timers)
 * @param attemptTimeout how long one attempt may run before Temporal counts it lost (its worker died) and retries
 *     it on another worker
 */
public record DurableSettings(String accountTaskQueue, Duration propagationWait, int maxAttempts,
        Duration attemptTimeout) {
    /**
     * Checks the values.
     *
     * @param accountTaskQueue the account task queue
     * @param propagationWait the wait after a principal is created
     * @param maxAttempts the attempts per activity
     * @param attemptTimeout the time one attempt may take
     */
    public DurableSettings {
        InvalidInputException.requireNonNull(accountTaskQueue, "account task queue");
        InvalidInputException.requireNonNull(propagationWait, "propagation wait");
        InvalidInputException.requireNonNull(attemptTimeout, "attempt timeout");
        if (propagationWait.isNegative()) {
            throw InvalidInputException.of("propagation wait", propagationWait.toString(), "it is negative",
                    "zero or more");
        }
        if (maxAttempts < 1) {
            throw InvalidInputException.of("max attempts", Integer.toString(maxAttempts), "it is below one",
                    "1 or more");
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw InvalidInputException.of("attempt timeout", attemptTimeout.toString(), "it is not positive",
                    "a positive duration");
        }
    }

    /**
     * Returns the defaults for an account task queue: 30 seconds of propagation wait, 5 attempts per activity, 5
     * minutes per attempt.
     *
     * @param accountTaskQueue the account task queue
     * @return the settings
     */
    public static DurableSettings defaults(String accountTaskQueue) {
        return new DurableSettings(accountTaskQueue, Duration.ofSeconds(30), 5, Duration.ofMinutes(5));
    }

    /**
     * Returns a copy with another propagation wait.
     *
     * @param wait the wait after a principal is created
     * @return the copy
     */
    public DurableSettings withPropagationWait(Duration wait) {
        return new DurableSettings(accountTaskQueue, wait, maxAttempts, attemptTimeout);
    }

    /**
     * Returns a copy with another number of attempts per activity.
     *
     * @param attempts the attempts
     * @return the copy
     */
    public DurableSettings withMaxAttempts(int attempts) {
        return new DurableSettings(accountTaskQueue, propagationWait, attempts, attemptTimeout);
    }

    /**
     * Returns a copy with another time limit per attempt.
     *
     * @param timeout the time one attempt may take
     * @return the copy
     */
    public DurableSettings withAttemptTimeout(Duration timeout) {
        return new DurableSettings(accountTaskQueue, propagationWait, maxAttempts, timeout);
    }
}
