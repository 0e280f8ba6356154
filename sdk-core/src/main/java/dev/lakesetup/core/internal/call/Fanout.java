package dev.lakesetup.core.internal.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs one call per item on the calling thread and up to {@code concurrency - 1} helper threads of a pool, each call
 * retried on its own by a {@link Retrier}, and answers in item order. The calling thread always claims items itself,
 * on or off the pool, so a fan-out never waits for a pool thread that is busy (or busy waiting for the caller): it
 * only waits for items another thread already runs. Helpers are shared by all the fan-outs of one {@code Fanout}: at
 * most {@code concurrency - 1} run at once, so the one thread that plans (or a pool thread that applies a change)
 * and its helpers make at most {@code concurrency} calls at once. A call that fails for good stops the items not
 * started and fails the fan-out with a {@link RetriesExhaustedException}, which the {@link Classifier} counts as
 * fatal, so an outer retry does not make the calls again. A fan-out started from an item of another one stops too
 * when that other one fails or stops, when the item passes its stop condition on ({@link #runAll(BooleanSupplier,
 * Function, List, BiFunction)}).
 *
 * <p>One fan-out serves one plan, apply or check; {@link #close()} ends its threads.
 */
public final class Fanout implements AutoCloseable {
    private final ExecutorService pool;
    private final Retrier retrier;
    private final Semaphore helpers;
    private final int helpersPerRun;
    private final BooleanSupplier stopped;

    /**
     * Starts a pool.
     *
     * @param name names the threads, e.g. {@code plan}
     * @param concurrency the most calls at once
     * @param retrier retries each call
     * @param stopped tells whether the work was stopped, so no further call starts
     */
    public Fanout(String name, int concurrency, Retrier retrier, BooleanSupplier stopped) {
        this.helpers = new Semaphore(concurrency - 1);
        this.helpersPerRun = concurrency - 1;
        this.retrier = retrier;
        this.stopped = stopped;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "lakesetup-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Returns the pool, for work that is not a fan-out (the applier's changes).
     *
     * @return the pool
     */
    public ExecutorService pool() {
        return pool;
    }

    /**
     * Returns the retrier each call is made with.
     *
     * @return the retrier
     */
    public Retrier retrier() {
        return retrier;
    }

    /**
     * Makes one call per item in parallel, each retried on its own, and returns the answers in item order.
     *
     * @param what what each call does, for logs and the failure
     * @param items the items
     * @param call makes one attempt for one item
     * @param <T> the item type
     * @param <V> the answer type
     * @return the answers, in item order
     * @throws RetriesExhaustedException when a call fails for good
     * @throws Retrier.InterruptedCallException when the thread is interrupted or the work stopped
     */
    public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
        return runAll(item -> what, items, call);
    }

    /**
     * Makes one call per item in parallel, each retried on its own, and returns the answers in item order.
     *
     * @param what says what the call for an item does, for logs and the failure
     * @param items the items
     * @param call makes one attempt for one item
     * @param <T> the item type
     * @param <V> the answer type
     * @return the answers, in item order
     * @throws RetriesExhaustedException when a call fails for good
     * @throws Retrier.InterruptedCallException when the thread is interrupted or the work stopped
     */
    public <T, V> List<V> runAll(Function<? super T, String> what, List<T> items,
            Function<? super T, ? extends V> call) {
        return runAll(() -> false, what, items, (item, stop) -> call.apply(item));
    }

    /**
     * Makes one call per item in parallel within an enclosing run, each retried on its own, and returns the answers
     * in item order. No further attempt starts once the enclosing run stopped, this fan-out failed, or the work was
     * stopped; each call is given that stop condition, to pass on to the fan-outs it starts.
     *
     * @param enclosing tells whether the run this fan-out is part of failed or stopped
     * @param what says what the call for an item does, for logs and the failure
     * @param items the items
     * @param call makes one attempt for one item, given this fan-out's stop condition
     * @param <T> the item type
     * @param <V> the answer type
     * @return the answers, in item order
     * @throws RetriesExhaustedException when a call fails for good
     * @throws Retrier.InterruptedCallException when the thread is interrupted or the work stopped
     */
    public <T, V> List<V> runAll(BooleanSupplier enclosing, Function<? super T, String> what, List<T> items,
            BiFunction<? super T, BooleanSupplier, ? extends V> call) {
        if (items.isEmpty()) {
            return List.of();
        }
        Run<T, V> run = new Run<>(what, List.copyOf(items), call, enclosing);
        // the caller takes the first item (the engine lists its heaviest reads first), so the thread that is
        // already running does it, and a nested fan-out inside it is led by a thread that holds no helper slot
        int first = run.claimFirst();
        // helpers wait for a slot rather than give up: a slot held by another fan-out's helper frees soon, and a
        // helper that finds every item claimed by then just leaves
        int wanted = Math.min(items.size() - 1, helpersPerRun);
        try {
            for (int started = 0; started < wanted; started++) {
                pool.execute(run::help);
            }
        } catch (RejectedExecutionException e) {
            // the pool is closing: the calling thread does the rest, or stops
        }
        run.workFrom(first);
        return run.await();
    }

    /** Ends the pool's threads, interrupting running calls. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One fan-out: items are claimed in order by whichever thread asks next. */
    private final class Run<T, V> {
        private final Function<? super T, String> what;
        private final List<T> items;
        private final BiFunction<? super T, BooleanSupplier, ? extends V> call;
        private final BooleanSupplier enclosing;
        private final BooleanSupplier stop = this::stopping;
        private final Object[] answers;
        private final AtomicInteger next = new AtomicInteger();
        private int done;
        private RuntimeException failure;

        Run(Function<? super T, String> what, List<T> items, BiFunction<? super T, BooleanSupplier, ? extends V> call,
                BooleanSupplier enclosing) {
            this.what = what;
            this.items = items;
            this.call = call;
            this.enclosing = enclosing;
            this.answers = new Object[items.size()];
        }

        /** Works as a helper once fewer than {@code concurrency - 1} helpers run; leaves when interrupted. */
        void help() {
            try {
                helpers.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                work();
            } finally {
                helpers.release();
            }
        }

        /** Claims and runs items until none is left or one failed. */
        void work() {
            workFrom(next.getAndIncrement());
        }

        /** Claims the first item for the calling thread, before any helper can. */
        int claimFirst() {
            return next.getAndIncrement();
        }

        /** Runs an item already claimed, then claims and runs more until none is left or one failed. */
        void workFrom(int claimed) {
            for (int i = claimed; i < items.size(); i = next.getAndIncrement()) {
                if (failed()) {
                    finish(i, null, null);
                    continue;
                }
                T item = items.get(i);
                try {
                    V answer = retrier.run(what.apply(item), () -> call.apply(item, stop), Retrier.RetryObserver.NONE,
                            stop).value();
                    finish(i, answer, null);
                } catch (RuntimeException e) {
                    finish(i, null, e);
                }
            }
        }

        private boolean stopping() {
            return stopped.getAsBoolean() || failed() || enclosing.getAsBoolean();
        }

        private synchronized boolean failed() {
            return failure != null;
        }

        private synchronized void finish(int index, Object answer, RuntimeException error) {
            answers[index] = answer;
            if (error != null && (failure == null || failure instanceof Retrier.InterruptedCallException)) {
                failure = error;
            }
            done++;
            notifyAll();
        }

        /** Waits for every item to finish, then answers or throws the first failure. */
        @SuppressWarnings("unchecked")
        synchronized List<V> await() {
            while (done < items.size()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure != null ? failure : new Retrier.InterruptedCallException(0);
                    throw failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            List<V> out = new ArrayList<>(answers.length);
            Arrays.stream(answers).forEach(answer -> out.add((V) answer));
            return out;
        }
    }
}
