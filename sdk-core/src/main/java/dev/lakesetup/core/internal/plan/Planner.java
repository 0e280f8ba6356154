package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.Progress;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.internal.diff.Diff;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.internal.read.LiveState;
import dev.lakesetup.core.internal.read.Resolutions;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PlanBasis;
import dev.lakesetup.core.plan.PrincipalNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a plan: checks that every declared kind has a handler, resolves principals known by display name, reads
 * what the blueprint touches (in parallel, through the {@link LiveReader}), and diffs ({@link Diff#of}).
 */
public final class Planner {
    private final Handlers handlers;
    private final LiveReader reader;
    private final Context context;
    private final ApplyListener listener;

    /**
     * Creates a planner.
     *
     * @param handlers the handlers, checked before anything is read
     * @param reader reads the live state
     * @param context the call context (its resolutions are filled in while planning)
     * @param listener receives {@link Progress.Phase#READING} progress, one step per object read and per principal
     *     looked up
     */
    public Planner(Handlers handlers, LiveReader reader, Context context, ApplyListener listener) {
        this.handlers = handlers;
        this.reader = reader;
        this.context = context;
        this.listener = listener;
    }

    /**
     * Plans a blueprint.
     *
     * @param blueprint the desired state
     * @return the plan
     * @throws LakesetupException when a declared kind has no handler (before anything is read), or a read fails for
     *     good
     * @throws PrincipalNotFoundException when the blueprint names principals no directory knows
     */
    public Plan plan(Blueprint blueprint) {
        Set<Securable> securables = Diff.securablesToRead(blueprint);
        handlers.checkHandled(blueprint.resources(), securables);
        Resolutions resolutions = context.resolutions();
        reader.resolve(PrincipalChecks.toResolve(blueprint), context).forEach(resolutions::put);
        List<Principal> principals = PrincipalChecks.toCheck(blueprint, resolutions);
        Context reading = blueprint.exclusiveSecurables().isEmpty() ? context
                : context.completeFor(blueprint.exclusiveSecurables()::contains);
        LiveReader.Found found = reader.read(blueprint.resources(), securables, principals, reading, listener);
        if (!found.missing().isEmpty()) {
            throw new PrincipalNotFoundException(found.missing());
        }
        Map<ServicePrincipal, ApplicationId> resolved = resolutions.snapshot();
        LiveState live = new LiveState(found.resources(), found.grants(), resolved);
        return Plan.of(Diff.of(blueprint, live), resolved, PlanBasis.of(found.resources(), found.grants()));
    }
}
