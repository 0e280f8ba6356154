package dev.lakesetup.benchmarks;

import dev.lakesetup.core.fleet.Fleet;
import dev.lakesetup.core.fleet.FleetMember;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.databricks.DatabricksWorkspace;
import java.util.List;

/**
 * W4 in one process: a {@link Fleet} with every workspace in flight (each mostly waits for its own rate limit) and
 * the fleet's call gate bounding the requests on the wire.
 */
final class InProcessFleet implements FleetPath {

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public FleetReport run(Run run) {
        Fleet fleet = Fleet.builder().concurrency(run.concurrency()).membersInFlight(run.workspaces().size())
                .listener(run.listener()).build();
        List<FleetMember<DatabricksWorkspace>> members = run.workspaces().stream()
                .map(w -> FleetMember.<DatabricksWorkspace>of(w.key(), () -> run.connect().apply(w,
                        fleet.callGate())))
                .toList();
        return fleet.run(members, run.task());
    }
}
