package dev.lakesetup.testkit.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per endpoint and tracks the maximum number in flight; thread-safe. */
public final class RequestCounter {
    private static final long MAX_START_TIMES = 1_000_000;

    private final Map<String, LongAdder> perEndpoint = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    /** Start times ({@link System#nanoTime()}), capped so a long-running sandbox does not grow without bound. */
    private final ConcurrentLinkedQueue<Long> startNanos = new ConcurrentLinkedQueue<>();

    /** Records the start of a request. */
    public void started() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        if (total.incrementAndGet() <= MAX_START_TIMES) {
            startNanos.add(System.nanoTime());
        }
    }

    /** Records the endpoint key of a started request. */
    public void endpoint(String key) {
        perEndpoint.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Records the end of a request. */
    public void finished() {
        inFlight.decrementAndGet();
    }

    /**
     * The counts at one moment.
     *
     * @param perEndpoint requests per endpoint key, sorted by key
     * @param total every request
     * @param maxInFlight the most requests in flight at once
     */
    public record Counts(Map<String, Long> perEndpoint, long total, int maxInFlight) {

        /** Returns the requests to one endpoint key, 0 for one never called. */
        public long count(String endpoint) {
            return perEndpoint.getOrDefault(endpoint, 0L);
        }
    }

    /** Returns a snapshot. */
    public Counts snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        perEndpoint.forEach((k, v) -> copy.put(k, v.sum()));
        return new Counts(copy, total.get(), maxInFlight.get());
    }

    /** Returns the start times ({@link System#nanoTime()}) of the first million requests since the last reset. */
    public List<Long> startTimes() {
        return List.copyOf(new ArrayList<>(startNanos));
    }

    /** Clears the counts (requests in flight stay counted as in flight). */
    public void reset() {
        perEndpoint.clear();
        startNanos.clear();
        total.set(0);
        maxInFlight.set(inFlight.get());
    }
}
