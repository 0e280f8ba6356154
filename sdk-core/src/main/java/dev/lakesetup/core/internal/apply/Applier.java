package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyRefusedException;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.internal.call.Fanout;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.ChangeLines;
import dev.lakesetup.core.spi.GrantStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies a plan in dependency order, running independent changes in parallel on a bounded pool. A change whose
 * dependency failed or was skipped is skipped; independent branches go on. Interrupting the calling thread stops
 * new work, interrupts running changes, and reports what ran.
 *
 * <p>A grant change must show in a read-back before it counts as applied, unless the service's answer to the write
 * already showed it. One that no other change depends on is not read back on its own: once nothing else is ready or
 * running, all such written grants are read back together, one {@link GrantStore#read} call per store (the
 * calls in parallel), re-reading only the ones still missing on each later poll. Its outcome, and the listener's {@code done} or {@code failed}, follow
 * that read-back. A grant change that others depend on is read back at once, so its dependents start only after it
 * shows.
 */
public final class Applier {
    private final Handlers handlers;
    private final Fanout fanout;
    private final Context context;
    private final AtomicBoolean stopped;
    private final ApplyListener listener;

    /**
     * Creates an applier.
     *
     * @param handlers the handlers that apply changes
     * @param fanout the pool changes run on, bounding their concurrency, and the retries of each call
     * @param context the call context, with the principals the plan resolved
     * @param stopped set when the apply is interrupted, so every call gives up before its next attempt
     * @param listener receives events
     */
    public Applier(Handlers handlers, Fanout fanout, Context context, AtomicBoolean stopped,
            ApplyListener listener) {
        this.handlers = handlers;
        this.fanout = fanout;
        this.context = context;
        this.stopped = stopped;
        this.listener = listener;
    }

    /**
     * Applies a plan.
     *
     * @param plan the plan
     * @param options what is allowed
     * @return the report
     * @throws ApplyRefusedException before any change when the plan holds disallowed changes
     */
    public ApplyReport apply(Plan plan, ApplyOptions options) {
        check(plan, options);
        ChangeRunner runner = new ChangeRunner(handlers, new LiveReader(handlers, fanout), fanout.retrier(), context,
                stopped, listener);
        Run run = new Run(plan, runner, fanout.pool());
        ApplyReport report = run.execute();
        listener.finished(report);
        return report;
    }

    private void check(Plan plan, ApplyOptions options) {
        List<ChangeId> revokes = ids(plan, Action.REVOKE);
        List<ChangeId> deletes = ids(plan, Action.DELETE);
        if (!deletes.isEmpty() && (!options.allowDeletes() || !revokes.isEmpty() && !options.allowRevokes())) {
            List<ChangeId> refused = new ArrayList<>(revokes.isEmpty() || options.allowRevokes() ? List.of()
                    : revokes);
            refused.addAll(deletes);
            throw new ApplyRefusedException("the plan deletes objects" + (revokes.isEmpty() ? "" : " and revokes "
                    + "privileges") + " (" + refused + "); nothing was applied. Review the plan and apply with "
                    + "ApplyOptions.defaults()" + (revokes.isEmpty() ? "" : ".withRevokesAllowed()")
                    + ".withDeletesAllowed()", refused);
        }
        if (!revokes.isEmpty() && !options.allowRevokes()) {
            throw new ApplyRefusedException("the plan revokes privileges (" + revokes + "); nothing was applied. "
                    + "Review the revokes and apply with ApplyOptions.defaults().withRevokesAllowed()", revokes);
        }
        List<ChangeId> conflicts = ids(plan, Action.CONFLICT);
        if (!conflicts.isEmpty() && !options.allowConflicts()) {
            throw new ApplyRefusedException("the plan has conflicts (" + conflicts + "): immutable settings differ "
                    + "and lakesetup never drops or recreates an object; nothing was applied. Fix the blueprint or "
                    + "apply the rest with ApplyOptions.defaults().withConflictsAllowed()", conflicts);
        }
        List<ChangeId> unhandled = plan.actionableChanges().stream().filter(change -> !handlers.handles(change))
                .map(Change::id).toList();
        if (!unhandled.isEmpty()) {
            throw new ApplyRefusedException("no registered executor applies " + unhandled + "; nothing was applied "
                    + "(registered: " + handlers.names() + ")", unhandled);
        }
    }

    private static List<ChangeId> ids(Plan plan, Action action) {
        return plan.changes().stream().filter(change -> change.action() == action).map(Change::id).toList();
    }

    /** The state of one apply; used by the calling thread only. */
    private final class Run {
        private final Plan plan;
        private final ChangeRunner runner;
        private final CompletionService<Step> completions;
        private final ExecutorService pool;
        private final Map<ChangeId, ChangeOutcome> outcomes = new HashMap<>();
        private final Map<ChangeId, Integer> waitingFor = new HashMap<>();
        private final Map<ChangeId, Integer> planOrder = new HashMap<>();
        private final Map<ChangeId, List<Change>> dependents = new HashMap<>();
        private final Deque<Change> ready = new ArrayDeque<>();
        /** Written grants not read back yet. */
        private final List<ReadBack.Written> toConfirm = new ArrayList<>();
        /** Written grants whose outcome is not decided yet, also while being read back. */
        private final Map<ChangeId, ReadBack.Written> unconfirmed = new HashMap<>();
        private final Instant start = fanout.retrier().clock().instant();
        private int inFlight;
        private int decided;
        private int readBackTotal;
        private int readBackDone;

