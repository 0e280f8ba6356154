package dev.lakesetup.core.internal.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs one call per item on a pool of {@code concurrency} threads, each call retried on its own by a
 * {@link Retrier}, and answers in item order. A fan-out made on one of the pool's own threads (a task that fans out
 * again) runs items on that thread too (caller-runs), so it never waits for a pool thread that is busy waiting
 * itself: no deadlock, and never more than {@code concurrency} calls at once on the pool. A call that fails for good
 * stops the items not started and fails the fan-out with a {@link RetriesExhaustedException}, which the
 * {@link Classifier} counts as fatal, so an outer retry does not make the calls again.
 *
 * <p>One fan-out serves one plan, apply or check; {@link #close()} ends its threads.
 */
public final class Fanout implements AutoCloseable {
    private final ExecutorService pool;
    private final Retrier retrier;
    private final Set<Thread> own = ConcurrentHashMap.newKeySet();
    private final int concurrency;
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
        this.concurrency = concurrency;
        this.retrier = retrier;
        this.stopped = stopped;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "lakesetup-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            own.add(thread);
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
        if (items.isEmpty()) {
            return List.of();
        }
        Run<T, V> run = new Run<>(what, List.copyOf(items), call);
        boolean onPool = own.contains(Thread.currentThread());
        int helpers = Math.min(items.size() - (onPool ? 1 : 0), onPool ? concurrency - 1 : concurrency);
        int started = 0;
        try {
            for (; started < helpers; started++) {
                pool.execute(run::work);
            }
        } catch (RejectedExecutionException e) {
            // the pool is closing: the calling thread does the rest, or stops
        }
        if (onPool || started == 0) {
            run.work();
        }
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
        private final Function<? super T, ? extends V> call;
        private final Object[] answers;
        private final AtomicInteger next = new AtomicInteger();
        private int done;
        private RuntimeException failure;

        Run(Function<? super T, String> what, List<T> items, Function<? super T, ? extends V> call) {
            this.what = what;
            this.items = items;
            this.call = call;
            this.answers = new Object[items.size()];
        }

        /** Claims and runs items until none is left or one failed. */
        void work() {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                if (failed()) {
                    finish(i, null, null);
                    continue;
                }
                T item = items.get(i);
                try {
                    V answer = retrier.run(what.apply(item), () -> call.apply(item), Retrier.RetryObserver.NONE,
                            () -> stopped.getAsBoolean() || failed()).value();
                    finish(i, answer, null);
                } catch (RuntimeException e) {
                    finish(i, null, e);
                }
            }
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
