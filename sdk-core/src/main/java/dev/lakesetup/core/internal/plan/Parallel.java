package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.render.ServiceText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs read tasks in parallel and waits for all of them. */
final class Parallel {
    private Parallel() {
    }

    /**
     * Runs tasks on a pool and returns their results in order.
     *
     * @param pool the pool
     * @param tasks the tasks
     * @param <T> the result type
     * @return the results
     * @throws LakesetupException with the first failure as cause, or when interrupted (flag set again)
     */
    static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>(tasks.size());
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(future -> future.cancel(true));
            throw new LakesetupException("planning was interrupted while reading live state", e);
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof LakesetupException lakesetup) {
                throw lakesetup;
            }
            throw new LakesetupException("reading live state failed: " + ServiceText.escape(String.valueOf(cause)),
                    cause);
        }
    }
}
