package dev.lakesetup.core.internal.call;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.apply.Sleeper;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.exception.ServiceText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a call under a {@link RetryPolicy}: classifies each failure ({@link Classifier}), computes the wait
 * ({@link Backoff}: the service's Retry-After, capped, or exponential backoff with jitter) and waits on the policy's
 * {@link Sleeper}, so tests wait on fake time. Throttled and transient failures share the policy's attempt bound; a
 * not-yet-visible failure (a principal just created) has its own bound and its own window on the policy's clock.
 * Interrupting the calling thread, or a stop flag, ends the retries.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;

    private Retrier(CallPolicy calls) {
        this.policy = calls.retryPolicy();
        this.clock = calls.clock();
        this.sleeper = calls.sleeper();
        this.backoff = new Backoff(policy, calls.random());
    }

    /**
     * Returns a retrier for a call policy's retry policy, clock, sleeper and jitter.
     *
     * @param policy the call policy
     * @return the retrier
     */
    public static Retrier of(CallPolicy policy) {
        return new Retrier(policy);
    }

    /** Told before each retry. */
    @FunctionalInterface
    public interface RetryObserver {
        /** Ignores every retry. */
        RetryObserver NONE = (attempt, delay, cause) -> { };

        /**
         * Called before waiting for a retry.
         *
         * @param attempt the attempt that failed
         * @param delay the wait
         * @param cause the failure
         */
        void retrying(int attempt, Duration delay, Throwable cause);
    }

    /**
     * The result of a call and the attempts it took.
     *
     * @param value what the call returned
     * @param attempts how many calls were made
     * @param <T> the value type
     */
    public record Attempted<T>(T value, int attempts) {
    }

    /** The calling thread was interrupted, or the work stopped, while retrying; the interrupt flag is set again. */
    public static final class InterruptedCallException extends LakesetupException {
        private static final long serialVersionUID = 1L;
        private final int attempts;

        InterruptedCallException(int attempts) {
            super("interrupted");
            this.attempts = attempts;
        }

        /**
         * Returns the calls made before the interruption.
         *
         * @return the attempts
         */
        public int attempts() {
            return attempts;
        }
    }

    /**
     * Returns the clock retries are timed on.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the retry policy.
     *
     * @return the policy
     */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Makes a call with retries and returns what it returned.
     *
     * @param what a description for logs
     * @param call the call; one attempt per invocation
     * @param <T> the result type
     * @return the call's result
     * @throws RuntimeException the call's last failure, as it threw it, when it fails for good
     * @throws InterruptedCallException when the thread is interrupted while waiting to retry
     */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return run(what, call, RetryObserver.NONE, () -> false).value();
        } catch (RetriesExhaustedException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Makes a call with retries, giving up as soon as {@code stopped} says so.
     *
     * @param what a description for logs
     * @param call the call; one attempt per invocation
     * @param observer told before each retry
     * @param stopped tells whether the work was stopped, so no further attempt is made
     * @param <T> the result type
     * @return the result and the attempts made
     * @throws RetriesExhaustedException when the call fails for good, with its last failure as cause
     * @throws InterruptedCallException when the thread is interrupted or the work stopped
     */
    public <T> Attempted<T> run(String what, Supplier<T> call, RetryObserver observer, BooleanSupplier stopped) {
        Attempts state = new Attempts();
        while (true) {
            checkRunning(stopped, state.made);
            state.made++;
            try {
                return new Attempted<>(call.get(), state.made);
            } catch (InterruptedCallException e) {
                throw e;
            } catch (RuntimeException e) {
                Failure failure = Classifier.classify(e);
                Duration delay = delayAfter(failure, e, state);
                checkRunning(stopped, state.made);
                if (delay == null) {
                    throw new RetriesExhaustedException(what, e, state.made, failure);
                }
                LOG.debug("{} failed ({}, attempt {}), retrying in {} ms: {}", what, failure, state.made,
                        delay.toMillis(), ServiceText.escape(String.valueOf(e.getMessage())));
                observer.retrying(state.made, delay, e);
                sleep(delay, state.made);
            }
        }
    }

    /** Counts the attempts of one call: all of them, the throttled or transient ones, the not-yet-visible ones. */
    private static final class Attempts {
        private int made;
        private int general;
        private int invisible;
        private Instant visibleDeadline;
    }

    /** Returns the wait before the next attempt, or {@code null} when the call failed for good. */
    private Duration delayAfter(Failure failure, RuntimeException cause, Attempts state) {
        switch (failure) {
            case THROTTLED, TRANSIENT -> {
                state.general++;
                return state.general < policy.maxAttempts()
                        ? backoff.delay(state.general, cause, policy.initialBackoff()) : null;
            }
            case NOT_YET_VISIBLE -> {
                state.invisible++;
                Instant now = clock.instant();
                if (state.visibleDeadline == null) {
                    state.visibleDeadline = now.plus(policy.notYetVisibleWindow());
                }
                if (state.invisible >= policy.notYetVisibleMaxAttempts()) {
                    return null;
                }
                Duration delay = backoff.delay(state.invisible, cause, policy.initialBackoff());
                return now.plus(delay).isAfter(state.visibleDeadline) ? null : delay;
            }
            default -> {
                return null;
            }
        }
    }

    private static void checkRunning(BooleanSupplier stopped, int attempts) {
        if (Thread.currentThread().isInterrupted() || stopped.getAsBoolean()) {
            throw new InterruptedCallException(attempts);
        }
    }

    /**
     * Waits through the sleeper, turning an interruption into {@link InterruptedCallException}.
     *
     * @param duration how long
     * @param attempts the attempts made so far, for the exception
     */
    public void sleep(Duration duration, int attempts) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedCallException(attempts);
        }
    }
}
