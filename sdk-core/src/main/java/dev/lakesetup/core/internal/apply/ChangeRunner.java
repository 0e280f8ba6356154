package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.internal.call.Classifier;
import dev.lakesetup.core.internal.call.Retrier;
import dev.lakesetup.core.internal.call.RetriesExhaustedException;
import dev.lakesetup.core.internal.diff.ResourceDiff;
import dev.lakesetup.core.internal.read.Context;
import dev.lakesetup.core.internal.read.Handlers;
import dev.lakesetup.core.internal.read.LiveReader;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.render.ChangeLines;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.GrantStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one change: the guarded call, passing on a created principal's id, handing an issued secret to its
 * sink, verifying an object that already existed, and reading grants back until they show (at once, or later in
 * bulk with others through {@link #confirm}).
 */
final class ChangeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRunner.class);

    private static final String INTERRUPTED = ReadBack.INTERRUPTED;

    private final Handlers handlers;
    private final LiveReader reader;
    private final Retrier retrier;
    private final Context context;
    private final ApplyListener listener;
    private final AtomicBoolean stopped;
    private final ReadBack readBack;

    ChangeRunner(Handlers handlers, LiveReader reader, Retrier retrier, Context context, AtomicBoolean stopped,
            ApplyListener listener) {
        this.handlers = handlers;
        this.reader = reader;
        this.retrier = retrier;
        this.context = context;
        this.stopped = stopped;
        this.listener = listener;
        this.readBack = new ReadBack(retrier, context, stopped::get);
    }

    /** Makes every running and later change give up before its next attempt. */
    void stop() {
        stopped.set(true);
    }

    /**
     * Runs a change through its handler; never throws. A grant change that must be read back is confirmed at once,
     * unless {@code deferConfirmation} is set: then its write's result is handed back unconfirmed, and its outcome
     * is decided later by {@link #confirm}, together with others.
     *
     * @param change the change
     * @param deferConfirmation whether a grant that needs reading back may wait for a bulk read-back
     * @return the decided outcome, or the unconfirmed grant
     */
    Step run(Change change, boolean deferConfirmation) {
        listener.started(change);
        Instant start = retrier.clock().instant();
        int attempts = 0;
        AtomicBoolean outcomeUnknown = new AtomicBoolean();
        try {
            Retrier.Attempted<ChangeResult> result = retrier.run(change.id().value(),
                    () -> attempt(change, outcomeUnknown),
                    (attempt, delay, cause) -> listener.retrying(change, attempt, delay, cause), stopped::get);
            attempts = result.attempts();
            passOn(change, result.value());
            if (needsReadBack(change, result.value())) {
                GrantChange grants = (GrantChange) change;
                ReadBack.Written written = new ReadBack.Written(grants, handlers.storeOf(grants.securable()),
                        attempts, start);
                if (deferConfirmation) {
                    return new Step.Unconfirmed(written);
                }
                return decided(readBack.confirm(List.of(written)).get(0));
            }
            LOG.info("{} {}: applied", change.action(), change.object());
            return decided(outcome(change, Outcome.APPLIED, attempts, start, ""));
        } catch (RetriesExhaustedException e) {
            attempts = e.attempts();
            if (e.getCause() instanceof AppliedMeanwhile) {
                return decided(reconciled((ResourceChange) change, attempts, start));
            }
            if (e.failure() == Failure.ALREADY_EXISTS) {
                return decided(verifyExisting(change, attempts, start));
            }
            return decided(outcome(change, Outcome.FAILED, attempts, start, describe(e.failure(), e.getCause())));
        } catch (Retrier.InterruptedCallException e) {
            return decided(outcome(change, Outcome.FAILED, Math.max(attempts, e.attempts()), start, INTERRUPTED));
        } catch (RuntimeException e) {
            return decided(outcome(change, Outcome.FAILED, Math.max(attempts, 1), start, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * Confirms written grant changes of one store with bulk read-backs; never throws.
     *
     * @param written the changes, all written through one store
     * @return an outcome per change
     */
    Step confirm(List<ReadBack.Written> written) {
        return new Step.Decided(readBack.confirm(written));
    }

    /**
     * Returns the outcome of a written grant change whose confirmation never ran because the apply was stopped.
     *
     * @param written the change
     * @return a failed outcome
     */
    ChangeOutcome unconfirmed(ReadBack.Written written) {
        return readBack.interrupted(written);
    }

    private static Step decided(ChangeOutcome outcome) {
        return new Step.Decided(List.of(outcome));
    }

    /**
     * Tells whether a change granted privileges that must be read back to be confirmed: the service's answer
     * carried no grants (as over SQL), or ones that lack something (a stale answer).
     */
    private boolean needsReadBack(Change change, ChangeResult result) {
        if (!(change instanceof GrantChange grants) || grants.action() != Action.GRANT) {
            return false;
        }
        return result.observedGrants().isEmpty()
                || !GrantCheck.missing(grants.privileges(), result.observedGrants().get(), context).isEmpty();
    }

    /**
     * Makes one attempt. A create whose earlier attempt failed in a way that leaves its outcome unknown (the request
     * may have been applied before the connection failed) is not sent again blindly: the object is read first, and
     * when it exists the attempt ends with {@link AppliedMeanwhile} instead of a second create.
     */
    private ChangeResult attempt(Change change, AtomicBoolean outcomeUnknown) {
        boolean create = change instanceof ResourceChange rc && rc.action() == Action.CREATE;
        if (create && outcomeUnknown.get()) {
            Resource resource = ((ResourceChange) change).resource();
            Resource live = handlers.handlerOf(resource).read(List.of(resource), context).get(resource.id());
            // an object issued anew while one exists (a rotated secret) is applied only when the live state no
            // longer asks for it: the old one existing proves nothing
            if (live != null && !resource.createsAgainGiven(live)) {
                throw new AppliedMeanwhile();
            }
            LOG.debug("{}: not found after a failure with unknown outcome; sending it again", change.object());
        }
        try {
            return applyOnce(change);
        } catch (RuntimeException e) {
            if (create && Classifier.classify(e) == Failure.TRANSIENT) {
                outcomeUnknown.set(true);
            }
            throw e;
        }
    }

    private ChangeResult applyOnce(Change change) {
        if (change instanceof ResourceChange resourceChange) {
            Resource resource = resourceChange.resource();
            return handlers.handlerOf(resource).apply(resourceChange, resource, context);
        }
        GrantChange grants = (GrantChange) change;
        GrantStore store = handlers.storeOf(grants.securable());
        return store.apply(grants, context);
    }

    /** A create failed with an unknown outcome, and reading showed that it had been applied. */
    private static final class AppliedMeanwhile extends LakesetupException {
        private static final long serialVersionUID = 1L;

        AppliedMeanwhile() {
            super("the object exists after a failure with unknown outcome");
        }
    }

    private ChangeOutcome reconciled(ResourceChange change, int attempts, Instant start) {
        if (change.resource().secretSink().isPresent()) {
            // the issued secret shows only in the lost answer: reading the object back cannot recover it
            LOG.warn("{}: the connection failed after the request was sent, and the service now holds a secret "
                    + "whose value never arrived; no second secret was created", change.object());
            return outcome(change, Outcome.FAILED, attempts, start, change.object() + ": the create request was "
                    + "sent but the connection failed before the answer, and the service now holds an active "
                    + "secret whose value lakesetup never received (it cannot be read again). lakesetup did not "
                    + "create a second secret. Rotate it: delete that secret in the workspace and re-run, or re-run "
                    + "with the secret declared to rotate (OAuthSecret.rotate()) to issue a fresh one to the sink.");
        }
        ChangeOutcome verified = verifyExisting(change, attempts, start);
        if (verified.outcome() != Outcome.ALREADY_DONE) {
            return verified;
        }
        return outcome(change, Outcome.APPLIED, verified.attempts(), start, "created; the answer was lost, and "
                + "reading it back found it with the declared settings");
    }

    private ChangeOutcome outcome(Change change, Outcome outcome, int attempts, Instant start, String reason) {
        return new ChangeOutcome(change, outcome, attempts, Duration.between(start, retrier.clock().instant()), reason);
    }

    static String describe(Failure kind, Throwable failure) {
        Failure failureKind = kind;
        Throwable innermost = failure;
        // a fan-out inside the call failed for good: its own failure says more than the fan-out's
        while (innermost instanceof RetriesExhaustedException inner && inner.getCause() != null) {
            failureKind = inner.failure();
            innermost = inner.getCause();
        }
        Throwable cause = innermost;
        StringBuilder reason = new StringBuilder(failureKind.name());
        if (cause instanceof ServiceException service) {
            reason.append(" (");
            if (service.status() != 0) {
                reason.append(service.status()).append(' ');
            }
            reason.append(service.errorCode().isEmpty() ? "no error code" : service.errorCode());
            service.requestId().ifPresent(id -> reason.append(", request ").append(id));
            reason.append(')');
        }
        return reason.append(": ").append(cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()).toString();
    }

    private void passOn(Change change, ChangeResult result) {
        if (result.principal().isPresent() && result.applicationId().isPresent()) {
            context.resolutions().put(result.principal().get(), result.applicationId().get());
            resourceOf(change).flatMap(Resource::createsPrincipal)
                    .ifPresent(created -> context.resolutions().put(created, result.applicationId().get()));
        }
        if (result.issuedCredentials().isPresent()) {
            OAuthCredentials credentials = result.issuedCredentials().get();
            // handed over here, to the sink the declared resource names, and nowhere else
            SecretSink sink = resourceOf(change).flatMap(Resource::secretSink).orElseThrow(() ->
                    new LakesetupException("executor returned a secret for " + change.id()
                            + ", which declares no secret sink; the secret was discarded"));
            try {
                sink.accept(credentials);
            } catch (RuntimeException e) {
                throw new LakesetupException("the secret sink for " + change.object() + " failed ("
                        + e.getClass().getSimpleName() + "); the new secret was issued but not stored");
            }
        }
    }

    private static Optional<Resource> resourceOf(Change change) {
        return change instanceof ResourceChange rc ? Optional.of(rc.resource()) : Optional.empty();
    }

    private ChangeOutcome verifyExisting(Change change, int attempts, Instant start) {
        try {
            if (change instanceof GrantChange grants) {
                return verifyGrants(grants, attempts, start);
            }
            Resource resource = ((ResourceChange) change).resource();
            Resource live = guarded("read " + resource.id(),
                    () -> handlers.handlerOf(resource).read(List.of(resource), context)).get(resource.id());
            if (live == null) {
                return outcome(change, Outcome.FAILED, attempts, start,
                        "the service reported " + change.object() + " exists, but it cannot be read");
            }
            ResourceChange diff = ResourceDiff.diff(resource, live, change.dependsOn());
            if (diff.action() != Action.NO_OP) {
                return outcome(change, Outcome.FAILED, attempts, start, change.object()
                        + " already exists with different settings: " + ChangeLines.of(diff)
                        + "; re-plan to see the difference");
            }
            Optional<ServicePrincipal> created = resource.createsPrincipal().filter(sp -> !sp.isResolved());
            if (created.isPresent()) {
                ServicePrincipal sp = created.get();
                guarded("resolve " + sp, () -> reader.resolveOne(sp, context))
                        .ifPresent(id -> context.resolutions().put(sp, id));
            }
            return outcome(change, Outcome.ALREADY_DONE, attempts, start, "already existed with the declared settings");
        } catch (RetriesExhaustedException e) {
            return outcome(change, Outcome.FAILED, attempts + e.attempts(), start,
                    "already exists, and verifying it failed: " + describe(e.failure(), e.getCause()));
        } catch (Retrier.InterruptedCallException e) {
            return outcome(change, Outcome.FAILED, attempts + e.attempts(), start, INTERRUPTED);
        } catch (RuntimeException e) {
            return outcome(change, Outcome.FAILED, attempts, start, "already exists, and verifying it failed: " + e);
        }
    }

    private ChangeOutcome verifyGrants(GrantChange grants, int attempts, Instant start) {
        GrantStore store = handlers.storeOf(grants.securable());
        List<PrincipalPrivileges> live = guarded("read grants on " + grants.securable().fullName(),
                () -> store.read(List.of(grants.securable()), context.completeFor(grants.securable()::equals)))
                .getOrDefault(grants.securable(), List.of());
        List<PrincipalPrivileges> missing = GrantCheck.missing(grants.privileges(), live, context);
        return missing.isEmpty() ? outcome(grants, Outcome.ALREADY_DONE, attempts, start, "already granted")
                : outcome(grants, Outcome.FAILED, attempts, start, "the service reported the grants exist "
                        + "but they lack " + missing);
    }

    private <T> T guarded(String what, Supplier<T> call) {
        return retrier.run(what, call, Retrier.RetryObserver.NONE, stopped::get).value();
    }
}
