package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.spi.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fans SQL reads out so that a pool opens no more SQL sessions than it needs: the first read runs alone, opening (or
 * borrowing) one connection, and the others are fanned out after it, so a read of a few units reuses that one
 * session instead of opening one per unit at the same moment (a new Databricks SQL session costs a round trip or
 * more). Each unit is still a call of its own, retried on its own by the engine.
 */
final class WarmFirst {

    private WarmFirst() {
    }

    /**
     * Runs the first call alone, then the rest in parallel, and answers in item order.
     *
     * @param context fans out and retries
     * @param what what each call does, for logs
     * @param items the items, one call each
     * @param call makes one attempt for one item
     * @param <T> the item type
     * @param <V> the answer type
     * @return the answers, in item order
     */
    static <T, V> List<V> runAll(ExecutionContext context, String what, List<T> items,
            Function<? super T, ? extends V> call) {
        if (items.size() <= 1) {
            return items.isEmpty() ? List.of() : context.runAll(what, items, call);
        }
        List<V> out = new ArrayList<>(context.runAll(what, items.subList(0, 1), call));
        out.addAll(context.runAll(what, items.subList(1, items.size()), call));
        return out;
    }
}
