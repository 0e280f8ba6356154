package dev.lakesetup.core.fleet;

import java.util.Optional;

/**
 * A member's target that says which {@link CallGate} its requests take, so that a {@link Fleet} can refuse a member
 * whose connection was not given the fleet's gate instead of letting it run unbounded. {@code DatabricksWorkspace}
 * is one; a target that is not a {@code FleetConnection} is not checked.
 */
public interface FleetConnection {

    /**
     * Returns the gate this connection's requests take while on the wire, if it was given one.
     *
     * @return the gate, or empty for a connection bounded by nothing shared
     */
    Optional<CallGate> callGate();
}
