package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.spi.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Fans SQL reads out so that a pool opens no more SQL sessions than it needs: the first read of a reader runs alone,
 * opening (or borrowing) one connection, and the others are fanned out after it, so a read of a few units reuses that
 * one session instead of opening one per unit at the same moment (a new Databricks SQL session costs a round trip or
 * more). Once one read has answered, later reads fan out all their units at once: the pool is warm, and waiting for
 * one unit first would only add a round trip to every plan and read-back. Each unit is still a call of its own,
 * retried on its own by the engine. Thread-safe; one per reader.
 */
final class WarmFirst {
    private final AtomicBoolean warm = new AtomicBoolean();

    /**
     * Runs the first call alone (until one read has answered), then the rest in parallel, and answers in item order.
     *
     * @param context fans out and retries
     * @param what what each call does, for logs
     * @param items the items, one call each
     * @param call makes one attempt for one item
     * @param <T> the item type
     * @param <V> the answer type
     * @return the answers, in item order
     */
    <T, V> List<V> runAll(ExecutionContext context, String what, List<T> items,
            Function<? super T, ? extends V> call) {
        if (items.size() <= 1 || warm.get()) {
            List<V> all = items.isEmpty() ? List.of() : context.runAll(what, items, call);
            warm.set(true);
            return all;
        }
        List<V> out = new ArrayList<>(context.runAll(what, items.subList(0, 1), call));
        warm.set(true);
        out.addAll(context.runAll(what, items.subList(1, items.size()), call));
        return out;
    }
}
