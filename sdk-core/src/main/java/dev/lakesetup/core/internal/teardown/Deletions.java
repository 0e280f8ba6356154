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
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which resources a teardown deletes and makes their DELETE changes: the setup principal's own objects that
 * the record says lakesetup created (without a record, those of a principal the blueprint creates), and others only
 * when named; never one the record says the setup adopted, never one without a deleting handler (each left in place
 * is noted with the reason).
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
            Optional<String> unnamedReason = options.named().contains(resource.id()) ? Optional.empty()
                    : whyNotAutomatic(resource);
            if (unnamedReason.isPresent()) {
                if (unnamedReason.get().isEmpty()) {
                    notNamed.add(name);
                } else {
                    notes.add("left in place: " + name + ", because " + unnamedReason.get()
                            + " (name it with TeardownOptions.delete(..) to delete it)");
                }
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
     * Tells why a teardown does not delete a resource it was not asked to delete by name: empty when it deletes it,
     * an empty reason for a kind it deletes only when named, otherwise the reason. A teardown deletes unnamed only
     * what belongs to the setup's principal alone (an OAuth secret, a federation policy, a warehouse permission of
     * that principal, the workspace assignment of a principal created through the account) and, with a record, only
     * what the record says lakesetup created; without a record, only what belongs to a principal the blueprint
     * itself creates. The OAuth secrets of a principal are all deleted together, so only when the record says
     * lakesetup created the principal (or, without a record, the blueprint creates it).
     */
    private Optional<String> whyNotAutomatic(Resource resource) {
        boolean assignment = resource instanceof WorkspaceServicePrincipal principal && principal.isThroughAccount();
        if (!assignment && !OWNED_BY_PRINCIPAL.contains(resource.id().kind())) {
            return Optional.of("");
        }
        Set<Principal> owners = assignment ? Set.copyOf(resource.createsPrincipal().stream().toList())
                : resource.principals();
        Optional<RunRecord> record = options.record();
        if (record.isEmpty()) {
            return owners.stream().allMatch(createdByBlueprint()::contains) ? Optional.empty()
                    : Optional.of("without a record lakesetup cannot tell whether the setup made it (it belongs to "
                            + "a principal the blueprint does not create); pass the record of the setup's runs");
        }
        if (!owners.stream().allMatch(setupPrincipals()::contains)) {
            return Optional.of("it is not for the setup's service principal");
        }
        if (!record.get().created().contains(resource.id()) && !adopted(resource)) {
            return Optional.of("the record does not list it as created by lakesetup");
        }
        if (resource instanceof OAuthSecret secret
                && !record.get().created().contains(WorkspaceServicePrincipal.idOf(secret.principal()))) {
            return Optional.of("deleting it removes every OAuth secret of the principal, and the record does not "
                    + "list the principal as created by lakesetup (secrets made by others may exist)");
        }
        return Optional.empty();
    }

    /** Returns the service principals the blueprint creates (or finds, when they exist). */
    private Set<Principal> createdByBlueprint() {
        Set<Principal> created = new HashSet<>();
        blueprint.resources().forEach(r -> r.createsPrincipal().ifPresent(created::add));
        return created;
    }

    /**
     * Returns the setup's service principals: those the blueprint creates and those its OAuth secrets and federation
     * policies are for.
     */
    private Set<Principal> setupPrincipals() {
        Set<Principal> principals = createdByBlueprint();
        for (Resource resource : blueprint.resources()) {
            if (resource instanceof OAuthSecret || "federation_policy".equals(resource.id().kind())) {
                resource.principals().stream().filter(ServicePrincipal.class::isInstance).forEach(principals::add);
            }
        }
        return principals;
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
