package dev.lakesetup.benchmarks;

import java.util.List;
import java.util.Map;

/** Renders results as Markdown tables: one of metrics per workload, one of goals. */
public final class ReportTable {
    private ReportTable() {
    }

    /**
     * Renders the metrics table, the goals table and the summary lines.
     *
     * @param results the results of one run
     * @return Markdown text
     */
    public static String render(List<WorkloadResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | metrics |\n|---|---|\n");
        for (WorkloadResult result : results) {
            StringBuilder metrics = new StringBuilder();
            for (Map.Entry<String, Number> entry : result.metrics().entrySet()) {
                if (metrics.length() > 0) {
                    metrics.append(", ");
                }
                metrics.append(entry.getKey()).append('=').append(Numbers.format(entry.getValue()));
            }
            out.append("| ").append(result.workload()).append(" | ").append(metrics).append(" |\n");
        }
        out.append("\n| workload | goal | measured | limit | met |\n|---|---|---|---|---|\n");
        for (WorkloadResult result : results) {
            for (Goal goal : result.goals()) {
                out.append("| ").append(result.workload()).append(" | ").append(goal.name()).append(" | ")
                        .append(Numbers.format(goal.measured())).append(" | ").append(goal.limitText())
                        .append(" | ").append(goal.met() ? "yes" : "**no**").append(" |\n");
            }
        }
        out.append('\n');
        for (WorkloadResult result : results) {
            out.append(result.summaryLine()).append('\n');
        }
        return out.toString();
    }
}
