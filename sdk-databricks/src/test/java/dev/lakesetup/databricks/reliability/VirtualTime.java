package dev.lakesetup.databricks.reliability;

import dev.lakesetup.core.apply.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time for the engine that passes only when the engine waits, so no reliability test sleeps for real. */
final class VirtualTime extends Clock implements Sleeper {
    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        if (!duration.isZero()) {
            waits.add(duration);
            elapsedNanos.addAndGet(duration.toNanos());
        }
    }

    /** The waits the engine asked for, in order, zero waits left out. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** The longest single wait. */
    Duration longestWait() {
        return waits.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** All the time that passed. */
    Duration elapsed() {
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
