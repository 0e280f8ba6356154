package dev.lakesetup.core.internal.call;

import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.ServiceException;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Computes the wait before a retry: the service's Retry-After (capped), or exponential backoff with jitter. */
public final class Backoff {
    private final RetryPolicy policy;
    private final DoubleSupplier random;

    /**
     * Creates the calculator.
     *
     * @param policy the bounds
     * @param random a source of numbers in [0, 1) for jitter
     */
    public Backoff(RetryPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * Returns the wait after a failed attempt.
     *
     * @param attempt the attempt that failed, from 1
     * @param failure what it threw
     * @param initial the backoff after the first failure, before growing by the policy's multiplier
     * @return the wait, never negative and never above the caps
     */
    public Duration delay(int attempt, Throwable failure, Duration initial) {
        ServiceException service = Classifier.serviceException(failure);
        if (service != null && service.retryAfter().isPresent()) {
            Duration asked = service.retryAfter().get();
            if (asked.isNegative()) {
                return Duration.ZERO;
            }
            return asked.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked;
        }
        double millis = initial.toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
        double capped = Math.min(millis, policy.maxBackoff().toMillis());
        double jittered = capped * (1.0 + policy.jitter() * (2.0 * random.getAsDouble() - 1.0));
        long bounded = Math.max(0L, Math.min(Math.round(jittered), policy.maxBackoff().toMillis()));
        return Duration.ofMillis(bounded);
    }
}
