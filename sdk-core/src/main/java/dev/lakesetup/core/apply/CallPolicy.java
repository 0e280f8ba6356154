package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How lakesetup calls a service, in one object passed explicitly: the retry policy, the rate limit and the
 * concurrency, and the clock and sleeper they run on.
 *
 * <p>The engine ({@code Lakesetup.builder().callPolicy(..)}) uses the concurrency, the retry policy, the clock and
 * the sleeper; a connection ({@code DatabricksWorkspace.builder().callPolicy(..)},
 * {@code AzureConnection.builder().callPolicy(..)}) puts the {@link #rateLimiter()} on its transport, which takes one
 * permit per request on the wire, and waits for long-running statements on the clock and sleeper. Pass one policy to
 * both to share one limit; give each workspace its own to keep each under its own quota. Immutable apart from the
 * rate limiter it owns, which is thread-safe; {@link #toBuilder()} derives a policy with a limiter of its own.
 * <pre>{@code
 * CallPolicy calls = CallPolicy.builder().concurrency(8).rateLimitPerSecond(15).build();
 * DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(host).oauthM2m(id, secret)
 *     .callPolicy(calls).build();
 * Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(calls).build();
 * }</pre>
 */
public final class CallPolicy {
    private final int concurrency;
    private final int rateLimitPerSecond;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final RateLimiter rateLimiter;

    private CallPolicy(Builder builder) {
        this.concurrency = builder.concurrency;
        this.rateLimitPerSecond = builder.rateLimitPerSecond;
        this.retryPolicy = builder.retryPolicy;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.rateLimiter = RateLimiter.of(rateLimitPerSecond, clock, sleeper);
    }

    /**
     * Returns a policy with the defaults: concurrency 8, 15 requests per second, the default retry policy, the
     * system clock and real sleeping.
     *
     * @return a new policy, with a rate limiter of its own
     */
    public static CallPolicy defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this policy's settings; the policy it builds gets a rate limiter of its own.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.concurrency = concurrency;
        builder.rateLimitPerSecond = rateLimitPerSecond;
        builder.retryPolicy = retryPolicy;
        builder.clock = clock;
        builder.sleeper = sleeper;
        builder.random = random;
        return builder;
    }

    /**
     * Returns the most calls in flight at once.
     *
     * @return the concurrency
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Returns the most requests per second a transport using {@link #rateLimiter()} sends.
     *
     * @return the rate limit
     */
    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /**
     * Returns the retry policy.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the clock that times calls, retry windows and the rate limit.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns how waits are made (backoff, rate limit, polling).
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Returns the source of random numbers in [0, 1) for the retry jitter.
     *
     * @return the source
     */
    public DoubleSupplier random() {
        return random;
    }

    /**
     * Returns the rate limiter this policy owns; a transport takes one permit of it before each request.
     *
     * @return the limiter, shared by everything given this policy
     */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public String toString() {
        return "CallPolicy[concurrency=" + concurrency + ", rateLimitPerSecond=" + rateLimitPerSecond + ", "
                + retryPolicy + "]";
    }

    /** Builds a {@link CallPolicy}. */
    public static final class Builder {
        private int concurrency = 8;
        private int rateLimitPerSecond = 15;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * Sets how many calls run at once.
         *
         * @param concurrency 1 to 256
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 256) {
                throw InvalidInputException.of("concurrency", String.valueOf(concurrency), "it is out of range",
                        "1 to 256");
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Sets the most requests per second, reads and writes together.
         *
         * @param rateLimitPerSecond 1 to 10000
         * @return this builder
         */
        public Builder rateLimitPerSecond(int rateLimitPerSecond) {
            if (rateLimitPerSecond < 1 || rateLimitPerSecond > 10_000) {
                throw InvalidInputException.of("rate limit per second", String.valueOf(rateLimitPerSecond),
                        "it is out of range", "1 to 10000");
            }
            this.rateLimitPerSecond = rateLimitPerSecond;
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = InvalidInputException.requireNonNull(retryPolicy, "retry policy");
            return this;
        }

        /**
         * Sets the clock; tests pass a fake one.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = InvalidInputException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how waits are made; tests pass one that advances their fake clock.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = InvalidInputException.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets the source of random numbers in [0, 1) for the retry jitter; tests pass a fixed one.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = InvalidInputException.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the policy, with a rate limiter of its own.
         *
         * @return the policy
         */
        public CallPolicy build() {
            return new CallPolicy(this);
        }
    }
}
