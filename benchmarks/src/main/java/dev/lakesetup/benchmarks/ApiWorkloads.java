package dev.lakesetup.benchmarks;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.RequestStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads that talk to the fake workspace: W1 (large tenant, on the REST and on the SQL path, against the
 * bound and the naive script measured in the same run), W2 (re-apply with no drift) and W1 at the default rate
 * limit.
 */
final class ApiWorkloads {
    static final String STATEMENTS = "POST /api/2.0/sql/statements/";
    private static final int HIGH_RATE = 10_000;
    private static final int DEFAULT_RATE = 15;

    private final Mode mode;
    private final List<String> notes = new ArrayList<>();

    ApiWorkloads(Mode mode) {
        this.mode = mode;
    }

    /** Returns what the runs so far recorded beyond the metrics: the requests per endpoint of each run. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The path lakesetup takes to the workspace. */
    enum Path {
        /** Unity Catalog REST: one GET per securable to read, one PATCH per securable to write. */
        REST,
        /** SQL through the JDBC driver: information_schema queries to read, one GRANT per principal and securable. */
        SQL
    }

    /** One measured plan + apply. */
    private record Run(Plan plan, ApplyReport report, Duration planTime, Duration wall, RequestStats planning,
            RequestStats total, List<Long> requestStarts) {
        long writes() {
            long writes = 0;
            for (ChangeOutcome outcome : report.outcomes()) {
                if (outcome.change().action().isActionable()) {
                    writes += outcome.attempts();
                }
            }
            return writes;
        }
    }

    /** Runs W1 and W2 on both paths against one tenant, with the naive script in the same run. */
    List<WorkloadResult> largeTenant() {
        CallPolicy policy = policy(HIGH_RATE);
        try (Tenant tenant = Tenant.start(mode.catalogs(), mode.schemasPerCatalog(), mode.latency(), policy)) {
            Map<Path, Lakesetup> instances = new LinkedHashMap<>();
            for (Path path : Path.values()) {
                instances.put(path, lakesetup(executor(tenant, path, mode.concurrency()), policy));
            }
            warmUp(tenant, instances);
            Map<Path, Long> oneChange = new LinkedHashMap<>();
            instances.forEach((path, lakesetup) -> oneChange.put(path, requestsForOneGrant(tenant, lakesetup)));
            ServicePrincipal naivePrincipal = tenant.newPrincipal("bench-naive");
            Duration naive = naive(tenant, naivePrincipal, Integer.MAX_VALUE);
            tenant.revokeAll(naivePrincipal);
            Map<Path, List<Run>> firsts = new LinkedHashMap<>();
            Map<Path, List<Run>> agains = new LinkedHashMap<>();
            // rounds interleave the paths, so that load from elsewhere on the machine hits both alike
            for (int round = 0; round < mode.rounds(); round++) {
                for (Path path : Path.values()) {
                    ServicePrincipal principal = tenant.newPrincipal("bench-" + path.name().toLowerCase() + round);
                    Blueprint blueprint = tenant.readOnlyBlueprint(principal);
                    firsts.computeIfAbsent(path, p -> new ArrayList<>())
                            .add(measure(tenant.fake(), instances.get(path), blueprint));
                    agains.computeIfAbsent(path, p -> new ArrayList<>())
                            .add(measure(tenant.fake(), instances.get(path), blueprint));
                    tenant.revokeAll(principal);
                }
            }
            List<WorkloadResult> results = new ArrayList<>();
            for (Path path : Path.values()) {
                Run first = median(firsts.get(path));
                note("W1-" + path, first);
                results.add(w1(path, first, firsts.get(path), naive, oneChange.get(path)));
                Run again = median(agains.get(path));
                note("W2-" + path, again);
                results.add(w2(path, again));
            }
            return results;
        }
    }

