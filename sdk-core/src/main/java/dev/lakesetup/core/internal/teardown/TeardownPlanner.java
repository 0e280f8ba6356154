package dev.lakesetup.core.internal.teardown;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.internal.read.Resolutions;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanBasis;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.record.TeardownOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the removal of what a setup gave: reads the live state of the grants and of the resources to delete, then
 * returns the revokes (first) and the deletions (in the reverse of the setup's order) as a plan whose notes say what
 * is left in place and why. Reads nothing else and changes nothing.
 */
public final class TeardownPlanner {
    private final Handlers handlers;
    private final LiveReader reader;
    private final Context context;
    private final ApplyListener listener;

    /**
     * Creates a teardown planner.
     *
     * @param handlers the handlers
     * @param reader reads the live state
     * @param context the call context (its resolutions are filled in while planning)
     * @param listener receives reading progress
     */
    public TeardownPlanner(Handlers handlers, LiveReader reader, Context context, ApplyListener listener) {
        this.handlers = handlers;
        this.reader = reader;
        this.context = context;
        this.listener = listener;
    }

    /**
     * Plans a teardown.
     *
     * @param blueprint the blueprint the setup applied
     * @param options the record and the resources named for deletion
     * @return a plan of REVOKE and DELETE changes only, with notes
     * @throws InvalidInputException when a named resource is not declared by the blueprint
     */
    public Plan plan(Blueprint blueprint, TeardownOptions options) {
        checkNamed(blueprint, options);
        List<String> notes = new ArrayList<>();
        List<Resource> order = TeardownOrder.reverseSetupOrder(blueprint);
        Deletions deletions = new Deletions(blueprint, handlers, options, notes);
        List<Resource> toRead = deletions.candidates(order);
        Set<Securable> securables = new LinkedHashSet<>();
        blueprint.grants().forEach(grant -> securables.add(grant.securable()));
        handlers.checkHandled(List.of(), securables);
        Resolutions resolutions = context.resolutions();
        reader.resolve(toResolve(blueprint), context).forEach(resolutions::put);
        LiveReader.Found found = reader.read(toRead, securables, List.of(), context.completeFor(s -> true),
                listener);
        Map<ServicePrincipal, ApplicationId> resolved = resolutions.snapshot();
        List<GrantChange> revokes = new TeardownRevokes(resolved, options.record())
                .revokes(blueprint.grants(), found.grants());
        if (!revokes.isEmpty() && options.record().isEmpty()) {
            notes.add(0, "no record of the setup's runs was given, so lakesetup cannot tell which of the declared "
                    + "privileges the principals held before it granted them: every declared privilege held now is "
                    + "revoked (" + revokes.stream().map(GrantChange::object).toList() + "). Pass the record "
                    + "(TeardownOptions.record(..)) to keep privileges held before.");
        }
        List<Change> changes = new ArrayList<>(revokes);
        Set<ChangeId> revokeIds = new TreeSet<>();
        revokes.forEach(revoke -> revokeIds.add(revoke.id()));
        changes.addAll(deletions.changes(toRead, found.resources(), revokeIds));
        return Plan.of(changes, resolved, PlanBasis.of(found.resources(), found.grants())).withNotes(notes);
    }

    private static void checkNamed(Blueprint blueprint, TeardownOptions options) {
        for (ResourceId id : options.named()) {
            if (blueprint.resource(id).isEmpty()) {
                throw InvalidInputException.of("resource named for deletion", id.toString(),
                        "the blueprint declares no such resource, and a teardown removes only what it declares",
                        "ids of the blueprint's resources");
            }
        }
    }

    /** Returns the service principals known by display name that the blueprint names or creates. */
    private static List<ServicePrincipal> toResolve(Blueprint blueprint) {
        Set<ServicePrincipal> named = new LinkedHashSet<>();
        for (Resource resource : blueprint.resources()) {
            resource.createsPrincipal().ifPresent(sp -> addNamed(named, sp));
            resource.principals().forEach(principal -> addNamed(named, principal));
        }
        for (Grant grant : blueprint.grants()) {
            addNamed(named, grant.principal());
        }
        return List.copyOf(named);
    }

    private static void addNamed(Set<ServicePrincipal> named, Principal principal) {
        if (principal instanceof ServicePrincipal sp && !sp.isResolved()) {
            named.add(sp);
        }
    }
}
