package dev.lakesetup.core;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyRefusedException;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.apply.Sleeper;
import dev.lakesetup.core.apply.StalePlanException;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.internal.apply.Applier;
import dev.lakesetup.core.internal.apply.SafeListener;
import dev.lakesetup.core.internal.call.Fanout;
import dev.lakesetup.core.internal.call.Retrier;
import dev.lakesetup.core.internal.plan.Planner;
import dev.lakesetup.core.internal.plan.StalenessCheck;
import dev.lakesetup.core.internal.plan.Verifier;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.internal.read.Resolutions;
import dev.lakesetup.core.internal.teardown.TeardownPlanner;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalNotFoundException;
import dev.lakesetup.core.plan.SavedPlan;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.spi.Executor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Plans blueprints against the live state, applies plans and verifies what changed since: the entry point of
 * lakesetup.
 *
 * <p>Immutable and thread-safe; build once and share, derive variants with {@link #toBuilder()}. It holds no state
 * between calls: each plan or apply runs its calls under the {@link CallPolicy}'s concurrency and retry policy, on
 * its clock and sleeper. The rate limit belongs to the connections the executors use (for example
 * {@code DatabricksWorkspace.builder().callPolicy(..)}), whose transports take one permit per request.
 * <pre>{@code
 * Lakesetup lakesetup = Lakesetup.builder()
 *     .executor(restExecutor)
 *     .concurrency(8)
 *     .listener(progress)
 *     .build();
 * Plan plan = lakesetup.plan(blueprint);
 * ApplyReport report = lakesetup.apply(plan);
 * }</pre>
 */
public final class Lakesetup {
    private final List<Executor> executors;
    private final CallPolicy policy;
    private final List<ApplyListener> listeners;
    private final SafeListener listener;
    private final Handlers handlers;

    private Lakesetup(Builder builder) {
        this.executors = List.copyOf(builder.executors);
        this.policy = builder.policy;
        this.listeners = List.copyOf(builder.listeners);
        this.listener = new SafeListener(listeners);
        this.handlers = new Handlers(executors);
    }

    /**
     * Starts a builder with the defaults: the {@link CallPolicy#defaults() default call policy} (concurrency 8, the
     * default retry policy, the system clock and real sleeping).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this instance's configuration.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.executors.addAll(executors);
        builder.listeners.addAll(listeners);
        builder.policy = policy;
        return builder;
    }

    /**
     * Reads the live state of what the blueprint touches, in parallel, and returns the changes that would bring it
     * to the blueprint.
     *
     * @param blueprint the desired state
     * @return the plan
     * @throws PrincipalNotFoundException when the blueprint names principals the workspace does not know (looked up
     *     through {@link dev.lakesetup.core.spi.PrincipalDirectory#lookUp}; principals the plan creates are not)
     * @throws LakesetupException before anything is read when no executor handles some declared kinds (naming every
     *     one), or when a read fails for good
     */
    public Plan plan(Blueprint blueprint) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        try (Fanout fanout = fanout("plan", new AtomicBoolean())) {
            Context context = Context.of(new Resolutions(Map.of()), fanout);
            Plan plan = new Planner(handlers, new LiveReader(handlers, fanout), context, listener).plan(blueprint);
            listener.planned(plan);
            return plan;
        }
    }

    /**
     * Verifies a blueprint with the default options: {@link #verify(Blueprint, VerifyOptions)}.
     *
     * @param blueprint the declared state
     * @return what differs from it, item by item
     */
    public DriftReport verify(Blueprint blueprint) {
        return verify(blueprint, VerifyOptions.defaults());
    }

    /**
     * Reads the live state of what the blueprint touches, as {@link #plan(Blueprint)} does (the same reads, in one
     * parallel pass, in bulk where the handlers read in bulk), and reports each declared item without changing
     * anything: {@code OK}, {@code MISSING}, {@code CHANGED} (with the live and the declared value),
     * {@code UNDECLARED} privileges on exclusive securables, OAuth secrets {@code EXPIRING} within the options'
     * window (on this instance's clock). Meant to run on a schedule, also as a read-only identity: a read the
     * identity may not make (a permission error) does not fail the verify; the items it would have checked are
     * {@code SKIPPED} with the service's message and the permission the read needs. A principal the blueprint names
     * that does not exist is a {@code MISSING} item, not an exception.
     *
     * @param blueprint the declared state
     * @param options the secret expiry window (the validation options are for the recipes)
     * @return what differs from it, item by item
     * @throws LakesetupException before anything is read when no executor handles some declared kinds, or when a
     *     read fails for good for another reason than a missing permission
     */
    public DriftReport verify(Blueprint blueprint, VerifyOptions options) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        InvalidInputException.requireNonNull(options, "verify options");
        try (Fanout fanout = fanout("verify", new AtomicBoolean())) {
            Context context = Context.of(new Resolutions(Map.of()), fanout);
            return new Verifier(handlers, fanout, context, listener, policy.clock()).verify(blueprint, options);
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
     * {@link dev.lakesetup.core.spi.GrantStore#apply}). Interrupting the calling thread stops new work; the report
     * then says what ran, and the thread's interrupt flag stays set.
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
        AtomicBoolean stopped = new AtomicBoolean();
        try (Fanout fanout = fanout("apply", stopped)) {
            Context context = Context.of(new Resolutions(plan.resolvedPrincipals()), fanout);
            return new Applier(handlers, fanout, context, stopped, listener).apply(plan, options);
        }
    }

    /**
     * Plans the removal of what a setup of this blueprint gave, reading the live state as {@link #plan} does: the
     * revokes (first) of the declared privileges the principals hold now (with a record, only those lakesetup
     * granted new; without one every declared privilege held, and a {@link Plan#notes() note} says why), then the
     * deletions, in the reverse of the setup's order, of the principal's OAuth secrets, federation policies,
     * warehouse permissions and workspace assignment, and of the resources named in the options. Never a privilege
     * of another principal, never a privilege the blueprint does not declare, never an object that holds data
     * unless named (and its handler refuses one that is not empty). Objects already gone are left out, so a teardown
     * re-planned after a crash shows only what is left. Apply the plan with
     * {@code ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()}.
     *
     * @param blueprint the blueprint the setup applied
     * @param options the record of the setup's runs and the resources named for deletion
     * @return a plan of REVOKE and DELETE changes only, with notes on what it leaves in place and why
     * @throws InvalidInputException when a named resource is not declared by the blueprint
     * @throws LakesetupException when no executor handles grants on a declared securable, or a read fails for good
     */
    public Plan teardown(Blueprint blueprint, TeardownOptions options) {
        InvalidInputException.requireNonNull(blueprint, "blueprint");
        InvalidInputException.requireNonNull(options, "teardown options");
        try (Fanout fanout = fanout("teardown", new AtomicBoolean())) {
            Context context = Context.of(new Resolutions(Map.of()), fanout);
            Plan plan = new TeardownPlanner(handlers, new LiveReader(handlers, fanout), context, listener)
                    .plan(blueprint, options);
            listener.planned(plan);
            return plan;
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
        try (Fanout fanout = fanout("check", new AtomicBoolean())) {
            Context context = Context.of(new Resolutions(plan.resolvedPrincipals()), fanout);
            new StalenessCheck(new LiveReader(handlers, fanout), context, listener)
                    .check(plan, blueprint.exclusiveSecurables());
        }
        return apply(plan, options);
    }

    /**
     * Makes a call to a service outside a plan or an apply, such as a recipe's preflight read, under this
     * instance's retry policy, waiting on its clock and sleeper: throttled, transient and not-yet-visible failures
     * are retried, other failures end it at once. The call takes no permit of a rate limit itself; requests it
     * sends through a connection's transport take theirs.
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
        return Retrier.of(policy).call(what, call);
    }

    /**
     * Returns the most changes or reads run at once.
     *
     * @return the concurrency
     */
    public int concurrency() {
        return policy.concurrency();
    }

    /**
     * Returns the call policy: the concurrency, the retry policy, and the clock and sleeper they run on.
     *
     * @return the policy
     */
    public CallPolicy callPolicy() {
        return policy;
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
        return policy.retryPolicy();
    }

    private Fanout fanout(String purpose, AtomicBoolean stopped) {
        return new Fanout(purpose, policy.concurrency(), Retrier.of(policy), stopped::get);
    }

    @Override
    public String toString() {
        return "Lakesetup[executors=" + executors.stream().map(Executor::name).toList() + ", concurrency="
                + policy.concurrency() + ", " + policy.retryPolicy() + "]";
    }

    /** Builds a {@link Lakesetup}. */
    public static final class Builder {
        private final List<Executor> executors = new ArrayList<>();
        private final List<ApplyListener> listeners = new ArrayList<>();
        private CallPolicy policy = CallPolicy.defaults();

        private Builder() {
        }

        /**
         * Registers an executor; each resource kind and securable type goes to the first registered executor that
         * handles it.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            executors.add(InvalidInputException.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Sets the call policy: the concurrency of plans and applies, the retry policy, and the clock and sleeper
         * they wait on. The policy's rate limit is not used here: pass the policy to the connections too.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder callPolicy(CallPolicy policy) {
            this.policy = InvalidInputException.requireNonNull(policy, "call policy");
            return this;
        }

        /**
         * Sets how many changes or reads run at once, in the call policy.
         *
         * @param concurrency 1 to 256
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            policy = policy.toBuilder().concurrency(concurrency).build();
            return this;
        }

        /**
         * Sets the retry policy, in the call policy.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            policy = policy.toBuilder().retryPolicy(retryPolicy).build();
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
         * Sets the clock that times changes and retry windows, in the call policy; tests pass a fake one.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            policy = policy.toBuilder().clock(clock).build();
            return this;
        }

        /**
         * Sets how the engine waits, in the call policy; tests pass one that advances their fake clock instead of
         * sleeping.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            policy = policy.toBuilder().sleeper(sleeper).build();
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
