/**
 * Fleets: one task run across many workspaces in one process, with a bound on the calls in flight across the whole
 * fleet ({@link dev.lakesetup.core.fleet.CallGate}), failures isolated per member, progress events and one
 * {@link dev.lakesetup.core.fleet.FleetReport} with a line per member. Entry point: {@link dev.lakesetup.core.fleet.Fleet}.
 */
package dev.lakesetup.core.fleet;
