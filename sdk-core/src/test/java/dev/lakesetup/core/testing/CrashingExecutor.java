package dev.lakesetup.core.testing;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands for a process that dies in the middle of an apply: it passes the first {@code k} changes to the real
 * executor, and every later change fails with a fatal {@link ServiceException}; with {@link Crash#AFTER_SENDING} the
 * change after the first {@code k} still reaches the service, and only its answer is lost. Reads go through
 * untouched (each executor's handlers are wrapped). Several instances may share one budget, for an applier with
 * several executors. Shared with the
 * executor modules' crash-and-resume suites through this module's test jar.
 */
public final class CrashingExecutor extends InterceptingExecutor {
    /** Where the process dies. */
    public enum Crash {
        /** Before the next change is sent: the service never sees it. */
        BEFORE_SENDING,
        /** After the next change is sent: the service applies it, the answer never arrives. */
        AFTER_SENDING
    }

    private final Crash crash;
    private final AtomicInteger budget;

    private CrashingExecutor(Executor delegate, Crash crash, AtomicInteger budget) {
        super(delegate);
        this.crash = crash;
        this.budget = budget;
    }

    /** Wraps executors so that, together, they apply {@code k} changes and then crash. */
    public static List<Executor> crashingAfter(int k, Crash crash, Executor... delegates) {
        AtomicInteger budget = new AtomicInteger(k);
        return Arrays.stream(delegates).<Executor>map(d -> new CrashingExecutor(d, crash, budget)).toList();
    }

    @Override
    public String name() {
        return "crashing " + delegate().name();
    }

    @Override
    public ChangeResult apply(Change change, ExecutionContext context) {
        int left = budget.getAndDecrement();
        if (left > 0) {
            return super.apply(change, context);
        }
        if (left == 0 && crash == Crash.AFTER_SENDING) {
            super.apply(change, context);
            throw ServiceException.builder(ServiceException.Failure.FATAL, "the process stopped after sending "
                    + change.object()).build();
        }
        throw ServiceException.builder(ServiceException.Failure.FATAL, "the process stopped before "
                + change.object()).build();
    }
}
