package dev.lakesetup.benchmarks;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.fleet.CallGate;
import dev.lakesetup.core.fleet.FleetLine;
import dev.lakesetup.core.fleet.FleetListener;
import dev.lakesetup.core.fleet.FleetProgress;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.core.fleet.FleetStatus;
import dev.lakesetup.core.fleet.FleetTask;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.FleetTasks;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.ValidationTransport;
import dev.lakesetup.testkit.FakeWorkspaceFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W4: the Data Graph recipe (preflight, plan, apply, re-plan, validation as the new principal) on many fake
 * workspaces at once, each under its own rate limit, with a bound on the requests in flight across the fleet; every
 * {@link FleetPath} runs on fresh workspaces in the same run, and each path after the first is compared with the
 * first.
 */
final class FleetWorkload {
    static final int RATE = 15;
    static final int CONCURRENCY = 64;
    private static final String WAREHOUSE = "wh1";
    private static final List<String> TABLES = List.of("segment_profiles.profiles.identities", "sales.orders.items");
    private static final RunOptions OPTIONS = RunOptions.defaults().withValidator(v -> v.plainHttpForTesting()
            .transport(ValidationTransport.STATEMENT_API));

    private final Mode mode;
    private final List<FleetPath> paths;
    private final AtomicInteger secretsIssued = new AtomicInteger();
    private final List<String> notes = new ArrayList<>();

    FleetWorkload(Mode mode, List<FleetPath> paths) {
        this.mode = mode;
        this.paths = List.copyOf(paths);
    }

    /** Returns the requests per endpoint of the first workspace of each measured path. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** What one path's run measured. */
    private record Measured(FleetReport report, Duration wall, List<Long> requestsPerWorkspace, int peakPerSecond,
            int peakInFlightAtFakes, int membersInFlight, long heapPerMemberInFlight, long fakesStartMs,
            long heapPerFake) {
    }

    /** Warms each path up on a few workspaces, then measures each on the mode's fleet. */
    List<WorkloadResult> run() {
        for (FleetPath path : paths) {
            measure(path, Math.min(8, mode.fleetWorkspaces()));
        }
        List<WorkloadResult> results = new ArrayList<>();
        Duration first = null;
        for (FleetPath path : paths) {
            Measured measured = measure(path, mode.fleetWorkspaces());
            results.add(result(path, measured, first));
            first = first == null ? measured.wall() : first;
        }
        return results;
    }

