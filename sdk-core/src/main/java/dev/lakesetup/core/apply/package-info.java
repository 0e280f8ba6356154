/**
 * Applying plans: options, the report, progress events, the refusals to apply
 * ({@link dev.lakesetup.core.apply.ApplyRefusedException}, {@link dev.lakesetup.core.apply.StalePlanException}), and
 * how calls are made: the {@link dev.lakesetup.core.apply.CallPolicy} (concurrency, retry policy, rate limit, clock
 * and sleeper), its {@link dev.lakesetup.core.apply.RateLimiter} for connections' transports, and the time seam
 * ({@link dev.lakesetup.core.apply.Sleeper}). Reports are data: render one with
 * {@code dev.lakesetup.core.render.ReportFormat}.
 */
package dev.lakesetup.core.apply;
