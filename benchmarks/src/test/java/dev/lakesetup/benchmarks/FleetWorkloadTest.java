package dev.lakesetup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.fleet.FleetReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** W4's harness on three fake workspaces: each path measured, the second compared with the first. */
class FleetWorkloadTest {
    private static final Mode TINY = new Mode("test", 1, 1, 1, 1, 1, 1, Duration.ZERO, 1, 1, 1, 3);

    /** A second path, as the Temporal module adds one: here the in-process fleet again, under another name. */
    private static final class SecondPath implements FleetPath {
        @Override
        public String name() {
            return "second";
        }

        @Override
        public FleetReport run(Run run) {
            return new InProcessFleet().run(run);
        }
    }

    @Test
    void run_withTwoPaths_measuresEachAndComparesTheSecondWithTheFirst() {
        FleetWorkload workload = new FleetWorkload(TINY, List.of(new InProcessFleet(), new SecondPath()));

        List<WorkloadResult> results = workload.run();

        assertThat(results).extracting(WorkloadResult::workload).containsExactly("W4-in-process", "W4-second");
        for (WorkloadResult result : results) {
            assertThat(result.metrics().get("changed").intValue()).as(result.summaryLine()).isEqualTo(3);
            assertThat(result.metrics().get("failed").intValue()).isZero();
            assertThat(result.metrics().get("peak_per_s_any_workspace").intValue()).isBetween(1, 16);
            assertThat(result.metrics().get("bound_s").doubleValue()).isPositive();
        }
        assertThat(results.get(0).metrics()).doesNotContainKey("wall_to_first_path");
        assertThat(results.get(1).metrics()).containsKey("wall_to_first_path");
        assertThat(results.get(1).goals()).extracting(Goal::name).contains("wall / wall of in-process");
        assertThat(workload.notes()).hasSize(4);
    }
}
