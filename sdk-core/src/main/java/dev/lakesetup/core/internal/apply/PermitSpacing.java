package dev.lakesetup.core.internal.apply;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The client-side rate limit: grants permits at least one interval apart (a little over {@code 1 s / rate}, see
 * {@link CallGuard}), as measured when each permit is granted, never in a burst.
 *
 * <p>A caller first {@linkplain #reserve() reserves} a slot (slots are handed out one interval apart, so callers
 * queue in order), waits for it, and then {@linkplain #tryGrant(long) asks for the permit}: it is granted only when
 * the clock has reached the slot and one interval has passed since the previous grant. A caller that woke late has
 * pushed the previous grant later, so the next one waits a little longer instead of following closely. Any
 * {@code rate + 1} grants therefore span at least {@code rate} intervals, more than one second: no sliding
 * one-second window, wherever it starts, holds more than {@code rate} permits. (A limiter that refills permits per
 * fixed period cannot promise that: permits taken at the end of one period and the start of the next fall within
 * one sliding second, and so does a permit taken mid-period after an idle time with the next period's permits.)
 */
final class PermitSpacing {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private boolean reserved;
    private long nextSlot;
    private boolean granted;
    private long lastGrant;

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
     * Reserves the next slot: now, or one interval after the previous slot, whichever is later.
     *
     * @return the slot's time in nanoseconds
     */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        long slot = reserved ? Math.max(now, nextSlot) : now;
        reserved = true;
        nextSlot = slot + intervalNanos;
        return slot;
    }

    /**
     * Grants the permit of a reserved slot when its time has come.
     *
     * @param slot the time {@link #reserve()} returned
     * @return 0 when granted (the caller may go now), else how long to wait before asking again, in nanoseconds
     */
    synchronized long tryGrant(long slot) {
        long now = nanoTime.getAsLong();
        long earliest = granted ? Math.max(slot, lastGrant + intervalNanos) : slot;
        if (now < earliest) {
            return earliest - now;
        }
        granted = true;
        lastGrant = now;
        return 0;
    }
}
