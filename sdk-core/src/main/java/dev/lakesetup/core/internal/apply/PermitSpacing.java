package dev.lakesetup.core.internal.apply;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The client-side rate limit: hands out permits at least {@code 1 s / rate} apart, never in a burst.
 *
 * <p>Each permit is reserved for the later of now and one interval after the previous permit, so any {@code rate + 1}
 * permits span at least {@code rate} intervals, which is more than one second: no sliding one-second window, wherever
 * it starts, holds more than {@code rate} permits. A limiter that refills permits per fixed period cannot promise
 * that: permits taken at the end of one period and the start of the next fall within one sliding second, and so does
 * a permit taken mid-period after an idle time together with the next period's permits.
 */
final class PermitSpacing {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private boolean started;
    private long nextFree;

    /**
     * Creates the limit.
     *
     * @param interval the least time between two permits
     * @param nanoTime reads the time in nanoseconds (from the injected clock, so tests can fake it)
     */
    PermitSpacing(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Reserves the next permit.
     *
     * @return how long the caller must wait before using it, in nanoseconds; 0 when it may go at once
     */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        long at = started ? Math.max(now, nextFree) : now;
        started = true;
        nextFree = at + intervalNanos;
        return at - now;
    }
}
