package dev.lakesetup.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * The sizes of one run: {@link #QUICK} scales the workloads down to finish in well under two minutes, {@link #FULL}
 * runs them at the sizes of the issue.
 *
 * @param name the mode's name
 * @param catalogs catalogs of the large tenant (W1, W2)
 * @param schemasPerCatalog schemas per catalog of the large tenant
 * @param rateCatalogs catalogs of the rate-limited run
 * @param rateSchemasPerCatalog schemas per catalog of the rate-limited run
 * @param smallGrants grants of the smaller planner run (W3)
 * @param largeGrants grants of the larger planner run (W3)
 * @param latency latency injected on every call to the fake
 * @param concurrency lakesetup's concurrency for W1 and W2
 * @param warmUpRounds unmeasured W1 + W2 rounds of each contender before measuring (JIT, connections)
 * @param rounds measured W1 + W2 rounds of each contender; the median round is reported
 * @param fleetWorkspaces workspaces of the fleet run (W4)
 */
public record Mode(String name, int catalogs, int schemasPerCatalog, int rateCatalogs, int rateSchemasPerCatalog,
        int smallGrants, int largeGrants, Duration latency, int concurrency, int warmUpRounds, int rounds,
        int fleetWorkspaces) {

    /** Scaled down: about a minute on two cores. */
    public static final Mode QUICK = new Mode("quick", 12, 10, 8, 10, 10_000, 100_000, Duration.ofMillis(20), 16, 3,
            3, 40);

    /** The sizes of the issue: 50 catalogs x 10 schemas, 10k and 100k grants. */
    public static final Mode FULL = new Mode("full", 50, 10, 50, 10, 10_000, 100_000, Duration.ofMillis(20), 16, 3,
            5, 200);

    /**
     * Returns the mode with this name.
     *
     * @param name {@code quick} or {@code full}
     * @return the mode
     */
    public static Mode named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("mode must be quick or full, was '" + name + "'");
        };
    }

    /**
     * Returns the securables of the large tenant: every catalog and every schema.
     *
     * @return catalogs x (1 + schemas per catalog)
     */
    public int securables() {
        return catalogs * (1 + schemasPerCatalog);
    }
}
