package dev.lakesetup.core.spi;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.PrincipalLookup;
import java.util.Optional;

/**
 * Knows a service's principals: resolves a service principal known by display name to its application id, and
 * checks at plan time that a principal a grant names exists.
 */
public interface PrincipalDirectory {

    /**
     * Finds the application id of a service principal known by display name.
     *
     * @param principal a reference by display name
     * @param context the call context
     * @return the application id, or empty when no such principal exists
     */
    Optional<ApplicationId> resolve(ServicePrincipal principal, ExecutionContext context);

    /**
     * Looks a principal up, so a grant to one that does not exist fails at plan time instead of after apply's
     * retries.
     *
     * <p>The planner asks once per distinct principal the blueprint names (except those the plan creates), in
     * parallel. A directory that looks in several places (the workspace, then the account) answers
     * {@link PrincipalLookup#missing missing} only when none knows it, naming every place it asked.
     *
     * @param principal a service principal (by application id, or by display name when it could not be resolved),
     *     user or group
     * @param context the call context
     * @return whether it exists and what was asked, or empty when this directory cannot check such a principal
     */
    Optional<PrincipalLookup> lookUp(Principal principal, ExecutionContext context);
}
