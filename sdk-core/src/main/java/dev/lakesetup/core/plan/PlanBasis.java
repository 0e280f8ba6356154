package dev.lakesetup.core.plan;

import dev.lakesetup.core.InvalidInputException;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.spi.ObservedResource;
import java.util.List;
import java.util.Map;

/**
 * The live state a plan was made against: each planned resource that existed, as read, and the direct grants on
 * each securable the plan reads grants on. A saved plan keeps it, so that applying the plan later can refuse when
 * that state has moved since. Secrets are never read back, so none is held here.
 *
 * @param resources the planned resources that existed, as read; a planned resource not in it did not exist
 * @param grants the direct grants read on securables; a securable not in it had none
 */
public record PlanBasis(Map<ResourceId, ObservedResource> resources,
        Map<Securable, List<PrincipalPrivileges>> grants) {

    /**
     * Checks and copies the components.
     *
     * @param resources the planned resources that existed, as read; a planned resource not in it did not exist
     * @param grants the direct grants read on securables; a securable not in it had none
     */
    public PlanBasis {
        resources = Map.copyOf(InvalidInputException.requireNonNull(resources, "observed resources"));
        grants = Map.copyOf(InvalidInputException.requireNonNull(grants, "observed grants"));
    }

    /**
     * Returns the direct grants read on a securable.
     *
     * @param securable the securable
     * @return the grants, empty when it had none
     */
    public List<PrincipalPrivileges> grantsOn(Securable securable) {
        return grants.getOrDefault(securable, List.of());
    }
}
