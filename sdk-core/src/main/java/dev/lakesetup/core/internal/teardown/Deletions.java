package dev.lakesetup.core.internal.teardown;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
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
    /** The kinds a teardown deletes without being named: what belongs to the principal alone. */
    private static final Set<String> OWNED_BY_PRINCIPAL =
            Set.of("oauth_secret", "federation_policy", "warehouse_permission");

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
            if (!deletes(resource)) {
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
        return options.record().map(RunRecord::adopted).map(adopted -> adopted.contains(resource.id()))
                .orElse(false);
    }

    /**
     * Tells whether a teardown deletes a resource when it exists: it belongs to the principal alone (an OAuth
     * secret, a federation policy, a warehouse permission, the workspace assignment of a principal created through
     * the account, which a DELETE of that principal removes while the account principal stays), or it was named.
     */
    private boolean deletes(Resource resource) {
        boolean assignment = resource instanceof WorkspaceServicePrincipal principal && principal.isThroughAccount();
        return assignment || OWNED_BY_PRINCIPAL.contains(resource.id().kind())
                || options.named().contains(resource.id());
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
            if (!present(resource, live.get(resource.id()))) {
                continue;   // gone already: nothing to do, so a re-run after a crash converges
            }
            Set<ChangeId> dependsOn = new TreeSet<>(revokes);
            for (ResourceChange earlier : changes) {
                if (blueprint.prerequisitesOf(earlier.resource()).contains(resource.id())) {
                    dependsOn.add(earlier.id());
                }
            }
            changes.add(ResourceChange.delete(resource, dependsOn));
        }
        return changes;
    }

    /**
     * Tells whether there is still something to delete: the live object exists, and for a principal created through
     * the account (whose DELETE removes its workspace assignment) it is still assigned to the workspace.
     */
    private static boolean present(Resource declared, Resource live) {
        if (live == null) {
            return false;
        }
        if (declared instanceof WorkspaceServicePrincipal principal && principal.isThroughAccount()) {
            return live instanceof WorkspaceServicePrincipal found && found.isThroughAccount();
        }
        return true;
    }
}
