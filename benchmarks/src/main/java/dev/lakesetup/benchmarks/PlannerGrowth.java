package dev.lakesetup.benchmarks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.plan.Plan;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * W3: how the planner's time and memory grow with the number of grants, planned against a state in memory.
 *
 * <p>Method. The workload runs in a JVM of its own (like a JMH fork), so the other workloads' garbage and type
 * profiles do not reach it, on a fixed heap with a young generation sized for plans this large ({@link #JVM_OPTIONS}).
 * Both sizes are planned in rounds: each round times a batch of plans back to back at each size, the small batch
 * holding {@code large / small} plans so both batches take about as long (timer resolution and bursts of load from
 * elsewhere on the machine weigh alike on both), the two batches in alternating order. Rounds of warm-up come
 * first, until the JIT has compiled the planner at both sizes. Collections are not forced between plans: each plan
 * pays for the collections its own allocation causes, as plans made one after another would. Reported per plan:
 * the fastest and the median batch (wall clock), the process CPU time of the batches without a collection (all
 * threads; robust to time lost waiting for a core on a shared machine, read with a 10 ms resolution over about a
 * second per size), the share of collection pauses and the share of the in-memory read (the stand-in for the
 * service, not the planner's own work; {@code planner_median_growth_ratio} leaves it out). A third batch plans as
 * many different small blueprints, each against its own state, as a small batch plans one blueprint: together they
 * touch as much memory as one large plan, so {@code spread_median_growth_ratio} compares the two sizes without the
 * advantage a small blueprint planned again and again has of staying in the processor's caches (a diagnostic; the
 * goals stay on the plain ratios).
 *
 * <p>Retained heap is the used heap after forced collections, before and after building the blueprint and the plan
 * (the in-memory state, which stands in for the service, is measured apart).
 */
final class PlannerGrowth {
    /**
     * The measuring JVM's memory: a fixed heap (no resizing during the measurement) whose young generation is large
     * next to one plan's allocation (about 40 MB at 100k grants), as in a service's JVM of a few GB, so collections
     * are rare and each plan pays its share of them by the bytes it allocates. With G1's adaptive young generation
     * (about 190 MB on a fixed 4 GB heap on this two-core machine) a collection landed in every fourth or fifth
     * 100k plan and copied what that plan had built so far (about 50 MB, 100 to 250 ms under load): a cost that
     * grows with the square of the plan's size between collections. With a 1 GB young generation in a 2 GB heap,
     * the 1 MB hash tables of 100k plans (humongous objects, kept until a collection) exhausted the space to copy
     * into, and collections took seconds. {@code gc_share_small} and {@code gc_share_large} report what collections
     * cost during the measurement.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms4g", "-Xmx4g", "-Xmn2g", "-XX:+UseG1GC");
    private static final String PREFIX = "w3.";

    private final Mode mode;

    PlannerGrowth(Mode mode) {
        this.mode = mode;
    }

    /**
     * Runs the measurement in a JVM of its own and returns the results and goals.
     *
     * @return the results
     */
    WorkloadResult run() {
        Map<String, Double> measured = inFork();
        double sizeRatio = (double) mode.largeGrants() / mode.smallGrants();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("grants_small", mode.smallGrants());
        metrics.put("grants_large", mode.largeGrants());
        measured.forEach(metrics::put);
        metrics.put("size_ratio", sizeRatio);
        // the growth ratio is reported, no longer a goal: 100k grants plan in tens of milliseconds, and the ratio
        // measures cache sizes more than the planner (docs/benchmarks.md); t(100k) and the heap per grant are kept
        return new WorkloadResult("W3", metrics, List.of("t_large_ms", "bytes_per_grant", "growth_ratio",
                "median_growth_ratio", "t_small_ms"), List.of(
                Goal.atMost("retained bytes per grant (blueprint + plan)", measured.get("bytes_per_grant"), 1024)));
    }

    private Map<String, Double> inFork() {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlannerGrowth.class.getName(),
                mode.name()));
        Map<String, Double> measured = new LinkedHashMap<>();
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    int equals = line.indexOf('=');
                    if (line.startsWith(PREFIX) && equals > 0) {
                        measured.put(line.substring(PREFIX.length(), equals),
                                Double.parseDouble(line.substring(equals + 1)));
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the W3 JVM exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start the W3 JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while W3 ran", e);
        }
        for (String needed : List.of("growth_ratio", "median_growth_ratio", "cpu_growth_ratio", "bytes_per_grant")) {
            if (!measured.containsKey(needed)) {
                throw new IllegalStateException("the W3 JVM reported no " + needed + ": " + measured.keySet());
            }
        }
        return measured;
    }

    /**
     * Measures W3 in this JVM and prints one {@code w3.name=value} line per result; {@link #run()} starts it.
     *
     * @param args the mode's name
     */
    public static void main(String[] args) {
        Mode mode = Mode.named(args[0]);
        measure(mode).forEach((name, value) -> System.out.println(PREFIX + name + "=" + value));
    }

    /** Warm-up rounds and measured rounds per mode. */
    private record Rounds(int warmUp, int measured) {
        static Rounds of(Mode mode) {
            return mode.equals(Mode.FULL) ? new Rounds(15, 40) : new Rounds(10, 20);
        }
    }

    /** One batch of plans: per-plan wall, CPU, collection and read times in nanos. */
    private record Batch(double wall, double cpu, double gc, double read) {
        /** Returns the wall time less the in-memory read's. */
        double planner() {
            return wall - read;
        }
    }

    static Map<String, Number> measure(Mode mode) {
        GrowthFixture small = GrowthFixture.of(mode.smallGrants());
        GrowthFixture large = GrowthFixture.of(mode.largeGrants());
        int smallPlans = Math.max(1, mode.largeGrants() / mode.smallGrants());
        // as many different small blueprints, each with its own state, as one small batch plans: planned one after
        // the other, they touch as much memory as one large plan, where one small blueprint planned again and again
        // stays in the caches
        List<GrowthFixture> spread = new ArrayList<>();
        for (int i = 0; i < smallPlans; i++) {
            spread.add(GrowthFixture.of(mode.smallGrants()));
        }
        Rounds rounds = Rounds.of(mode);
        // the fixtures are long-lived, like a service's own state: into the old generation with them, or every
        // young collection of the measurement would copy them
        usedAfterGc();
        for (int i = 0; i < rounds.warmUp(); i++) {
            batch(List.of(small), smallPlans);
            batch(List.of(large), 1);
            batch(spread, 1);
        }
        usedAfterGc();
        List<Batch> smallBatches = new ArrayList<>();
        List<Batch> largeBatches = new ArrayList<>();
        List<Batch> spreadBatches = new ArrayList<>();
        for (int i = 0; i < rounds.measured(); i++) {
            if (i % 2 == 0) {
                smallBatches.add(batch(List.of(small), smallPlans));
                largeBatches.add(batch(List.of(large), 1));
                spreadBatches.add(batch(spread, 1));
            } else {
                spreadBatches.add(batch(spread, 1));
                largeBatches.add(batch(List.of(large), 1));
                smallBatches.add(batch(List.of(small), smallPlans));
            }
        }
        long allocated = allocatedByOnePlan(large);
        small = null;
        large = null;
        spread = null;
        Heap heap = retained(mode.largeGrants());
        double smallMin = min(smallBatches);
        double largeMin = min(largeBatches);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("t_small_ms", round(smallMin / 1e6));
        metrics.put("t_large_ms", round(largeMin / 1e6));
        metrics.put("t_small_median_ms", round(median(smallBatches) / 1e6));
        metrics.put("t_large_median_ms", round(median(largeBatches) / 1e6));
        metrics.put("growth_ratio", round(largeMin / smallMin));
        metrics.put("median_growth_ratio", round(median(largeBatches) / median(smallBatches)));
        metrics.put("planner_median_growth_ratio", round(median(largeBatches, Batch::planner)
                / median(smallBatches, Batch::planner)));
        metrics.put("t_small_spread_median_ms", round(median(spreadBatches) / 1e6));
        metrics.put("spread_median_growth_ratio", round(median(largeBatches) / median(spreadBatches)));
        // a collection (one or two per run) costs both its workers' CPU time and lands on one batch only
        List<Batch> quietSmall = withoutGc(smallBatches);
        List<Batch> quietLarge = withoutGc(largeBatches);
        metrics.put("cpu_growth_ratio", round(sum(quietLarge, Batch::cpu) / quietLarge.size()
                / (sum(quietSmall, Batch::cpu) / quietSmall.size())));
        metrics.put("gc_share_small", round(sum(smallBatches, Batch::gc) / sum(smallBatches, Batch::wall)));
        metrics.put("gc_share_large", round(sum(largeBatches, Batch::gc) / sum(largeBatches, Batch::wall)));
        metrics.put("read_share_small", round(sum(smallBatches, Batch::read) / sum(smallBatches, Batch::wall)));
        metrics.put("read_share_large", round(sum(largeBatches, Batch::read) / sum(largeBatches, Batch::wall)));
        metrics.put("rounds", rounds.measured());
        metrics.put("small_plans_per_batch", smallPlans);
        metrics.put("allocated_bytes_per_grant", round(allocated / (double) mode.largeGrants()));
        metrics.put("bytes_per_grant", round(heap.blueprintAndPlan() / (double) mode.largeGrants()));
        metrics.put("plan_bytes_per_grant", round(heap.plan() / (double) mode.largeGrants()));
        metrics.put("state_bytes_per_grant", round(heap.state() / (double) mode.largeGrants()));
        return metrics;
    }

    /** Plans each fixture's blueprint {@code times} times back to back and returns the times per plan. */
    private static Batch batch(List<GrowthFixture> fixtures, int times) {
        long gcBefore = gcMillis();
        long readBefore = readNanos(fixtures);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (GrowthFixture fixture : fixtures) {
            for (int i = 0; i < times; i++) {
                Plan plan = fixture.lakesetup().plan(fixture.blueprint());
                Reference.reachabilityFence(plan);
            }
        }
        long wall = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long gc = (gcMillis() - gcBefore) * 1_000_000;
        long read = readNanos(fixtures) - readBefore;
        int plans = fixtures.size() * times;
        return new Batch((double) wall / plans, (double) cpu / plans, (double) gc / plans, (double) read / plans);
    }

    private static long readNanos(List<GrowthFixture> fixtures) {
        long total = 0;
        for (GrowthFixture fixture : fixtures) {
            total += fixture.state().readNanos();
        }
        return total;
    }

    /**
     * Returns the bytes the planning thread allocates for one plan (the read runs on the pool's thread: the
     * in-memory state's answer is not counted).
     */
    private static long allocatedByOnePlan(GrowthFixture fixture) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
            return -1;
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        Plan plan = fixture.lakesetup().plan(fixture.blueprint());
        long after = threads.getThreadAllocatedBytes(id);
        Reference.reachabilityFence(plan);
        return after - before;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    /** Returns the batches during which no collection ran, or all when every one saw a collection. */
    private static List<Batch> withoutGc(List<Batch> batches) {
        List<Batch> quiet = new ArrayList<>();
        for (Batch batch : batches) {
            if (batch.gc() == 0) {
                quiet.add(batch);
            }
        }
        return quiet.isEmpty() ? batches : quiet;
    }

    private static double min(List<Batch> batches) {
        double min = Double.MAX_VALUE;
        for (Batch batch : batches) {
            min = Math.min(min, batch.wall());
        }
        return min;
    }

    private static double median(List<Batch> batches) {
        return median(batches, Batch::wall);
    }

    private static double median(List<Batch> batches, ToDoubleFunction<Batch> part) {
        List<Double> walls = new ArrayList<>();
        for (Batch batch : batches) {
            walls.add(part.applyAsDouble(batch));
        }
        Collections.sort(walls);
        int n = walls.size();
        return n % 2 == 1 ? walls.get(n / 2) : (walls.get(n / 2 - 1) + walls.get(n / 2)) / 2;
    }

    private static double sum(List<Batch> batches, ToDoubleFunction<Batch> part) {
        double total = 0;
        for (Batch batch : batches) {
            total += part.applyAsDouble(batch);
        }
        return total;
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", value));
    }

    /**
     * Bytes retained by the in-memory state (the fake's side, not lakesetup's), by the blueprint and the plan
     * together, and by the plan alone.
     */
    private record Heap(long state, long blueprintAndPlan, long plan) {
    }

    private static Heap retained(int grants) {
        long before = usedAfterGc();
        Lakesetup lakesetup = GrowthFixture.lakesetup(GrowthFixture.state(grants));
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
