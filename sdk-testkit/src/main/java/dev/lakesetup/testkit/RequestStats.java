package dev.lakesetup.testkit;

import java.util.Map;

/**
 * A snapshot of the requests a fake received since start or the last reset.
 *
 * @param perEndpoint request count per endpoint key: method and path template, for example
 *     {@code PATCH /api/2.1/unity-catalog/permissions/{type}/{name}} (unknown paths are keyed by method and path)
 * @param total all requests
 * @param maxInFlight the largest number of requests being served at the same time
 */
public record RequestStats(Map<String, Long> perEndpoint, long total, int maxInFlight) {

    /**
     * Copies the map.
     *
     * @param perEndpoint request count per endpoint key: method and path template, for example {@code PATCH /api/2.1/unity-catalog/permissions/{type}/{name}} (unknown paths are keyed by method and path)
     * @param total all requests
     * @param maxInFlight the largest number of requests being served at the same time
     */
    public RequestStats {
        perEndpoint = Map.copyOf(perEndpoint);
    }

    /**
     * Returns the number of requests for one endpoint key (0 when none).
     *
     * @param endpoint the endpoint key, e.g. {@code POST /api/2.0/sql/statements}
     * @return the number of requests for one endpoint key (0 when none)
     */
    public long count(String endpoint) {
        return perEndpoint.getOrDefault(endpoint, 0L);
    }
}
