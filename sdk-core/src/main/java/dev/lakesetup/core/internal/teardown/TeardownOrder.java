package dev.lakesetup.core.internal.teardown;

import dev.lakesetup.core.internal.diff.Ordering;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.WorkspaceAssignment;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The order a teardown removes resources in: the reverse of the order a setup makes them. */
final class TeardownOrder {
    private TeardownOrder() {
    }

    /**
     * Returns the blueprint's resources, and the workspace assignment of each principal created through the account,
     * each before the resources it requires: the reverse of the setup order (dependency order, ties in blueprint
     * order).
     *
     * @param blueprint the blueprint
     * @return the resources, to remove in this order
     */
    static List<Resource> reverseSetupOrder(Blueprint blueprint) {
        List<Change> creates = new ArrayList<>();
        for (Resource resource : blueprint.resources()) {
            Set<ChangeId> dependsOn = new TreeSet<>();
            blueprint.prerequisitesOf(resource).forEach(id -> dependsOn.add(ChangeId.of(id.toString())));
            creates.add(ResourceChange.create(resource, dependsOn));
        }
        List<Resource> setup = new ArrayList<>();
        for (Change change : Ordering.topological(creates)) {
            Resource resource = ((ResourceChange) change).resource();
            setup.add(resource);
            if (resource instanceof WorkspaceServicePrincipal principal && principal.isThroughAccount()) {
                setup.add(WorkspaceAssignment.of(principal));
            }
        }
        Collections.reverse(setup);
        return setup;
    }

    /**
     * Returns the ids of the resources a resource needs: its declared prerequisites, or for one the blueprint does
     * not declare (a workspace assignment) what it requires.
     *
     * @param blueprint the blueprint
     * @param resource the resource
     * @return the ids
     */
    static Set<ResourceId> prerequisites(Blueprint blueprint, Resource resource) {
        return blueprint.resource(resource.id()).isPresent() ? blueprint.prerequisitesOf(resource)
                : resource.requires();
    }
}
