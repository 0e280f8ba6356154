/**
 * Plans as data: {@link dev.lakesetup.core.plan.Plan} holds {@link dev.lakesetup.core.plan.Change}s, each with an
 * {@link dev.lakesetup.core.plan.Action}, its object, details and dependencies.
 */
package dev.lakesetup.core.plan;
