package dev.lakesetup.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 20 ms on a daemon thread and keeps the highest reading, without forcing collections. */
final class HeapSampler implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    /** Returns the used heap now. */
    static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Returns the used heap after collections, as settled as a few forced collections make it. */
    static long settled() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return used();
    }

    /** Returns the highest used heap sampled so far. */
    long peak() {
        return Math.max(peak.get(), used());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
