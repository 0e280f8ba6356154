package dev.lakesetup.core.apply;

import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A client-side rate limit that a transport asks for one permit before each request it sends: the interceptor that
 * keeps a connection under its service's quota.
 *
 * <p>Permits are spaced evenly, at least {@code 1.03 s / rate} apart as measured when granted, never in a burst, so
 * no sliding one-second window holds more than {@code rate} permits, also at the service when the requests' delays on
 * the way vary by up to 30 ms. (A limiter that refills per fixed period lets the end of one period and the start of
 * the next hand out twice the rate within one sliding second.) Callers queue in order: each reserves the next slot,
 * waits for it on the {@link Sleeper}, and is granted the permit only when one interval has passed since the previous
 * grant, so a caller that woke late pushes the next one later instead of letting it follow closely.
 *
 * <p>The limiter's view of its clock never goes backwards: when the clock reads earlier than it did before (a wall
 * clock stepped back), the limiter counts the last reading again and goes on from there, so a step back never makes a
 * caller wait for the step.
 *
 * <p>Thread-safe; share one per connection. Get one from {@link CallPolicy#rateLimiter()}.
 */
public final class RateLimiter {
    /** How much longer than one second {@code rate} intervals last, to absorb varying delays on the way. */
    static final Duration ARRIVAL_MARGIN = Duration.ofMillis(30);

    private final int perSecond;
    private final long intervalNanos;
    private final Clock clock;
    private final Sleeper sleeper;
    private boolean reserved;
    private long nextSlot;
    private boolean granted;
    private long lastGrant;
    private boolean read;
    private long lastReading;
    private long offset;

    RateLimiter(int perSecond, Clock clock, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.intervalNanos = permitInterval(perSecond).toNanos();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Returns the time between two permits: one second plus a 30 ms margin, divided by the rate, rounded up to the
     * nanosecond, so that {@code rate} intervals always span more than one second.
     *
     * @param perSecond the most permits per second
     * @return the interval between permits
     */
    static Duration permitInterval(int perSecond) {
        long span = 1_000_000_000L + ARRIVAL_MARGIN.toNanos();
        return Duration.ofNanos((span + perSecond - 1) / perSecond);
    }

    /**
     * Takes one permit, waiting on the sleeper until the limit allows one more request.
     *
     * @throws LakesetupException when the thread is interrupted while waiting; its interrupt flag is set again
     */
    public void acquire() {
        long slot = reserve();
        for (long wait = tryGrant(slot); wait > 0; wait = tryGrant(slot)) {
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LakesetupException("interrupted while waiting for the rate limit");
            }
        }
    }

    /**
     * Returns the most permits per second.
     *
     * @return the rate
     */
    public int perSecond() {
        return perSecond;
    }

    private synchronized long reserve() {
        long now = nanos();
        long slot = reserved ? Math.max(now, nextSlot) : now;
        reserved = true;
        nextSlot = slot + intervalNanos;
        return slot;
    }

    private synchronized long tryGrant(long slot) {
        long now = nanos();
        long earliest = granted ? Math.max(slot, lastGrant + intervalNanos) : slot;
        if (now < earliest) {
            return earliest - now;
        }
        granted = true;
        lastGrant = now;
        return 0;
    }

    /** Returns the clock's reading plus the time it stepped back so far: never less than the reading before. */
    private long nanos() {
        Instant instant = clock.instant();
        long reading = instant.getEpochSecond() * 1_000_000_000L + instant.getNano() + offset;
        if (read && reading < lastReading) {
            offset += lastReading - reading;
            reading = lastReading;
        }
        read = true;
        lastReading = reading;
        return reading;
    }

    static RateLimiter of(int perSecond, Clock clock, Sleeper sleeper) {
        InvalidInputException.requireNonNull(clock, "clock");
        InvalidInputException.requireNonNull(sleeper, "sleeper");
        return new RateLimiter(perSecond, clock, sleeper);
    }

    @Override
    public String toString() {
        return "RateLimiter[" + perSecond + "/s]";
    }
}
