/**
 * Plans a teardown: the revokes of what a setup granted and the deletions of what it made, read against the live
 * state with the planner's reader, in the reverse of the setup's order.
 */
package dev.lakesetup.core.internal.teardown;
