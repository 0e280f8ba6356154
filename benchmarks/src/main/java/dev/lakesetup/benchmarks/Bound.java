package dev.lakesetup.benchmarks;

import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The physical bound of a run against an API with a fixed latency per call: the calls on the critical path one
 * after the other, plus all calls spread over the concurrency.
 *
 * @param criticalPathCalls calls that must happen one after the other (the longest dependency chain, in calls)
 * @param calls every call made
 * @param latency the latency of one call
 * @param concurrency how many calls may be in flight at once
 */
public record Bound(long criticalPathCalls, long calls, Duration latency, int concurrency) {

    /** Validates the inputs. */
    public Bound {
        if (criticalPathCalls < 0 || calls < 0) {
            throw new IllegalArgumentException("call counts must not be negative, were " + criticalPathCalls
                    + " and " + calls);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, was " + latency);
        }
    }

    /**
     * Returns the bound: {@code criticalPathCalls x latency + calls x latency / concurrency}.
     *
     * @return the shortest wall time the calls can take
     */
    public Duration duration() {
        long nanos = latency.toNanos();
        return Duration.ofNanos(criticalPathCalls * nanos + calls * nanos / concurrency);
    }

    /**
     * Returns how many changes the longest dependency chain of a plan's actionable changes holds.
     *
     * @param plan the plan
     * @return the chain length, 0 for a plan with nothing to do
     */
    public static int longestChain(Plan plan) {
        Map<String, Set<String>> graph = new HashMap<>();
        for (Change change : plan.actionableChanges()) {
            Set<String> deps = new java.util.HashSet<>();
            for (ChangeId id : change.dependsOn()) {
                deps.add(id.value());
            }
            graph.put(change.id().value(), deps);
        }
        return longestChain(graph);
    }

    /**
     * Returns how many nodes the longest chain of a dependency graph holds; dependencies outside the graph (changes
     * with nothing to do) add nothing.
     *
     * @param dependsOn each node and the nodes it depends on
     * @return the chain length, 0 for an empty graph
     * @throws IllegalArgumentException when the graph has a cycle
     */
    public static int longestChain(Map<String, Set<String>> dependsOn) {
        Map<String, Integer> depth = new HashMap<>();
        int longest = 0;
        for (String node : dependsOn.keySet()) {
            longest = Math.max(longest, depth(node, dependsOn, depth, new java.util.HashSet<>()));
        }
        return longest;
    }

    private static int depth(String node, Map<String, Set<String>> graph, Map<String, Integer> memo,
            Set<String> visiting) {
        Integer known = memo.get(node);
        if (known != null) {
            return known;
        }
        if (!visiting.add(node)) {
            throw new IllegalArgumentException("dependency cycle through " + node);
        }
        int deepest = 0;
        for (String dependency : graph.getOrDefault(node, Set.of())) {
            if (graph.containsKey(dependency)) {
                deepest = Math.max(deepest, depth(dependency, graph, memo, visiting));
            }
        }
        visiting.remove(node);
        memo.put(node, deepest + 1);
        return deepest + 1;
    }
}
