package dev.lakesetup.core.apply;

import java.time.Duration;

/**
 * Waits, for retry backoff, rate limiting and read-back polling. The engine never calls {@code Thread.sleep}
 * directly: tests pass a sleeper that advances a fake clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Returns the sleeper that really waits, with {@link Thread#sleep(long, int)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    }

    /**
     * Waits for a duration.
     *
     * @param duration how long, not negative
     * @throws InterruptedException if the thread is interrupted while waiting; the engine then stops
     */
    void sleep(Duration duration) throws InterruptedException;
}
