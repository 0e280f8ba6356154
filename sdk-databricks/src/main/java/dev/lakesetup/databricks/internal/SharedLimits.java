package dev.lakesetup.databricks.internal;

import dev.lakesetup.core.apply.RateLimiter;
import dev.lakesetup.core.fleet.CallGate;

/**
 * What a connection shares with other connections (the members of a fleet): a rate limiter for its account-API
 * requests and a gate bounding the calls in flight; either may be absent ({@code null}).
 *
 * @param limiter a limiter shared by many connections, or {@code null}
 * @param gate a gate shared by many connections, or {@code null}
 */
public record SharedLimits(RateLimiter limiter, CallGate gate) {
    /** Nothing shared. */
    public static final SharedLimits NONE = new SharedLimits(null, null);

    /**
     * Returns the limits that a request to a workspace host takes: the gate only.
     *
     * @return the gate, without the account limiter
     */
    public SharedLimits withoutLimiter() {
        return new SharedLimits(null, gate);
    }
}
