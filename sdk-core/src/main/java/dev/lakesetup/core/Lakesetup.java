package dev.lakesetup.core;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.apply.Sleeper;
import dev.lakesetup.core.internal.apply.Applier;
import dev.lakesetup.core.internal.apply.CallGuard;
import dev.lakesetup.core.internal.apply.Router;
import dev.lakesetup.core.internal.apply.SafeListener;
import dev.lakesetup.core.internal.plan.Planner;
import dev.lakesetup.core.internal.plan.StalenessCheck;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.SavedPlan;
import dev.lakesetup.core.spi.Executor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Plans blueprints against the live state and applies plans: the entry point of lakesetup.
 *
 * <p>Immutable and thread-safe; build once and share, derive variants with {@link #toBuilder()}. Every call to a
 * service, read or write, goes through one client-side rate limit and one retry policy shared by all plans and
 * applies of this instance.
 * <pre>{@code
 * Lakesetup lakesetup = Lakesetup.builder()
 *     .executor(restExecutor)
 *     .concurrency(8).rateLimitPerSecond(15)
 *     .listener(progress)
 *     .build();
 * Plan plan = lakesetup.plan(blueprint);
 * ApplyReport report = lakesetup.apply(plan);
 * }</pre>
 */
public final class Lakesetup {
    private final List<Executor> executors;
    private final int concurrency;
    private final int rateLimitPerSecond;
    private final RetryPolicy retryPolicy;
    private final List<ApplyListener> listeners;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final SafeListener listener;
    private final CallGuard guard;
    private final Router router;
    private final Set<Executor> readBefore = ConcurrentHashMap.newKeySet();

    private Lakesetup(Builder builder) {
        this.executors = List.copyOf(builder.executors);
        this.concurrency = builder.concurrency;
        this.rateLimitPerSecond = builder.rateLimitPerSecond;
        this.retryPolicy = builder.retryPolicy;
        this.listeners = List.copyOf(builder.listeners);
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.listener = new SafeListener(listeners);
        this.guard = new CallGuard(retryPolicy, rateLimitPerSecond, clock, sleeper, random);
        this.router = new Router(executors);
    }

    /**
     * Starts a builder with the defaults: concurrency 8, 15 requests per second, the default retry policy, the
     * system clock and real sleeping.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this instance's configuration; the built instance gets its own rate limiter.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.executors.addAll(executors);
        builder.listeners.addAll(listeners);
        builder.concurrency = concurrency;
        builder.rateLimitPerSecond = rateLimitPerSecond;
        builder.retryPolicy = retryPolicy;
        builder.clock = clock;
        builder.sleeper = sleeper;
        builder.random = random;
        return builder;
    }

    /**
     * Reads the live state of what the blueprint touches, in parallel, and returns the changes that would bring it
     * to the blueprint.
     *
     * @param blueprint the desired state
     * @return the plan
     * @throws PrincipalNotFoundException when the blueprint names principals the workspace does not know (looked up
     *     through {@link dev.lakesetup.core.spi.Executor#lookUp}; principals the plan creates are not)
     * @throws LakesetupException when no executor handles a declared object, or a read fails for good
     */
    public Plan plan(Blueprint blueprint) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        ExecutorService pool = newPool("plan");
        try {
            Plan plan = new Planner(router, guard, readBefore, listener).plan(blueprint, pool);
            listener.planned(plan);
            return plan;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Applies a plan with the default options, which refuse revokes and conflicts.
     *
     * @param plan the plan
     * @return the report of every change
     * @throws ApplyRefusedException before any change when the plan holds revokes or conflicts
     */
    public ApplyReport apply(Plan plan) {
        return apply(plan, ApplyOptions.defaults());
    }

    /**
     * Applies a plan: changes in dependency order, independent ones in parallel up to the concurrency, each
     * retried by the retry policy; a failed change skips its dependents. A grant counts as applied once it shows:
     * in the service's answer, or else in a read-back, made in bulk for the grants no other change waits for (see
     * {@link Executor#apply}). Interrupting the calling thread stops new work; the report then says what ran, and
     * the thread's interrupt flag stays set.
     *
     * @param plan the plan
     * @param options what the apply may do beyond adding
     * @return the report of every change
     * @throws ApplyRefusedException before any change when the plan holds disallowed revokes or conflicts, or a
     *     change no executor applies
     */
    public ApplyReport apply(Plan plan, ApplyOptions options) {
        InvalidInputException.requireNonNull(plan, "plan");
        InvalidInputException.requireNonNull(options, "apply options");
        ExecutorService pool = newPool("apply");
        try {
            return new Applier(router, guard, listener).apply(plan, options, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Applies a saved plan with the default options: {@link #apply(SavedPlan, Blueprint, ApplyOptions)}.
     *
     * @param saved the plan read with {@link SavedPlan#read}
     * @param blueprint the blueprint the plan was made from
     * @return the report of every change
     * @throws StalePlanException before any change, naming every object that moved since planning
     */
    public ApplyReport apply(SavedPlan saved, Blueprint blueprint) {
        return apply(saved, blueprint, ApplyOptions.defaults());
    }

    /**
     * Applies a saved plan, as Terraform applies a saved plan: first reads again every object the plan touches
     * (each resource it plans, the grants on each securable it grants or revokes on) and refuses, before any change,
     * when any of them is no longer as planning read it; then applies exactly the saved changes as
     * {@link #apply(Plan, ApplyOptions)} does. The resources to write come from the blueprint, which must declare
     * each planned resource with the settings that were saved (the file holds no secret values and no sinks).
     *
     * @param saved the plan read with {@link SavedPlan#read}
     * @param blueprint the blueprint the plan was made from
     * @param options what the apply may do beyond adding
     * @return the report of every change
     * @throws StalePlanException before any change, naming every object that moved since planning
     * @throws InvalidInputException when the blueprint is not the one the plan was made from
     * @throws ApplyRefusedException before any change when the plan holds disallowed revokes or conflicts
     */
    public ApplyReport apply(SavedPlan saved, Blueprint blueprint, ApplyOptions options) {
        InvalidInputException.requireNonNull(saved, "saved plan");
        InvalidInputException.requireNonNull(options, "apply options");
        Plan plan = saved.toPlan(blueprint);
        ExecutorService pool = newPool("check");
        try {
            new StalenessCheck(router, guard, listener).check(plan, blueprint.exclusiveSecurables(), pool);
        } finally {
            pool.shutdownNow();
        }
        return apply(plan, options);
    }

    /**
     * Makes a call to a service outside a plan or an apply, such as a recipe's preflight read, under this
     * instance's rate limiter and retry policy, waiting on its clock and sleeper. Each attempt takes one permit; when
     * the call sends requests through an executor that {@linkplain Executor#metersRequests() meters its requests},
     * the first request uses that permit and each further one takes its own.
     *
     * @param what a description for logs, e.g. {@code check Unity Catalog}
     * @param call the call; one attempt per invocation
     * @param <T> the result type
     * @return the call's result
     * @throws RuntimeException the last failure of the call, as thrown by it, when it fails for good (at once for a
     *     fatal failure, after the retries the policy allows for the others)
     * @throws LakesetupException when the calling thread is interrupted while waiting to retry
     */
    public <T> T call(String what, Supplier<T> call) {
        InvalidInputException.requireNonNull(what, "description");
        InvalidInputException.requireNonNull(call, "call");
        try {
            return guard.callWithPermit(what, call, (attempt, delay, cause) -> { }).value();
        } catch (CallGuard.CallFailedException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Returns the most changes or reads run at once.
     *
     * @return the concurrency
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Returns the most requests per second to the services.
     *
     * @return the rate limit
     */
    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /**
     * Returns one listener that passes each event on to every listener registered on the builder, logging and
     * ignoring one that throws: for work outside a plan or an apply that reports progress, such as validation as
     * the principal ({@code PrincipalValidator.builder().listener(lakesetup.listener())}).
     *
     * @return the forwarding listener
     */
    public ApplyListener listener() {
        return listener;
    }

    /**
     * Returns the retry policy.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    private ExecutorService newPool(String purpose) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "lakesetup-" + purpose + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(concurrency, factory);
    }

    @Override
    public String toString() {
        return "Lakesetup[executors=" + executors.stream().map(Executor::name).toList() + ", concurrency="
                + concurrency + ", rateLimitPerSecond=" + rateLimitPerSecond + ", " + retryPolicy + "]";
    }

    /** Builds a {@link Lakesetup}. */
    public static final class Builder {
        private final List<Executor> executors = new ArrayList<>();
        private final List<ApplyListener> listeners = new ArrayList<>();
        private int concurrency = 8;
        private int rateLimitPerSecond = 15;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * Registers an executor; each object goes to the first registered executor that handles it.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            executors.add(InvalidInputException.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Sets how many changes or reads run at once.
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
         * Sets the most requests per second sent to the services, reads and writes together.
         *
         * <p>The limit holds per request on the wire for an executor that {@linkplain Executor#metersRequests()
         * meters its requests} (the Databricks REST executor): each HTTP request it sends during a plan or an apply,
         * its start-up discovery and token requests and every retry included, takes one permit. Any other executor
         * (SQL through a JDBC driver) takes one permit per call: one planning read, one change attempt, one read-back
         * (requests such a call sends through a metered HTTP layer, as the SQL executor does for what has no SQL
         * form, take permits from the second one on). Permits are spaced evenly, one
         * every {@code 1.03 s / rate}, so no sliding one-second window holds more than the limit, also at the service
         * when the requests' delays on the way vary by up to 30 ms.
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
         * Adds a listener for plan and apply events.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ApplyListener listener) {
            listeners.add(InvalidInputException.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the clock that times changes, the rate limiter and retry windows; tests pass a fake one.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = InvalidInputException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how the engine waits; tests pass one that advances their fake clock instead of sleeping.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = InvalidInputException.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the instance.
         *
         * @return the instance
         * @throws IllegalStateException when no executor was registered
         */
        public Lakesetup build() {
            if (executors.isEmpty()) {
                throw new IllegalStateException("register at least one executor with executor(..)");
            }
            return new Lakesetup(this);
        }
    }
}
