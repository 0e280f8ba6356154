package dev.lakesetup.core.internal.teardown;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.WorkspaceAssignment;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which resources a teardown deletes and makes their DELETE changes: the principal's own objects, and
 * others only when named; never one the record says the setup adopted, never one without a deleting handler (each
 * left in place is noted with the reason).
 */
final class Deletions {
    private final Blueprint blueprint;
    private final Handlers handlers;
    private final TeardownOptions options;
    private final List<String> notes;

    Deletions(Blueprint blueprint, Handlers handlers, TeardownOptions options, List<String> notes) {
        this.blueprint = blueprint;
        this.handlers = handlers;
        this.options = options;
        this.notes = notes;
    }

    /**
     * Returns the resources to delete if they exist, in teardown order, noting each one left in place and why.
     *
     * @param order the resources in teardown order
     * @return the candidates, in the same order
     */
    List<Resource> candidates(List<Resource> order) {
        List<Resource> candidates = new ArrayList<>();
        List<String> notNamed = new ArrayList<>();
        for (Resource resource : order) {
            String name = ResourceChange.nameOf(resource);
            if (!options.deletes(resource.id())) {
                notNamed.add(name);
            } else if (adopted(resource)) {
                notes.add("left in place: " + name + " existed before lakesetup's first recorded run (the record "
                        + "lists it as adopted)");
            } else if (!canDelete(resource)) {
                notes.add("left in place: " + name + ", because no registered executor can delete a "
                        + resource.id().kind().replace('_', ' '));
            } else {
                candidates.add(resource);
            }
        }
        if (!notNamed.isEmpty()) {
            notes.add("left in place, not named for deletion: " + String.join(", ", notNamed)
                    + " (name one with TeardownOptions.delete(..) to delete it)");
        }
        return candidates;
    }

    private boolean adopted(Resource resource) {
        ResourceId id = resource instanceof WorkspaceAssignment assignment
                ? WorkspaceServicePrincipal.idOf(assignment.principal()) : resource.id();
        return options.record().map(RunRecord::adopted).map(adopted -> adopted.contains(id)).orElse(false);
    }

    private boolean canDelete(Resource resource) {
        ResourceHandler<Resource> handler;
        try {
            handler = handlers.handlerOf(resource);
        } catch (LakesetupException e) {
            return false;
        }
        return handler.canDelete();
    }

    /**
     * Returns a DELETE change for each candidate that exists, after the revokes and after the deletions of the
     * resources that need it.
     *
     * @param candidates the candidates, in teardown order
     * @param live the live resources found, by id
     * @param revokes the ids of the plan's revokes
     * @return the changes, in teardown order
     */
    List<ResourceChange> changes(List<Resource> candidates, Map<ResourceId, Resource> live, Set<ChangeId> revokes) {
        List<ResourceChange> changes = new ArrayList<>();
        for (Resource resource : candidates) {
            if (!live.containsKey(resource.id())) {
                continue;   // gone already: nothing to do, so a re-run after a crash converges
            }
            Set<ChangeId> dependsOn = new TreeSet<>(revokes);
            for (ResourceChange earlier : changes) {
                if (TeardownOrder.prerequisites(blueprint, earlier.resource()).contains(resource.id())) {
                    dependsOn.add(earlier.id());
                }
            }
            changes.add(ResourceChange.delete(resource, dependsOn));
        }
        return changes;
    }
}
