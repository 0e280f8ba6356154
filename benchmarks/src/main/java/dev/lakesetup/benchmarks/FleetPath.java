package dev.lakesetup.benchmarks;

import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.fleet.FleetListener;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.core.fleet.FleetTask;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeWorkspaceFleet;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One way to run W4's fleet, measured side by side with the others in one run: in process ({@link InProcessFleet})
 * or durable (a Temporal workflow per workspace on an in-memory service, added by the Temporal module as a second
 * path). Each path runs the same task on fresh fake workspaces and returns one report line per workspace.
 */
interface FleetPath {

    /**
     * Returns the path's name, the suffix of its workload name ({@code W4-in-process}).
     *
     * @return the name
     */
    String name();

    /**
     * Runs the task once per workspace and returns the report.
     *
     * @param run what to run and where
     * @return a line per workspace
     */
    FleetReport run(Run run);

    /**
     * What a path runs.
     *
     * @param workspaces the fake workspaces, one member each
     * @param connect makes a workspace's connection, taking the given gate (its own rate limit and retry policy
     *     are already set)
     * @param task the task of each workspace
     * @param concurrency the most requests in flight across the fleet
     * @param listener hears each workspace's start and end (for the heap per workspace in flight)
     */
    record Run(List<FakeWorkspaceFleet.Member> workspaces,
            BiFunction<FakeWorkspaceFleet.Member, CallGate, DatabricksWorkspace> connect,
            FleetTask<DatabricksWorkspace> task, int concurrency, FleetListener listener) {
    }
}
