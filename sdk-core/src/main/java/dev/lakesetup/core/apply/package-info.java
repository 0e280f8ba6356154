/**
 * Applying plans: options, the report, progress events, the retry policy and the time seam ({@link
 * dev.lakesetup.core.apply.Sleeper}).
 */
package dev.lakesetup.core.apply;
