package dev.lakesetup.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What one workload measured: named numbers, the few that go in its summary line, and its goals.
 *
 * @param workload the workload's name, e.g. {@code W1-rest}
 * @param metrics every measured number, in report order
 * @param summaryKeys the metrics the summary line shows, in order
 * @param goals the goals and whether they were met
 */
public record WorkloadResult(String workload, Map<String, Number> metrics, List<String> summaryKeys,
        List<Goal> goals) {

    /** Copies the collections and checks the summary keys name metrics. */
    public WorkloadResult {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        summaryKeys = List.copyOf(summaryKeys);
        goals = List.copyOf(goals);
        for (String key : summaryKeys) {
            if (!metrics.containsKey(key)) {
                throw new IllegalArgumentException("summary key '" + key + "' is not a metric of " + workload);
            }
        }
    }

    /**
     * Returns the one-line summary: the workload's name, then {@code key=value} for each summary key.
     *
     * @return for example {@code W1-rest ratio_to_bound=1.08 speedup_vs_naive=12.40 reads=551 writes=550}
     */
    public String summaryLine() {
        StringJoiner line = new StringJoiner(" ");
        line.add(workload);
        for (String key : summaryKeys) {
            line.add(key + "=" + Numbers.format(metrics.get(key)));
        }
        return line.toString();
    }

    /**
     * Tells whether every goal was met.
     *
     * @return {@code true} if so (also when there are no goals)
     */
    public boolean allGoalsMet() {
        return goals.stream().allMatch(Goal::met);
    }
}
