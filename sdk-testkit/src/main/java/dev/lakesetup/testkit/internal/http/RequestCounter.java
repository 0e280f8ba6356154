package dev.lakesetup.testkit.internal.http;

import dev.lakesetup.testkit.RequestStats;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per endpoint and tracks the maximum number in flight; thread-safe. */
public final class RequestCounter {

    private final Map<String, LongAdder> perEndpoint = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** Records the start of a request. */
    public void started() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        total.incrementAndGet();
    }

    /** Records the endpoint key of a started request. */
    public void endpoint(String key) {
        perEndpoint.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Records the end of a request. */
    public void finished() {
        inFlight.decrementAndGet();
    }

    /** Returns a snapshot. */
    public RequestStats snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        perEndpoint.forEach((k, v) -> copy.put(k, v.sum()));
        return new RequestStats(copy, total.get(), maxInFlight.get());
    }

    /** Clears the counts (requests in flight stay counted as in flight). */
    public void reset() {
        perEndpoint.clear();
        total.set(0);
        maxInFlight.set(inFlight.get());
    }
}
