/**
 * Applying plans: options, the report, progress events, and how calls are made: the {@link
 * dev.lakesetup.core.apply.CallPolicy} (concurrency, retry policy, rate limit, clock and sleeper), its {@link
 * dev.lakesetup.core.apply.RateLimiter} for connections' transports, and the time seam ({@link
 * dev.lakesetup.core.apply.Sleeper}).
 */
package dev.lakesetup.core.apply;