    private Measured measure(FleetPath path, int workspaces) {
        long before = HeapSampler.settled();
        long start = System.nanoTime();
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(workspaces).latency(mode.latency())
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter")).start()) {
            long startMs = (System.nanoTime() - start) / 1_000_000;
            long heapPerFake = (HeapSampler.settled() - before) / workspaces;
            fakes.members().forEach(FleetWorkload::seed);
            fakes.resetRequests();
            AtomicInteger inFlight = new AtomicInteger();
            long base = HeapSampler.settled();
            FleetReport report;
            long peakHeap;
            long begin = System.nanoTime();
            try (HeapSampler sampler = HeapSampler.start()) {
                report = path.run(new FleetPath.Run(fakes.members(), FleetWorkload::connect, task(), CONCURRENCY,
                        inFlightPeak(inFlight)));
                peakHeap = sampler.peak();
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - begin);
            List<Long> requests = fakes.members().stream().map(m -> m.requests().total()).toList();
            notes.add("W4-" + path.name() + " " + workspaces + " workspaces, ws-001: "
                    + fakes.member(0).requests().perEndpoint());
            int peakPerSecond = fakes.members().stream()
                    .mapToInt(m -> WindowPeak.peak(m.requestStartTimes(), Duration.ofSeconds(1))).max().orElse(0);
            return new Measured(report, wall, requests, peakPerSecond, fakes.peakInFlight(), inFlight.get(),
                    (peakHeap - base) / Math.max(1, inFlight.get()), startMs, heapPerFake);
        }
    }

    private static void seed(FakeWorkspaceFleet.Member member) {
        List<String> columns = List.of("id INT", "name STRING");
        List<List<?>> rows = List.of(List.of(1, "a"), List.of(2, "b"));
        TABLES.forEach(table -> member.workspace().seedTable(table, columns, rows));
    }

    /** Each workspace's connection: its own rate limit of 15 requests/s and retry policy, the fleet's gate. */
    private static DatabricksWorkspace connect(FakeWorkspaceFleet.Member member, CallGate gate) {
        return DatabricksWorkspace.builder().host(member.host()).plainHttpForTesting().pat(member.adminToken())
                .warehouseId(WAREHOUSE).callGate(gate).httpTimeout(Duration.ofSeconds(60))
                .callPolicy(CallPolicy.builder().rateLimitPerSecond(RATE).build()).build();
    }

    private FleetTask<DatabricksWorkspace> task() {
        DataGraphSetup dataGraph = DataGraphSetup.builder().servicePrincipalNamed("segment-data-graph")
                .warehouse(WAREHOUSE).profilesSyncCatalog("segment_profiles").readOnlyCatalogs("sales")
                .validateWithTables(TABLES.toArray(String[]::new)).secretSink(c -> secretsIssued.incrementAndGet())
                .build();
        return FleetTasks.recipe((lakesetup, workspace) -> dataGraph.run(lakesetup, workspace, OPTIONS));
    }

    private static FleetListener inFlightPeak(AtomicInteger peak) {
        return new FleetListener() {
            @Override
            public void memberStarted(String key, FleetProgress progress) {
                peak.accumulateAndGet(progress.inFlight(), Math::max);
            }

            @Override
            public void memberFinished(FleetLine line, FleetProgress progress) {
                // only the starts raise the peak
            }
        };
    }

    private WorkloadResult result(FleetPath path, Measured m, Duration first) {
        long total = m.requestsPerWorkspace().stream().mapToLong(Long::longValue).sum();
        long slowest = m.requestsPerWorkspace().stream().mapToLong(Long::longValue).max().orElse(0);
        double ownBound = (double) slowest / RATE;
        double fleetBound = total * seconds(mode.latency()) / CONCURRENCY;
        double bound = Math.max(ownBound, fleetBound);
        double wall = seconds(m.wall());
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("workspaces", m.requestsPerWorkspace().size());
        metrics.put("wall_s", wall);
        metrics.put("bound_s", bound);
        metrics.put("ratio_to_bound", wall / bound);
        metrics.put("slowest_own_bound_s", ownBound);
        metrics.put("fleet_bound_s", fleetBound);
        List<Double> durations = m.report().lines().stream().map(l -> seconds(l.duration())).sorted().toList();
        metrics.put("workspace_s_median", durations.get(durations.size() / 2));
        metrics.put("workspace_s_max", durations.get(durations.size() - 1));
        metrics.put("requests", total);
        metrics.put("requests_slowest_workspace", slowest);
        metrics.put("peak_per_s_any_workspace", m.peakPerSecond());
        metrics.put("limit_per_s", RATE);
        metrics.put("peak_in_flight_at_fakes", m.peakInFlightAtFakes());
        metrics.put("concurrency", CONCURRENCY);
        metrics.put("workspaces_in_flight", m.membersInFlight());
        metrics.put("heap_per_workspace_in_flight_kb", m.heapPerMemberInFlight() / 1024);
        metrics.put("fakes_start_ms", m.fakesStartMs());
        metrics.put("heap_per_fake_kb", m.heapPerFake() / 1024);
        for (FleetStatus status : FleetStatus.values()) {
            metrics.put(status.name().toLowerCase(java.util.Locale.ROOT), m.report().count(status));
        }
        List<Goal> goals = new ArrayList<>(List.of(Goal.atMost("wall / bound", wall / bound, 1.3),
                Goal.atMost("peak requests of a workspace in any 1 s window", m.peakPerSecond(), RATE),
                Goal.atMost("failed workspaces", m.report().count(FleetStatus.FAILED), 0)));
        if (first != null) {
            metrics.put("wall_to_first_path", wall / seconds(first));
            goals.add(Goal.atMost("wall / wall of " + paths.get(0).name(), wall / seconds(first), 2.0));
        }
        return new WorkloadResult("W4-" + path.name(), metrics, List.of("ratio_to_bound", "wall_s", "bound_s",
                "peak_per_s_any_workspace", "heap_per_workspace_in_flight_kb"), goals);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
