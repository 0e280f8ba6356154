package dev.lakesetup.core.internal.teardown;

import dev.lakesetup.core.internal.diff.Ordering;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
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
     * Returns the blueprint's resources, each before the resources it requires: the reverse of the setup order
     * (dependency order, ties in blueprint order).
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
            setup.add(((ResourceChange) change).resource());
        }
        Collections.reverse(setup);
        return setup;
    }
}
