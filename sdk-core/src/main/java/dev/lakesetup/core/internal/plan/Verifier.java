package dev.lakesetup.core.internal.plan;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.internal.call.Fanout;
import dev.lakesetup.core.internal.diff.Diff;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.internal.read.LiveState;
import dev.lakesetup.core.internal.read.ReadDenials;
import dev.lakesetup.core.internal.read.Resolutions;
import dev.lakesetup.core.internal.verify.DriftItems;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Verifies a blueprint: reads what it touches as planning does (the same handlers, one read pass, in parallel) but
 * tolerating reads the identity may not make ({@link ReadDenials}), diffs with the same pure {@link Diff}, and turns
 * the changes into a {@link DriftReport}. Writes nothing; a principal not found is an item, not an error.
 */
public final class Verifier {
    private final Handlers handlers;
    private final Fanout fanout;
    private final Context context;
    private final ApplyListener listener;
    private final Clock clock;

    /**
     * Creates a verifier.
     *
     * @param handlers the handlers, checked before anything is read
     * @param fanout runs the reads in parallel, each retried
     * @param context the call context (its resolutions are filled in while reading)
     * @param listener receives {@code READING} progress, as planning reports it
     * @param clock the engine's clock: when the state was read, and what expiring means
     */
    public Verifier(Handlers handlers, Fanout fanout, Context context, ApplyListener listener, Clock clock) {
        this.handlers = handlers;
        this.fanout = fanout;
        this.context = context;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Reads the live state of what the blueprint touches and reports each declared item.
     *
     * @param blueprint the desired state
     * @param options the secret expiry window
     * @return the report
     * @throws dev.lakesetup.core.exception.LakesetupException when a declared kind has no handler (before anything
     *     is read), or a read fails for good for another reason than a missing permission
     */
    public DriftReport verify(Blueprint blueprint, VerifyOptions options) {
        Set<Securable> securables = Diff.securablesToRead(blueprint);
        handlers.checkHandled(blueprint.resources(), securables);
        ReadDenials denials = new ReadDenials();
        LiveReader reader = new LiveReader(handlers, fanout, denials);
        Resolutions resolutions = context.resolutions();
        reader.resolve(PrincipalChecks.toResolve(blueprint), context).forEach(resolutions::put);
        List<Principal> principals = PrincipalChecks.toCheck(blueprint, resolutions);
        Context reading = blueprint.exclusiveSecurables().isEmpty() ? context
                : context.completeFor(blueprint.exclusiveSecurables()::contains);
        LiveReader.Found found = reader.read(blueprint.resources(), securables, principals, reading, listener);
        Instant now = clock.instant();
        LiveState live = new LiveState(found.resources(), found.grants(), resolutions.snapshot());
        DriftItems items = new DriftItems(live, denials, now, options.expiryWindow());
        return new DriftReport(items.of(Diff.of(blueprint, live), found.missing(), principals,
                blueprint.exclusiveSecurables()), now);
    }
}
