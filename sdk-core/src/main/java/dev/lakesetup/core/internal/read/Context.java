package dev.lakesetup.core.internal.read;

import dev.lakesetup.core.internal.call.Fanout;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.spi.ExecutionContext;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the engine hands a handler: the principals resolved so far, which securables a grants read must report in
 * full, and the fan-out under the engine's concurrency and retry policy. A context handed to one item of a fan-out
 * ({@link #within}) carries that fan-out's stop condition, so the fan-outs a handler starts with it stop when that
 * fan-out failed or stopped.
 *
 * @param resolutions the principals resolved so far
 * @param fanout runs {@link #runAll} calls
 * @param complete which securables must be read in full
 * @param stopped tells whether the fan-out this context was handed to failed or stopped
 */
public record Context(Resolutions resolutions, Fanout fanout, Predicate<Securable> complete, BooleanSupplier stopped)
        implements ExecutionContext {

    /**
     * Returns a context that asks for no complete read.
     *
     * @param resolutions the principals resolved so far
     * @param fanout runs {@link #runAll} calls
     * @return the context
     */
    public static Context of(Resolutions resolutions, Fanout fanout) {
        return new Context(resolutions, fanout, securable -> false, () -> false);
    }

    /**
     * Returns this context asking for complete reads of some securables.
     *
     * @param which the securables to read in full
     * @return a new context
     */
    public Context completeFor(Predicate<Securable> which) {
        return new Context(resolutions, fanout, which, stopped);
    }

    /**
     * Returns this context for one item of a fan-out: the fan-outs started with it stop once that fan-out stops.
     *
     * @param stop the fan-out's stop condition
     * @return a new context
     */
    public Context within(BooleanSupplier stop) {
        return new Context(resolutions, fanout, complete, stop);
    }

    @Override
    public <T, V> List<V> runAll(String what, List<T> items, Function<? super T, ? extends V> call) {
        return fanout.runAll(stopped, item -> what, items, (item, stop) -> call.apply(item));
    }

    @Override
    public Optional<ApplicationId> applicationIdOf(ServicePrincipal principal) {
        return resolutions.applicationIdOf(principal);
    }

    @Override
    public boolean needsEveryGrant(Securable securable) {
        return complete.test(securable);
    }

    @Override
    public java.time.Clock clock() {
        return fanout.retrier().clock();
    }
}