    /** Returns the run with the median wall time (the upper one of an even count). */
    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparing(Run::wall));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Runs W1 through REST at the default rate limit of 15 requests per second. The limit is on the workspace's
     * transport, so each HTTP request, not each executor call, takes a permit: wall time is compared with the requests
     * on the wire over the rate. The engine's calls into the executor are counted too, for comparison.
     */
    WorkloadResult atDefaultRate() {
        warmUpCode();
        // a tenant and a client of their own: the client's start-up requests fall inside the measured run
        CallPolicy policy = policy(DEFAULT_RATE);
        try (Tenant tenant = Tenant.start(mode.rateCatalogs(), mode.rateSchemasPerCatalog(), mode.latency(), policy)) {
            ServicePrincipal principal = tenant.newPrincipal("bench-rate");
            CountingExecutor counting = new CountingExecutor(tenant.workspace().restExecutor());
            Lakesetup lakesetup = lakesetup(counting, policy);
            Run run = measure(tenant.fake(), lakesetup, tenant.readOnlyBlueprint(principal));
            int httpPeak = WindowPeak.peak(run.requestStarts(), Duration.ofSeconds(1));
            int permitPeak = WindowPeak.peak(counting.callStarts(), Duration.ofSeconds(1));
            long calls = run.total().total();
            double callsOverRate = (double) calls / DEFAULT_RATE;
            double wallSeconds = seconds(run.wall());
            Map<String, Number> metrics = new LinkedHashMap<>();
            metrics.put("securables", tenant.readOnlyBlueprint(principal).grants().size());
            metrics.put("wall_s", wallSeconds);
            metrics.put("limit_per_s", DEFAULT_RATE);
            metrics.put("peak_http_per_s", httpPeak);
            metrics.put("peak_calls_per_s", permitPeak);
            metrics.put("http_calls", calls);
            metrics.put("executor_calls", counting.callStarts().size());
            metrics.put("wall_to_http_calls_over_rate", wallSeconds / callsOverRate);
            metrics.put("success", run.report().isSuccess() ? 1 : 0);
            double deviation = Math.abs(wallSeconds / callsOverRate - 1);
            return new WorkloadResult("W1-rate", metrics, List.of("peak_http_per_s",
                    "limit_per_s", "wall_to_http_calls_over_rate"), List.of(
                    Goal.atMost("peak requests in any 1 s window", httpPeak, DEFAULT_RATE),
                    Goal.atMost("deviation of wall from calls / rate", deviation, 0.10)));
        }
    }

    /**
     * Returns the requests of plan + apply of one grant (USE CATALOG on one catalog) by a fresh principal, whose grant
     * is revoked afterwards: every request of such a run waits for the one before it, so this is the critical path of
     * a plan whose changes depend on nothing, in requests.
     */
    private static long requestsForOneGrant(Tenant tenant, Lakesetup lakesetup) {
        ServicePrincipal principal = tenant.newPrincipal("one-grant-" + System.nanoTime());
        Run run = measure(tenant.fake(), lakesetup, tenant.singleGrantBlueprint(principal));
        tenant.revokeAll(principal);
        return run.total().total();
    }

    /**
     * Runs the REST path once on a small tenant of its own, so that the measured rate-limited run on a fresh client
     * pays its start-up requests but not class loading and the JIT of a fresh JVM (when it runs without W1 first).
     */
    private void warmUpCode() {
        CallPolicy policy = policy(HIGH_RATE);
        try (Tenant tenant = Tenant.start(2, 2, mode.latency(), policy)) {
            Lakesetup lakesetup = lakesetup(tenant.workspace().restExecutor(), policy);
            for (int round = 0; round < mode.warmUpRounds(); round++) {
                lakesetup.apply(lakesetup.plan(tenant.readOnlyBlueprint(tenant.newPrincipal("warm-rate" + round))));
            }
        }
    }

    /**
     * Runs each contender before measuring, with throwaway principals whose grants are revoked afterwards: the naive
     * script on a few catalogs, lakesetup on the whole tenant (plan + apply, then the re-plan) for the mode's warm-up
     * rounds. Class loading, the JIT compiling the hot paths (which on two cores competes with the measured run for
     * the CPU) and the first connections of the JDBC driver and the SDK are not measured.
     */
    private void warmUp(Tenant tenant, Map<Path, Lakesetup> instances) {
        ServicePrincipal naive = tenant.newPrincipal("warm-naive");
        naive(tenant, naive, Math.min(3, mode.catalogs()));
        tenant.revokeAll(naive);
        for (int round = 0; round < mode.warmUpRounds(); round++) {
            int r = round;
            instances.forEach((path, lakesetup) -> {
                ServicePrincipal principal = tenant.newPrincipal("warm-" + path + r);
                Blueprint blueprint = tenant.readOnlyBlueprint(principal);
                lakesetup.apply(lakesetup.plan(blueprint));
                lakesetup.plan(blueprint);
                tenant.revokeAll(principal);
            });
        }
    }

    private static Duration naive(Tenant tenant, ServicePrincipal principal, int catalogs) {
        String id = principal.applicationId().orElseThrow().value().toString();
        List<String> statements = catalogs == Integer.MAX_VALUE ? tenant.naiveStatements(id)
                : tenant.naiveStatements(id, catalogs);
        return NaiveScript.run(tenant.fake().host(), tenant.fake().adminToken(), Tenant.WAREHOUSE, statements);
    }

    private void note(String what, Run run) {
        notes.add(what + " planning " + run.planning().perEndpoint());
        Map<String, Long> applying = new java.util.TreeMap<>();
        run.total().perEndpoint().forEach((endpoint, count) -> {
            long during = count - run.planning().count(endpoint);
            if (during > 0) {
                applying.put(endpoint, during);
            }
        });
        notes.add(what + " applying " + applying);
    }

    private static Executor executor(Tenant tenant, Path path, int concurrency) {
        return switch (path) {
            case REST -> tenant.workspace().restExecutor();
            case SQL -> tenant.sqlExecutor(concurrency);
        };
    }

    /** The call policy of one tenant: the engine's concurrency and retries, the workspace transport's rate limit. */
    private CallPolicy policy(int rate) {
        return CallPolicy.builder().concurrency(mode.concurrency()).rateLimitPerSecond(rate).build();
    }

    /** An instance that shares the tenant workspace's call policy (concurrency, retry policy, clock). */
    private static Lakesetup lakesetup(Executor executor, CallPolicy policy) {
        return Lakesetup.builder().executor(executor).callPolicy(policy).build();
    }

    private static Run measure(FakeWorkspace fake, Lakesetup lakesetup, Blueprint blueprint) {
        fake.resetRequests();
        long start = System.nanoTime();
        Plan plan = lakesetup.plan(blueprint);
        long planned = System.nanoTime();
        RequestStats planning = fake.requests();
        ApplyReport report = lakesetup.apply(plan);
        long end = System.nanoTime();
        if (!report.isSuccess()) {
            throw new IllegalStateException("apply failed: " + report.failures());
        }
        return new Run(plan, report, Duration.ofNanos(planned - start), Duration.ofNanos(end - start), planning,
                fake.requests(), fake.requestStartTimes());
    }

    private WorkloadResult w1(Path path, Run run, List<Run> rounds, Duration naive, long oneChangeRequests) {
        int changed = run.plan().actionableChanges().size();
        long calls = run.total().total();
        long writes = run.writes();
        long applyCalls = calls - run.planning().total();
        long callsPerChange = changed == 0 ? 0 : (applyCalls + changed - 1) / changed;
        // a plan of one grant makes its requests one after the other: the read round, the write, any read-back; a
        // longer dependency chain adds the requests of one more change per link
        long criticalPath = oneChangeRequests + (Bound.longestChain(run.plan()) - 1L) * callsPerChange;
        Duration bound = new Bound(criticalPath, calls, mode.latency(), mode.concurrency()).duration();
        double ratio = ratio(run.wall(), bound);
        double speedup = ratio(naive, run.wall());
        // the naive script makes one call per securable, one after the other: its time per call is the latency
        // this machine really delivers (injected latency + the fake's and the client's own time)
        Duration observed = naive.dividedBy(mode.securables());
        Duration observedBound = new Bound(criticalPath, calls, observed, mode.concurrency()).duration();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("securables", mode.securables());
        metrics.put("changed", changed);
        metrics.put("rounds", rounds.size());
        metrics.put("wall_ms", millis(run.wall()));
        metrics.put("wall_ms_best", millis(rounds.stream().map(Run::wall).min(Duration::compareTo).orElseThrow()));
        metrics.put("plan_ms", millis(run.planTime()));
        metrics.put("bound_ms", millis(bound));
        metrics.put("naive_ms", millis(naive));
        metrics.put("observed_call_ms", millis(observed));
        metrics.put("ratio_to_observed_bound", ratio(run.wall(), observedBound));
        metrics.put("ratio_to_bound", ratio);
        metrics.put("speedup_vs_naive", speedup);
        metrics.put("calls", calls);
        metrics.put("reads", calls - writes);
        metrics.put("writes", writes);
        metrics.put("plan_calls", run.planning().total());
        metrics.put("plan_queries", run.planning().count(STATEMENTS));
        metrics.put("critical_path_calls", criticalPath);
        metrics.put("max_in_flight", run.total().maxInFlight());
        List<Goal> goals = new ArrayList<>();
        goals.add(Goal.atMost("wall / bound", ratio, 1.15));
        if (path == Path.REST) {
            // the JDBC driver closes every statement with a request of its own, which caps W1-sql near 8x; its goal
            // is the bound alone (docs/benchmarks.md)
            goals.add(Goal.atLeast("naive / wall", speedup, 10));
        }
        goals.add(Goal.atMost("writes per changed securable", changed == 0 ? 0 : (double) writes / changed, 1));
        if (path == Path.SQL) {
            goals.add(Goal.atMost("queries to read the state", run.planning().count(STATEMENTS), 5));
        }
        return new WorkloadResult("W1-" + path.name().toLowerCase(), metrics, List.of("ratio_to_bound",
                "speedup_vs_naive", "reads", "writes"), goals);
    }

    private static WorkloadResult w2(Path path, Run run) {
        long writes = run.writes();
        long calls = run.total().total();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("changed", run.plan().actionableChanges().size());
        metrics.put("wall_ms", millis(run.wall()));
        metrics.put("calls", calls);
        metrics.put("reads", calls - writes);
        metrics.put("writes", writes);
        metrics.put("plan_queries", run.planning().count(STATEMENTS));
        List<Goal> goals = new ArrayList<>();
        goals.add(Goal.atMost("writes", writes, 0));
        if (path == Path.SQL) {
            goals.add(Goal.atMost("queries to read the state", run.planning().count(STATEMENTS), 5));
        }
        return new WorkloadResult("W2-" + path.name().toLowerCase(), metrics, List.of("reads", "writes"), goals);
    }

    private static double ratio(Duration numerator, Duration denominator) {
        return denominator.isZero() ? Double.NaN : (double) numerator.toNanos() / denominator.toNanos();
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1e5) / 10.0;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
