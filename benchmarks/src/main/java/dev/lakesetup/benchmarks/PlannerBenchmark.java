package dev.lakesetup.benchmarks;

import dev.lakesetup.core.plan.Plan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH form of W3: plans {@code grants} grants against a state in memory. Run it with JMH's runner (see
 * {@code docs/benchmarks.md}); add {@code -prof gc} for allocation rates. Two forks on the fixed heap the W3 harness
 * uses ({@link PlannerGrowth#JVM_OPTIONS}), and warm-up long enough for the JIT to settle on the 10k plan (a few
 * milliseconds each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn2g", "-XX:+UseG1GC"})
public class PlannerBenchmark {
    /** How many grants the blueprint holds. */
    @Param({"10000", "100000"})
    public int grants;

    private GrowthFixture fixture;

    /** Builds the blueprint and the in-memory state. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = GrowthFixture.of(grants);
    }

    /**
     * Plans the blueprint.
     *
     * @return the plan, so the work is not optimised away
     */
    @Benchmark
    public Plan plan() {
        return fixture.lakesetup().plan(fixture.blueprint());
    }
}
