package dev.lakesetup.core.testing;

import dev.lakesetup.core.apply.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the engine sleeps: each sleep advances it by the requested duration. */
public final class FakeTime extends Clock implements Sleeper {
    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        nanos.addAndGet(duration.toNanos());
    }

    /** Returns every requested sleep, in order. */
    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    /**
     * Returns the sleeps of at least a millisecond: backoffs, read-back intervals and waits of a binding rate limit.
     * The permit waits of the fixtures' generous rate limit (one permit every 0.1 ms at 10 000 calls/s) are left out.
     */
    public List<Duration> nonZeroSleeps() {
        return sleeps().stream().filter(d -> d.compareTo(Duration.ofMillis(1)) >= 0).toList();
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Returns the time elapsed since the origin. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    @Override
    public Instant instant() {
        return ORIGIN.plusNanos(nanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
