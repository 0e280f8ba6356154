package dev.lakesetup.core.fleet;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link Fleet}: a pool of daemon threads runs one task per member, each caught and recorded on its
 * member's line; the caller waits for all of them, or cancels the rest when it is interrupted.
 *
 * @param <W> the type of the members' targets
 */
final class FleetRun<W> {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRun.class);
    private static final long CANCEL_GRACE_SECONDS = 30;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final List<FleetMember<W>> members;
    private final FleetTask<? super W> task;
    private final CallGate gate;
    private final int threads;
    private final FleetListener listener;
    private final Clock clock;
    private final AtomicReferenceArray<FleetLine> lines;
    private final AtomicIntegerArray begun;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean cancelled;

    FleetRun(List<FleetMember<W>> members, FleetTask<? super W> task, CallGate gate, int threads,
            FleetListener listener, Clock clock) {
        this.members = members;
        this.task = task;
        this.gate = gate;
        this.threads = threads;
        this.listener = listener;
        this.clock = clock;
        this.lines = new AtomicReferenceArray<>(members.size());
        this.begun = new AtomicIntegerArray(members.size());
    }

    FleetReport run() {
        Instant begin = clock.instant();
        int run = RUNS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, body -> {
            Thread thread = new Thread(body, "lakesetup-fleet-" + run + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> runOne(index)));
            }
            awaitAll(futures);
        } catch (InterruptedException e) {
            cancel(pool);
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        List<FleetLine> report = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            finish(i, new FleetLine(members.get(i).key(), FleetStatus.CANCELLED, (begun.get(i) == 0
                    ? "not started" : "not finished") + ": the fleet run was interrupted", Duration.ZERO));
            report.add(lines.get(i));
        }
        return FleetReport.of(report, Duration.between(begin, clock.instant()));
    }

    private static void awaitAll(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                // runOne records every failure but a VirtualMachineError, which goes on up
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("a fleet member's runner failed", e.getCause());
            }
        }
    }

    /** Stops members not started, interrupts running ones and waits a while for their lines. */
    private void cancel(ExecutorService pool) {
        cancelled = true;
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("fleet run cancelled; some members' tasks did not end within {} s of their interrupt",
                        CANCEL_GRACE_SECONDS);
            }
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOne(int index) {
        if (cancelled) {
            return;
        }
        begun.set(index, 1);
        FleetMember<W> member = members.get(index);
        Instant begin = clock.instant();
        FleetProgress atStart = progress(started.incrementAndGet(), finished.get());
        notify("started", l -> l.memberStarted(member.key(), atStart));
        FleetLine line;
        try {
            FleetOutcome outcome = task.run(connect(member));
            line = outcome == null
                    ? new FleetLine(member.key(), FleetStatus.FAILED, "the task returned no outcome", since(begin))
                    : new FleetLine(member.key(), outcome.status(), outcome.summary(), since(begin));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            FleetStatus status = cancelled ? FleetStatus.CANCELLED : FleetStatus.FAILED;
            line = new FleetLine(member.key(), status, FleetText.summary((cancelled ? "interrupted: " : "")
                    + describe(e)), since(begin));
            LOG.debug("fleet member {} {}: {}", member.key(), status, line.summary());
        }
        finish(index, line);
    }

    /**
     * Makes the member's target and, when it is a {@link FleetConnection}, checks that it takes the fleet's gate: a
     * connection without it would send its requests outside the fleet's bound, so the member fails instead.
     */
    private W connect(FleetMember<W> member) {
        W target = member.connect().get();
        if (target instanceof FleetConnection connection && connection.callGate().orElse(null) != gate) {
            throw new LakesetupException("fleet member '" + member.key() + "' is not wired to the fleet's call gate"
                    + " (its connection takes " + (connection.callGate().isEmpty() ? "no gate" : "another gate")
                    + "): build it with DatabricksWorkspace.Builder.callGate(fleet.callGate())");
        }
        return target;
    }

    /** Writes a member's line once and tells the listener; a second line for the same member is ignored. */
    private void finish(int index, FleetLine line) {
        if (!lines.compareAndSet(index, null, line)) {
            return;
        }
        if (line.status() == FleetStatus.FAILED) {
            failed.incrementAndGet();
        }
        FleetProgress atEnd = progress(started.get(), finished.incrementAndGet());
        notify("finished", l -> l.memberFinished(line, atEnd));
    }

    /** Returns the exception's class and message, not yet escaped: never its stack or its causes. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private Duration since(Instant begin) {
        return Duration.between(begin, clock.instant());
    }

    private FleetProgress progress(int startedNow, int finishedNow) {
        return new FleetProgress(members.size(), Math.max(startedNow, finishedNow), finishedNow, failed.get());
    }

    private void notify(String event, Consumer<FleetListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("fleet listener {} failed on {}: {}", listener.getClass().getName(), event,
                    ServiceText.escape(e.toString()));
        }
    }
}
