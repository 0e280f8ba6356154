package dev.lakesetup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadResultTest {

    private static WorkloadResult w1() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("wall_ms", 1234.5);
        metrics.put("ratio_to_bound", 1.0833);
        metrics.put("speedup_vs_naive", 12.0);
        metrics.put("reads", 551L);
        metrics.put("writes", 550);
        return new WorkloadResult("W1-rest", metrics, List.of("ratio_to_bound", "speedup_vs_naive", "reads",
                "writes"), List.of(Goal.atMost("wall / bound", 1.0833, 1.15), Goal.atLeast("naive / wall", 12, 10)));
    }

    @Test
    void summaryLine_whenMetricsMixed_printsNameThenKeyValuesInOrder() {
        assertThat(w1().summaryLine())
                .isEqualTo("W1-rest ratio_to_bound=1.08 speedup_vs_naive=12 reads=551 writes=550");
    }

    @Test
    void summaryLine_whenSmallFraction_keepsThreeDecimals() {
        WorkloadResult result = new WorkloadResult("W3", Map.of("growth_ratio", 0.0456), List.of("growth_ratio"),
                List.of());
        assertThat(result.summaryLine()).isEqualTo("W3 growth_ratio=0.046");
    }

    @Test
    void constructor_whenSummaryKeyUnknown_isRejected() {
        assertThatThrownBy(() -> new WorkloadResult("W2", Map.of("reads", 1), List.of("writes"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writes");
    }

    @Test
    void goals_whenOneMissed_reportNotAllMet() {
        WorkloadResult result = new WorkloadResult("W1-sql", Map.of("reads", 9), List.of("reads"),
                List.of(Goal.atMost("queries to read the state", 9, 5)));
        assertThat(result.allGoalsMet()).isFalse();
        assertThat(result.goals().get(0)).hasToString("queries to read the state 9 <= 5 (NOT met)");
        assertThat(w1().allGoalsMet()).isTrue();
    }

    @Test
    void render_whenResults_printsMetricsGoalsAndSummaryLines() {
        String text = ReportTable.render(List.of(w1()));

        assertThat(text).contains("| W1-rest | wall_ms=1234.50, ratio_to_bound=1.08, speedup_vs_naive=12, "
                + "reads=551, writes=550 |")
                .contains("| W1-rest | naive / wall | 12 | >= 10 | yes |")
                .endsWith("W1-rest ratio_to_bound=1.08 speedup_vs_naive=12 reads=551 writes=550\n");
    }
}
