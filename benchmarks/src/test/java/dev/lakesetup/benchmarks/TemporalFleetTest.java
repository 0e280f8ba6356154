package dev.lakesetup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** W4's Temporal path on three fake workspaces, measured after the in-process path and compared with it. */
class TemporalFleetTest {
    private static final Mode TINY = new Mode("test", 1, 1, 1, 1, 1, 1, Duration.ZERO, 1, 1, 1, 3);

    @Test
    void run_onTheInMemoryService_runsEveryWorkspaceAndIsComparedWithTheInProcessPath() {
        List<WorkloadResult> results;
        try (TemporalFleet temporal = new TemporalFleet()) {
            results = new FleetWorkload(TINY, List.of(new InProcessFleet(), temporal)).run();
        }

        assertThat(results).extracting(WorkloadResult::workload).containsExactly("W4-in-process", "W4-temporal");
        WorkloadResult temporal = results.get(1);
        assertThat(temporal.metrics().get("changed").intValue()).as(temporal.summaryLine()).isEqualTo(3);
        assertThat(temporal.metrics().get("failed").intValue()).isZero();
        assertThat(temporal.metrics()).containsKey("wall_to_first_path");
    }
}
