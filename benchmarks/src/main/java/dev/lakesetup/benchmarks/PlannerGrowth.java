package dev.lakesetup.benchmarks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W3: how the planner's time and memory grow with the number of grants, planned against a state in memory. Both
 * sizes are planned in turn, several times after warm-up, each plan started on a collected heap; the growth is
 * reported from the fastest runs (noise on a shared machine only adds time) and from the medians; retained heap is the used heap after
 * forced collections, before and after building the blueprint and the plan (the in-memory state, which stands in
 * for the service, is measured apart).
 */
final class PlannerGrowth {
    private static final int WARMUP = 3;
    private static final int MEASURED = 7;

    private final Mode mode;
    private long lastGcMillis;

    PlannerGrowth(Mode mode) {
        this.mode = mode;
    }

    WorkloadResult run() {
        GrowthFixture small = GrowthFixture.of(mode.smallGrants());
        GrowthFixture large = GrowthFixture.of(mode.largeGrants());
        for (int i = 0; i < WARMUP; i++) {
            time(small);
            time(large);
        }
        // interleaved, so a burst of load from elsewhere on the machine hits both sizes alike
        List<Long> smallTimes = new ArrayList<>();
        List<Long> largeTimes = new ArrayList<>();
        long smallGc = 0;
        long largeGc = 0;
        for (int i = 0; i < MEASURED; i++) {
            smallTimes.add(time(small));
            smallGc += lastGcMillis;
            largeTimes.add(time(large));
            largeGc += lastGcMillis;
        }
        small = null;
        large = null;
        Heap heap = retained(mode.largeGrants());
        double minGrowth = (double) Collections.min(largeTimes) / Collections.min(smallTimes);
        double medianGrowth = (double) median(largeTimes) / median(smallTimes);
        double sizeRatio = (double) mode.largeGrants() / mode.smallGrants();
        double perGrant = heap.blueprintAndPlan() / (double) mode.largeGrants();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("grants_small", mode.smallGrants());
        metrics.put("grants_large", mode.largeGrants());
        metrics.put("t_small_ms", Collections.min(smallTimes) / 1e6);
        metrics.put("t_large_ms", Collections.min(largeTimes) / 1e6);
        metrics.put("growth_ratio", minGrowth);
        metrics.put("median_growth_ratio", medianGrowth);
        metrics.put("gc_share_small", smallGc / (sum(smallTimes) / 1e6));
        metrics.put("gc_share_large", largeGc / (sum(largeTimes) / 1e6));
        metrics.put("size_ratio", sizeRatio);
        metrics.put("bytes_per_grant", perGrant);
        metrics.put("plan_bytes_per_grant", heap.plan() / (double) mode.largeGrants());
        metrics.put("state_bytes_per_grant", heap.state() / (double) mode.largeGrants());
        return new WorkloadResult("W3", metrics, List.of("growth_ratio", "median_growth_ratio", "bytes_per_grant",
                "t_small_ms", "t_large_ms"), List.of(
                Goal.atMost("t(large) / t(small), fastest runs", minGrowth, sizeRatio * 1.1),
                Goal.atMost("t(large) / t(small), median runs", medianGrowth, sizeRatio * 1.1),
                Goal.atMost("retained bytes per grant (blueprint + plan)", perGrant, 1024)));
    }

    /** Plans once on a collected heap, so no plan pays for the garbage of the one before, and returns the nanos. */
    private long time(GrowthFixture fixture) {
        usedAfterGc();
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        Plan plan = fixture.lakesetup().plan(fixture.blueprint());
        long elapsed = System.nanoTime() - start;
        lastGcMillis = gcMillis() - gcBefore;
        Reference.reachabilityFence(plan);
        return elapsed;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    private static double sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Bytes retained by the in-memory state (the fake's side, not lakesetup's), by the blueprint and the plan
     * together, and by the plan alone.
     */
    private record Heap(long state, long blueprintAndPlan, long plan) {
    }

    private static Heap retained(int grants) {
        long before = usedAfterGc();
        Lakesetup lakesetup = GrowthFixture.lakesetup(grants);
        long withState = usedAfterGc();
        Blueprint blueprint = GrowthFixture.blueprint(grants);
        long withBlueprint = usedAfterGc();
        Plan plan = lakesetup.plan(blueprint);
        long after = usedAfterGc();
        Reference.reachabilityFence(lakesetup);
        Reference.reachabilityFence(blueprint);
        Reference.reachabilityFence(plan);
        return new Heap(withState - before, after - withState, after - withBlueprint);
    }

    /** Returns the used heap once repeated collections stop freeing memory. */
    static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used - 64 * 1024) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
