/**
 * Plans as data: {@link dev.lakesetup.core.plan.Plan} holds {@link dev.lakesetup.core.plan.Change}s in the planner's
 * order, each with an {@link dev.lakesetup.core.plan.Action}, its object, its values (settings before and after, or
 * privileges per principal) and its dependencies. Renderers in {@code dev.lakesetup.core.render} read them; a plan
 * never renders itself.
 */
package dev.lakesetup.core.plan;
