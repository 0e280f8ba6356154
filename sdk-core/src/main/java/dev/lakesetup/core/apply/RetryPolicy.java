package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;

/**
 * The one retry policy of lakesetup: how throttled, transient and not-yet-visible failures are retried, and how
 * long grants are polled for after they were changed. Built with a validating builder; every bound is
 * configurable.
 *
 * <p>Throttled and transient failures share {@link #maxAttempts()} and an exponential backoff
 * ({@link #initialBackoff()} times {@link #multiplier()} per attempt, capped at {@link #maxBackoff()}, with
 * {@link #jitter()} as a random fraction either side). A {@code Retry-After} from the service replaces the backoff,
 * capped at {@link #maxRetryAfter()}. A principal that is not visible yet is retried within its own window
 * ({@link #notYetVisibleWindow()}, at most {@link #notYetVisibleMaxAttempts()} attempts).
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Duration notYetVisibleWindow;
    private final int notYetVisibleMaxAttempts;
    private final int readBackAttempts;
    private final Duration readBackInterval;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.multiplier = builder.multiplier;
        this.maxBackoff = builder.maxBackoff;
        this.jitter = builder.jitter;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.notYetVisibleWindow = builder.notYetVisibleWindow;
        this.notYetVisibleMaxAttempts = builder.notYetVisibleMaxAttempts;
        this.readBackAttempts = builder.readBackAttempts;
        this.readBackInterval = builder.readBackInterval;
    }

    /**
     * Returns the default policy: 5 attempts, backoff 500 ms doubling up to 30 s with 20% jitter, Retry-After
     * capped at 60 s, not-yet-visible principals retried for up to 2 minutes (20 attempts), grants read back up to
     * 5 times 1 s apart.
     *
     * @return the defaults
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this policy's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the most attempts for throttled and transient failures, counting the first.
     *
     * @return the attempts
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns the backoff after the first failed attempt.
     *
     * @return the initial backoff
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * Returns the factor the backoff grows by per attempt.
     *
     * @return the multiplier, at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * Returns the longest backoff.
     *
     * @return the cap
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Returns the random fraction added to or taken from each backoff.
     *
     * @return the jitter, from 0 to 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * Returns the longest wait a {@code Retry-After} can impose.
     *
     * @return the cap
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Returns how long a principal that is not visible yet is waited for, from its first such failure.
     *
     * @return the window
     */
    public Duration notYetVisibleWindow() {
        return notYetVisibleWindow;
    }

    /**
     * Returns the most attempts while waiting for a principal to become visible.
     *
     * @return the attempts
     */
    public int notYetVisibleMaxAttempts() {
        return notYetVisibleMaxAttempts;
    }

    /**
     * Returns how many times grants are read back after a grant change until they show.
     *
     * @return the read-backs, at least 1
     */
    public int readBackAttempts() {
        return readBackAttempts;
    }

    /**
     * Returns the wait between read-backs.
     *
     * @return the interval
     */
    public Duration readBackInterval() {
        return readBackInterval;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + " x" + multiplier + " up to "
                + maxBackoff + " ±" + jitter + ", maxRetryAfter=" + maxRetryAfter + ", notYetVisible="
                + notYetVisibleWindow + "/" + notYetVisibleMaxAttempts + " attempts, readBack=" + readBackAttempts
                + " x " + readBackInterval + "]";
    }

    /** Builds a {@link RetryPolicy}, checking each bound. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration notYetVisibleWindow = Duration.ofMinutes(2);
        private int notYetVisibleMaxAttempts = 20;
        private int readBackAttempts = 5;
        private Duration readBackInterval = Duration.ofSeconds(1);

        private Builder() {
        }

        private Builder(RetryPolicy policy) {
            maxAttempts = policy.maxAttempts;
            initialBackoff = policy.initialBackoff;
            multiplier = policy.multiplier;
            maxBackoff = policy.maxBackoff;
            jitter = policy.jitter;
            maxRetryAfter = policy.maxRetryAfter;
            notYetVisibleWindow = policy.notYetVisibleWindow;
            notYetVisibleMaxAttempts = policy.notYetVisibleMaxAttempts;
            readBackAttempts = policy.readBackAttempts;
            readBackInterval = policy.readBackInterval;
        }

        /**
         * Sets the most attempts for throttled and transient failures.
         *
         * @param maxAttempts at least 1 (1 means no retry)
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = atLeastOne("max attempts", maxAttempts);
            return this;
        }

        /**
         * Sets the backoff after the first failure.
         *
         * @param initialBackoff not negative
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = notNegative("initial backoff", initialBackoff);
            return this;
        }

        /**
         * Sets the factor the backoff grows by.
         *
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw InvalidInputException.of("backoff multiplier", String.valueOf(multiplier), "it is out of range",
                        "a finite number of at least 1");
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the longest backoff.
         *
         * @param maxBackoff not negative
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = notNegative("max backoff", maxBackoff);
            return this;
        }

        /**
         * Sets the random fraction added to or taken from each backoff.
         *
         * @param jitter from 0 (none) to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw InvalidInputException.of("backoff jitter", String.valueOf(jitter), "it is out of range",
                        "a fraction from 0 to 1");
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the longest wait a {@code Retry-After} can impose.
         *
         * @param maxRetryAfter not negative
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = notNegative("max Retry-After", maxRetryAfter);
            return this;
        }

        /**
         * Sets how long a principal that is not visible yet is waited for.
         *
         * @param window not negative
         * @return this builder
         */
        public Builder notYetVisibleWindow(Duration window) {
            this.notYetVisibleWindow = notNegative("not-yet-visible window", window);
            return this;
        }

        /**
         * Sets the most attempts while waiting for a principal to become visible.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder notYetVisibleMaxAttempts(int attempts) {
            this.notYetVisibleMaxAttempts = atLeastOne("not-yet-visible max attempts", attempts);
            return this;
        }

        /**
         * Sets how many times grants are read back after a grant change.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder readBackAttempts(int attempts) {
            this.readBackAttempts = atLeastOne("read-back attempts", attempts);
            return this;
        }

        /**
         * Sets the wait between read-backs.
         *
         * @param interval not negative
         * @return this builder
         */
        public Builder readBackInterval(Duration interval) {
            this.readBackInterval = notNegative("read-back interval", interval);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static int atLeastOne(String field, int value) {
            if (value < 1) {
                throw InvalidInputException.of(field, String.valueOf(value), "it is below 1", "1 or more");
            }
            return value;
        }

        private static Duration notNegative(String field, Duration value) {
            InvalidInputException.requireNonNull(value, field);
            if (value.isNegative()) {
                throw InvalidInputException.of(field, value.toString(), "it is negative", "zero or a positive duration");
            }
            return value;
        }
    }
}
