package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.internal.read.Resolutions;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the principals a plan looks up in the workspace's directory: every distinct grantee, warehouse permission
 * holder and secret owner the blueprint names, except service principals the plan itself creates (declared as a
 * {@link WorkspaceServicePrincipal}) and those already found by display name while planning.
 */
final class PrincipalChecks {
    private PrincipalChecks() {
    }

    /**
     * Returns the principals to look up, each once, in the order the blueprint first names them.
     *
     * @param blueprint the desired state
     * @param resolutions service principals found by display name while planning
     * @return the principals
     */
    static List<Principal> toCheck(Blueprint blueprint, Resolutions resolutions) {
        Set<Principal> named = new LinkedHashSet<>();
        for (Resource resource : blueprint.resources()) {
            if (resource instanceof OAuthSecret secret) {
                named.add(secret.principal());
            } else if (resource instanceof WarehousePermission permission) {
                named.add(permission.principal());
            }
        }
        Principal last = null;
        for (Grant grant : blueprint.grants()) {
            // grants mostly repeat a principal: skip hashing the one just added
            if (grant.principal() != last) {
                named.add(grant.principal());
            }
            last = grant.principal();
        }
        named.removeIf(principal -> exempt(principal, blueprint, resolutions));
        return List.copyOf(named);
    }

    /**
     * Returns the service principals known by display name that the blueprint names, each once, in the order it
     * first names them: the ones planning resolves before it reads.
     *
     * @param blueprint the desired state
     * @return the principals to resolve
     */
    static List<ServicePrincipal> toResolve(Blueprint blueprint) {
        Set<ServicePrincipal> named = new LinkedHashSet<>();
        for (Resource resource : blueprint.resources()) {
            principalOf(resource).ifPresent(named::add);
        }
        Principal last = null;
        for (Grant grant : blueprint.grants()) {
            // grants mostly repeat a principal: skip hashing the one just added
            if (grant.principal() != last && grant.principal() instanceof ServicePrincipal sp) {
                named.add(sp);
            }
            last = grant.principal();
        }
        named.removeIf(ServicePrincipal::isResolved);
        return List.copyOf(named);
    }

    private static Optional<ServicePrincipal> principalOf(Resource resource) {
        if (resource instanceof WorkspaceServicePrincipal sp) {
            return Optional.of(sp.principal());
        } else if (resource instanceof OAuthSecret secret) {
            return Optional.of(secret.principal());
        } else if (resource instanceof WarehousePermission permission
                && permission.principal() instanceof ServicePrincipal sp) {
            return Optional.of(sp);
        }
        return Optional.empty();
    }

    private static boolean exempt(Principal principal, Blueprint blueprint, Resolutions resolutions) {
        if (principal instanceof DeletedPrincipal) {
            return true;
        }
        if (principal instanceof ServicePrincipal sp) {
            return blueprint.resource(WorkspaceServicePrincipal.idOf(sp)).isPresent()
                    || (!sp.isResolved() && resolutions.applicationIdOf(sp).isPresent());
        }
        return false;
    }
}
