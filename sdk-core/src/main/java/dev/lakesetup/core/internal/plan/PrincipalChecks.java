package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.internal.read.Resolutions;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.DeletedPrincipal;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chooses the principals a plan looks up in the workspace's directory: every distinct grantee and every principal a
 * declared resource names ({@link Resource#principals()}), except service principals the plan itself creates
 * ({@link Resource#createsPrincipal()}) and those already found by display name while planning. A kind takes part
 * through those two model methods, with no change here.
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
        Set<ServicePrincipal> created = new HashSet<>();
        for (Resource resource : blueprint.resources()) {
            named.addAll(resource.principals());
            resource.createsPrincipal().ifPresent(created::add);
        }
        addGrantees(blueprint, named::add);
        named.removeIf(principal -> exempt(principal, created, resolutions));
        return List.copyOf(named);
    }

    /**
     * Returns the service principals known by display name that the blueprint names or creates, each once, in the
     * order it first names them: the ones planning resolves before it reads.
     *
     * @param blueprint the desired state
     * @return the principals to resolve
     */
    static List<ServicePrincipal> toResolve(Blueprint blueprint) {
        Set<ServicePrincipal> named = new LinkedHashSet<>();
        Consumer<Principal> add = principal -> {
            if (principal instanceof ServicePrincipal sp && !sp.isResolved()) {
                named.add(sp);
            }
        };
        for (Resource resource : blueprint.resources()) {
            resource.createsPrincipal().ifPresent(add);
            resource.principals().forEach(add);
        }
        addGrantees(blueprint, add);
        return List.copyOf(named);
    }

    private static void addGrantees(Blueprint blueprint, Consumer<Principal> add) {
        Principal last = null;
        for (Grant grant : blueprint.grants()) {
            // grants mostly repeat a principal: skip hashing the one just added
            if (grant.principal() != last) {
                add.accept(grant.principal());
            }
            last = grant.principal();
        }
    }

    private static boolean exempt(Principal principal, Set<ServicePrincipal> created, Resolutions resolutions) {
        if (principal instanceof DeletedPrincipal) {
            return true;
        }
        if (principal instanceof ServicePrincipal sp) {
            return created.contains(sp) || (!sp.isResolved() && resolutions.applicationIdOf(sp).isPresent());
        }
        return false;
    }
}
