package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.ServiceException.Failure;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.apply.Sleeper;
import dev.lakesetup.core.render.ServiceText;
import dev.lakesetup.core.spi.RequestPermits;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every executor call under the one rate limiter and the one retry policy.
 *
 * <p>The rate limit hands out permits evenly spaced: at least {@code 1.03 s / rate} apart as measured when granted,
 * never a burst, so every sliding one-second window holds at most {@code rate} permits. An executor call
 * ({@link #call(String, Supplier, RetryObserver, BooleanSupplier)}) takes no permit itself: each attempt runs with
 * the limiter's {@link RequestPermits} bound to its thread, and permits are taken from there, before each request
 * by an executor that {@linkplain dev.lakesetup.core.spi.Executor#metersRequests() meters its requests}, and once
 * per call by the {@link Router}'s wrapper around any other executor (whose first metered request, if it sends any,
 * uses the call's permit). So every request or call, first attempt or retry, takes exactly one permit. A call that
 * is not an executor call
 * ({@link #callWithPermit(String, Supplier, RetryObserver)}) takes one permit per attempt up front, which its first
 * metered request uses.
 *
 * <p>Time is fakeable: the rate limit ({@link PermitSpacing}) reads nanoseconds from the injected {@link Clock} and
 * says how long to wait, and the wait is done by the injected {@link Sleeper}. Retries use resilience4j's
 * {@link Retry.AsyncContext}, which decides whether to retry and how long to wait (through our
 * {@link IntervalBiFunction}) without sleeping itself; the
 * {@link Sleeper} waits. So no code path calls {@code Thread.sleep} unless the system sleeper is used.
 */
public final class CallGuard {
    private static final Logger LOG = LoggerFactory.getLogger(CallGuard.class);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PermitSpacing rateLimit;
    private final Retry retry;
    private final Retry visibilityRetry;

    /** Told before each retry. */
    @FunctionalInterface
    public interface RetryObserver {
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
     * The result of a guarded call.
     *
     * @param value what the call returned
     * @param attempts how many calls were made
     * @param <T> the value type
     */
    public record Attempted<T>(T value, int attempts) {
    }

    /** A guarded call failed for good; carries the attempts and the last failure as cause. */
    public static final class CallFailedException extends LakesetupException {
        private static final long serialVersionUID = 1L;
        private final int attempts;
        private final Failure failure;

        CallFailedException(Throwable cause, int attempts, Failure failure) {
            // an executor may let an exception through unwrapped: its message may carry service text
            super(cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : ServiceText.escape(cause.getMessage()), cause);
            this.attempts = attempts;
            this.failure = failure;
        }

        /**
         * Returns the calls made.
         *
         * @return the attempts
         */
        public int attempts() {
            return attempts;
        }

        /**
         * Returns the kind of the last failure.
         *
         * @return the kind
         */
        public Failure failure() {
            return failure;
        }
    }

    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
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
     * Creates the guard.
     *
     * @param policy the retry policy
     * @param rateLimitPerSecond the most calls per second
     * @param clock the clock the rate limiter and retry windows read
     * @param sleeper waits
     * @param random numbers in [0, 1) for jitter
     */
    public CallGuard(RetryPolicy policy, int rateLimitPerSecond, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.rateLimit = new PermitSpacing(permitInterval(rateLimitPerSecond), () -> nanos(clock.instant()));
        Backoff backoff = new Backoff(policy, random);
        IntervalBiFunction<Object> interval = (attempt, result) -> backoff.delay(attempt,
                result.isLeft() ? result.getLeft() : null, policy.initialBackoff()).toMillis();
        this.retry = Retry.of("lakesetup", RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(failure -> switch (Classifier.classify(failure)) {
                    case THROTTLED, TRANSIENT -> true;
                    case NOT_YET_VISIBLE, ALREADY_EXISTS, FATAL -> false;
                })
                .build());
        this.visibilityRetry = Retry.of("lakesetup-visibility", RetryConfig.custom()
                .maxAttempts(policy.notYetVisibleMaxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(failure -> Classifier.classify(failure) == Failure.NOT_YET_VISIBLE)
                .build());
    }

    /**
     * How much longer than one second {@code rate} permit intervals last: requests granted permits exactly
     * {@code 1 s / rate} apart reach the service with delays that vary (a new connection, a busy machine), and a
     * request that is a little later than the one {@code rate} permits after it would put {@code rate + 1} request
     * starts in one second as the service counts them. The margin absorbs that much variation for about 3% of
     * throughput.
     */
    static final Duration ARRIVAL_MARGIN = Duration.ofMillis(30);

    /**
     * Returns the time between two permits: one second plus the {@link #ARRIVAL_MARGIN}, divided by the rate, rounded
     * up to the nanosecond, so that {@code rate} intervals always span more than one second (by the margin) and no
     * sliding one-second window holds more than {@code rate} permits, nor, with delays on the way that vary by less
     * than the margin, more than {@code rate} request starts at the service. (Refilling {@code rate} permits at the
     * start of each second would let the end of one second and the start of the next hand out twice the rate within
     * one sliding second.)
     *
     * @param rateLimitPerSecond the most calls per second
     * @return the interval between permits
     */
    static Duration permitInterval(int rateLimitPerSecond) {
        long span = 1_000_000_000L + ARRIVAL_MARGIN.toNanos();
        return Duration.ofNanos((span + rateLimitPerSecond - 1) / rateLimitPerSecond);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * Returns the clock.
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
     * Waits through the sleeper, turning an interruption into {@link InterruptedCallException}.
     *
     * @param duration how long
     * @param attempts the attempts made so far, for the exception
     */
    public void sleep(Duration duration, int attempts) {
        if (duration.isZero()) {
            return;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedCallException(attempts);
        }
    }

    /**
     * Makes a call that is not an executor call with rate limiting and retries: each attempt takes one permit
     * before it starts. Its first request through an executor that meters its requests uses that permit; each
     * further request takes one more.
     *
     * @param what a description for logs
     * @param call the call; one attempt per invocation
     * @param observer told before each retry
     * @param <T> the result type
     * @return the result and the attempts made
     * @throws CallFailedException when the call fails for good
     * @throws InterruptedCallException when the thread is interrupted
     */
    public <T> Attempted<T> callWithPermit(String what, Supplier<T> call, RetryObserver observer) {
        return run(what, call, observer, () -> false, true);
    }

    /**
     * Makes an executor call with rate limiting and retries; the call's permits are taken through the bound
     * {@link RequestPermits}.
     *
     * @param what a description for logs
     * @param call the call; one attempt per invocation
     * @param observer told before each retry
     * @param <T> the result type
     * @return the result and the attempts made
     * @throws CallFailedException when the call fails for good
     * @throws InterruptedCallException when the thread is interrupted
     */
    public <T> Attempted<T> call(String what, Supplier<T> call, RetryObserver observer) {
        return call(what, call, observer, () -> false);
    }

    /**
     * Makes an executor call with rate limiting and retries, giving up as soon as {@code stopped} says so; the
     * call's permits are taken through the bound {@link RequestPermits}.
     *
     * @param what a description for logs
     * @param call the call; one attempt per invocation
     * @param observer told before each retry
     * @param stopped tells whether the apply was stopped, so no further attempt is made
     * @param <T> the result type
     * @return the result and the attempts made
     * @throws CallFailedException when the call fails for good
     * @throws InterruptedCallException when the thread is interrupted or the apply stopped
     */
    public <T> Attempted<T> call(String what, Supplier<T> call, RetryObserver observer, BooleanSupplier stopped) {
        return run(what, call, observer, stopped, false);
    }

    private <T> Attempted<T> run(String what, Supplier<T> call, RetryObserver observer, BooleanSupplier stopped,
            boolean permitPerAttempt) {
        Retry.AsyncContext<Object> general = retry.asyncContext();
        Retry.AsyncContext<Object> visibility = visibilityRetry.asyncContext();
        Instant visibleDeadline = null;
        int attempts = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted() || stopped.getAsBoolean()) {
                throw new InterruptedCallException(attempts);
            }
            if (permitPerAttempt) {
                acquirePermit(attempts);
            }
            attempts++;
            try {
                T value = permits(attempts, permitPerAttempt).callWith(call);
                general.onComplete();
                return new Attempted<>(value, attempts);
            } catch (InterruptedCallException e) {
                throw e;
            } catch (RuntimeException e) {
                Failure failure = Classifier.classify(e);
                long delayMillis;
                if (failure == Failure.NOT_YET_VISIBLE) {
                    Instant now = clock.instant();
                    visibleDeadline = visibleDeadline != null ? visibleDeadline
                            : now.plus(policy.notYetVisibleWindow());
                    delayMillis = visibility.onError(e);
                    if (delayMillis >= 0 && now.plusMillis(delayMillis).isAfter(visibleDeadline)) {
                        delayMillis = -1;
                    }
                } else {
                    delayMillis = general.onError(e);
                }
                if (Thread.currentThread().isInterrupted() || stopped.getAsBoolean()) {
                    throw new InterruptedCallException(attempts);
                }
                if (delayMillis < 0) {
                    throw new CallFailedException(e, attempts, failure);
                }
                Duration delay = Duration.ofMillis(delayMillis);
                LOG.debug("{} failed ({}, attempt {}), retrying in {} ms: {}", what, failure, attempts, delayMillis,
                        ServiceText.escape(e.getMessage()));
                observer.retrying(attempts, delay, e);
                sleep(delay, attempts);
            }
        }
    }

    /**
     * Returns the request permits of one attempt: each takes a permit of the rate limit, except the first when the
     * attempt took one up front.
     */
    private RequestPermits permits(int attempt, boolean firstIsTaken) {
        RequestPermits each = RequestPermits.of(() -> acquirePermit(attempt));
        return firstIsTaken ? firstTaken(each) : each;
    }

    /**
     * Returns permits whose first {@link RequestPermits#acquire()} returns at once, because its permit was taken
     * already (for the call as a whole), and whose later ones take from {@code permits}: a call that took one permit
     * up front and then sends requests through a metered HTTP layer counts its first request once, not twice.
     *
     * @param permits the permits the later requests take
     * @return the permits to bind for the call
     */
    static RequestPermits firstTaken(RequestPermits permits) {
        AtomicBoolean first = new AtomicBoolean(true);
        return RequestPermits.of(() -> {
            if (!first.getAndSet(false)) {
                permits.acquire();
            }
        });
    }

    private void acquirePermit(int attempts) {
        long slot = rateLimit.reserve();
        for (long wait = rateLimit.tryGrant(slot); wait > 0; wait = rateLimit.tryGrant(slot)) {
            sleep(Duration.ofNanos(wait), attempts);
        }
    }
}