        Run(Plan plan, ChangeRunner runner, ExecutorService pool) {
            this.plan = plan;
            this.runner = runner;
            this.pool = pool;
            this.completions = new ExecutorCompletionService<>(pool);
            for (Change change : plan.changes()) {
                planOrder.put(change.id(), planOrder.size());
                waitingFor.put(change.id(), change.dependsOn().size());
                for (ChangeId dependency : change.dependsOn()) {
                    dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(change);
                }
                if (change.dependsOn().isEmpty()) {
                    ready.add(change);
                }
            }
        }

        ApplyReport execute() {
            listener.progress(new Progress(Progress.Phase.APPLYING, 0, plan.changes().size()));
            boolean interrupted = !runUntilDone();
            if (interrupted) {
                runner.stop();
                // change tasks never started; the pool's queue may also hold fan-out helpers, which are no changes
                inFlight -= (int) pool.shutdownNow().stream().filter(task -> task instanceof Future<?>).count();
                drainInFlight();
                Thread.currentThread().interrupt();
            }
            for (Change change : plan.changes()) {
                ReadBack.Written written = unconfirmed.get(change.id());
                if (written != null) {
                    complete(runner.unconfirmed(written));
                }
            }
            List<ChangeOutcome> ordered = new ArrayList<>(plan.changes().size());
            for (Change change : plan.changes()) {
                ChangeOutcome outcome = outcomes.get(change.id());
                ordered.add(outcome != null ? outcome : new ChangeOutcome(change, Outcome.SKIPPED, 0, Duration.ZERO,
                        "not started: the apply was interrupted"));
            }
            return new ApplyReport(ordered, Duration.between(start, fanout.retrier().clock().instant()), interrupted);
        }

        /** Starts changes as they become ready and takes their steps; {@code false} when the thread was interrupted. */
        private boolean runUntilDone() {
            while (true) {
                startReady();
                if (inFlight == 0) {
                    if (toConfirm.isEmpty()) {
                        return true;
                    }
                    startConfirmations();
                }
                try {
                    Future<Step> next = completions.take();
                    inFlight--;
                    take(result(next));
                } catch (InterruptedException e) {
                    return false;
                }
            }
        }

        private void startReady() {
            while (!ready.isEmpty()) {
                Change change = ready.poll();
                switch (change.action()) {
                    case NO_OP -> complete(new ChangeOutcome(change, Outcome.ALREADY_DONE, 0, Duration.ZERO,
                            "unchanged"));
                    case CONFLICT -> complete(new ChangeOutcome(change, Outcome.SKIPPED, 0, Duration.ZERO,
                            "conflict left as it is: " + String.join("; ", ChangeLines.of(change))));
                    case CREATE, UPDATE, GRANT, REVOKE, DELETE -> {
                        boolean defer = change.action() == Action.GRANT && !dependents.containsKey(change.id());
                        completions.submit(() -> runner.run(change, defer));
                        inFlight++;
                    }
                }
            }
        }

        /** Reads back every written grant waiting for it, one task per grant store, in plan order. */
        private void startConfirmations() {
            readBackTotal += toConfirm.size();
            listener.progress(new Progress(Progress.Phase.READING_BACK, readBackDone, readBackTotal));
            toConfirm.sort(Comparator.comparing(written -> planOrder.get(written.change().id())));
            Map<GrantStore, List<ReadBack.Written>> byStore = new LinkedHashMap<>();
            for (ReadBack.Written written : toConfirm) {
                byStore.computeIfAbsent(written.store(), k -> new ArrayList<>()).add(written);
            }
            for (List<ReadBack.Written> batch : byStore.values()) {
                completions.submit(() -> runner.confirm(batch));
                inFlight++;
            }
            toConfirm.clear();
        }

        private void take(Step step) {
            if (step instanceof Step.Unconfirmed written) {
                toConfirm.add(written.grant());
                unconfirmed.put(written.grant().change().id(), written.grant());
            } else {
                ((Step.Decided) step).outcomes().forEach(this::complete);
            }
        }

        private Step result(Future<Step> future) throws InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a change task failed unexpectedly", e.getCause());
            }
        }

        private void drainInFlight() {
            while (inFlight > 0) {
                try {
                    take(result(completions.take()));
                    inFlight--;
                } catch (InterruptedException again) {
                    return;
                }
            }
        }

        private void complete(ChangeOutcome outcome) {
            Change change = outcome.change();
            outcomes.put(change.id(), outcome);
            boolean readBack = unconfirmed.remove(change.id()) != null;
            if (outcome.succeeded()) {
                listener.done(outcome);
            } else {
                listener.failed(outcome);
            }
            if (readBack && readBackDone < readBackTotal) {
                listener.progress(new Progress(Progress.Phase.READING_BACK, ++readBackDone, readBackTotal));
            }
            listener.progress(new Progress(Progress.Phase.APPLYING, ++decided, plan.changes().size()));
            boolean proceed = outcome.succeeded() || change.action() == Action.CONFLICT;
            for (Change dependent : dependents.getOrDefault(change.id(), List.of())) {
                if (outcomes.containsKey(dependent.id())) {
                    continue;
                }
                if (!proceed) {
                    complete(new ChangeOutcome(dependent, Outcome.SKIPPED, 0, Duration.ZERO,
                            "depends on " + change.id() + ", which " + (outcome.outcome() == Outcome.FAILED
                                    ? "failed" : "was skipped")));
                } else if (waitingFor.merge(dependent.id(), -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
    }
}
