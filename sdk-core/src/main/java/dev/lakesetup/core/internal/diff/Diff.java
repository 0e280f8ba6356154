package dev.lakesetup.core.internal.diff;

import dev.lakesetup.core.internal.read.LiveState;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The planning rules as a pure function: compares a blueprint with the live state and returns the changes that
 * bring the live state to the blueprint, in dependency order. Reads nothing and calls nothing.
 *
 * <p>Resources: absent is a create; a live object whose declared settings are satisfied is a no-op; a difference in
 * a mutable setting is an update, in an immutable one a conflict. Grants: additive, one grant change per securable
 * granted on; revokes only on securables the blueprint declares exclusive.
 */
public final class Diff {
    private Diff() {
    }

    /**
     * Diffs a blueprint against the live state.
     *
     * @param blueprint the desired state
     * @param live what the services hold, as read for {@link #securablesToRead} and the blueprint's resources
     * @return every change, no-ops included, in dependency order (ties in blueprint order)
     */
    public static List<Change> of(Blueprint blueprint, LiveState live) {
        List<Change> changes = new ArrayList<>(blueprint.resources().size() + blueprint.grants().size());
        for (Resource resource : blueprint.resources()) {
            changes.add(ResourceDiff.diff(resource, live.resources().get(resource.id()),
                    dependencies(blueprint, resource)));
        }
        changes.addAll(new GrantDiff(blueprint, live.resolved()).changes(live.grants()));
        return Ordering.topological(changes);
    }

    /**
     * Returns the securables whose grants a diff of the blueprint needs: those granted on, in the order they first
     * appear, then the exclusive ones granted on by none.
     *
     * @param blueprint the desired state
     * @return the securables, each once
     */
    public static Set<Securable> securablesToRead(Blueprint blueprint) {
        return GrantDiff.securablesOf(blueprint);
    }

    private static Set<ChangeId> dependencies(Blueprint blueprint, Resource resource) {
        Set<ChangeId> ids = new TreeSet<>();
        for (ResourceId id : blueprint.prerequisitesOf(resource)) {
            ids.add(ChangeId.of(id.toString()));
        }
        return ids;
    }
}
