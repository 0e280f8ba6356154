package dev.lakesetup.benchmarks;

import dev.lakesetup.core.plan.Plan;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W3: how the planner's time and memory grow with the number of grants, planned against a state in memory. Times are
 * medians of several plans after warm-up; retained heap is the used heap after forced collections, before and after
 * building the blueprint, the state and the plan.
 */
final class PlannerGrowth {
    private static final int WARMUP = 3;
    private static final int MEASURED = 5;

    private final Mode mode;

    PlannerGrowth(Mode mode) {
        this.mode = mode;
    }

    WorkloadResult run() {
        GrowthFixture small = GrowthFixture.of(mode.smallGrants());
        GrowthFixture large = GrowthFixture.of(mode.largeGrants());
        warmUp(small);
        warmUp(large);
        double smallMillis = medianMillis(small);
        double largeMillis = medianMillis(large);
        small = null;
        large = null;
        Heap heap = retained(mode.largeGrants());
        double growth = largeMillis / smallMillis;
        double sizeRatio = (double) mode.largeGrants() / mode.smallGrants();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("grants_small", mode.smallGrants());
        metrics.put("grants_large", mode.largeGrants());
        metrics.put("t_small_ms", smallMillis);
        metrics.put("t_large_ms", largeMillis);
        metrics.put("growth_ratio", growth);
        metrics.put("size_ratio", sizeRatio);
        metrics.put("bytes_per_grant", heap.total() / (double) mode.largeGrants());
        metrics.put("plan_bytes_per_grant", heap.plan() / (double) mode.largeGrants());
        return new WorkloadResult("W3", metrics, List.of("growth_ratio", "bytes_per_grant", "t_small_ms",
                "t_large_ms"), List.of(
                Goal.atMost("t(large) / t(small)", growth, sizeRatio * 1.1),
                Goal.atMost("retained bytes per grant", heap.total() / (double) mode.largeGrants(), 1024)));
    }

    private static void warmUp(GrowthFixture fixture) {
        for (int i = 0; i < WARMUP; i++) {
            Reference.reachabilityFence(fixture.lakesetup().plan(fixture.blueprint()));
        }
    }

    private static double medianMillis(GrowthFixture fixture) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            Plan plan = fixture.lakesetup().plan(fixture.blueprint());
            times.add(System.nanoTime() - start);
            Reference.reachabilityFence(plan);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
    }

    /** Bytes retained by the blueprint, state and plan together, and by the plan alone. */
    private record Heap(long total, long plan) {
    }

    private static Heap retained(int grants) {
        long before = usedAfterGc();
        GrowthFixture fixture = GrowthFixture.of(grants);
        long built = usedAfterGc();
        Plan plan = fixture.lakesetup().plan(fixture.blueprint());
        long after = usedAfterGc();
        Reference.reachabilityFence(fixture);
        Reference.reachabilityFence(plan);
        return new Heap(after - before, after - built);
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
