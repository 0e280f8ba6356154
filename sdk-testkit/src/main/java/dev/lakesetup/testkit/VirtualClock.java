package dev.lakesetup.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock whose time passes only when someone waits on it, so tests of retries and backoff never sleep for real.
 * Give it to the code under test as its clock and its sleeper ({@code .clock(time).sleeper(time::sleep)}).
 * Thread-safe.
 */
public final class VirtualClock extends Clock {
    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile Duration leastRecorded = Duration.ZERO;

    /**
     * Leaves waits shorter than {@code least} out of {@link #waits()} (they still move the clock): for waits a test
     * does not look at, such as a generous rate limit's spacing between calls.
     *
     * @param least the shortest wait to record
     * @return this clock
     */
    public VirtualClock recordWaitsFrom(Duration least) {
        this.leastRecorded = least;
        return this;
    }

    /**
     * Waits: records the duration and moves the clock forward by it, at once.
     *
     * @param duration how long it took
     */
    public void sleep(Duration duration) {
        if (!duration.isZero()) {
            if (duration.compareTo(leastRecorded) >= 0) {
                waits.add(duration);
            }
            elapsedNanos.addAndGet(duration.toNanos());
        }
    }

    /** {@return the waits asked for, in order, zero waits left out} */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** {@return the longest single wait} */
    public Duration longestWait() {
        return waits.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** {@return all the time that passed} */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }

    @Override
    public Instant instant() {
        return START.plusNanos(elapsedNanos.get());
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
