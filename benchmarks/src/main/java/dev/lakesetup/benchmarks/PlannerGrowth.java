package dev.lakesetup.benchmarks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W3: how the planner's time and memory grow with the number of grants, planned against a state in memory. Times are
 * medians of several plans after warm-up, each started on a collected heap; retained heap is the used heap after
 * forced collections, before and after building the blueprint and the plan (the in-memory state, which stands in
 * for the service, is measured apart).
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
        double perGrant = heap.blueprintAndPlan() / (double) mode.largeGrants();
        metrics.put("bytes_per_grant", perGrant);
        metrics.put("plan_bytes_per_grant", heap.plan() / (double) mode.largeGrants());
        metrics.put("state_bytes_per_grant", heap.state() / (double) mode.largeGrants());
        return new WorkloadResult("W3", metrics, List.of("growth_ratio", "bytes_per_grant", "t_small_ms",
                "t_large_ms"), List.of(
                Goal.atMost("t(large) / t(small)", growth, sizeRatio * 1.1),
                Goal.atMost("retained bytes per grant (blueprint + plan)", perGrant, 1024)));
    }

    private static void warmUp(GrowthFixture fixture) {
        for (int i = 0; i < WARMUP; i++) {
            Reference.reachabilityFence(fixture.lakesetup().plan(fixture.blueprint()));
        }
    }

    private static double medianMillis(GrowthFixture fixture) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            // start each plan on a collected heap, so no plan pays for the garbage of the one before
            usedAfterGc();
            long start = System.nanoTime();
            Plan plan = fixture.lakesetup().plan(fixture.blueprint());
            times.add(System.nanoTime() - start);
            Reference.reachabilityFence(plan);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
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
