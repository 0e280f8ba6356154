package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.ServiceException;
import dev.lakesetup.core.ServiceException.Failure;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.internal.plan.ResourceDiff;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ObservedResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one change: the guarded call, passing on a created principal's id, handing an issued secret to its
 * sink, verifying an object that already existed, and reading grants back until they show.
 */
final class ChangeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRunner.class);

    private static final String INTERRUPTED = "interrupted: the apply was stopped";

    private final CallGuard guard;
    private final Resolutions context;
    private final ApplyListener listener;

    private final AtomicBoolean stopped = new AtomicBoolean();

    ChangeRunner(CallGuard guard, Resolutions context, ApplyListener listener) {
        this.guard = guard;
        this.context = context;
        this.listener = listener;
    }

    /** Makes every running and later change give up before its next attempt. */
    void stop() {
        stopped.set(true);
    }

    /** Runs a change on an executor and returns its outcome; never throws. */
    ChangeOutcome run(Change change, Executor executor) {
        listener.started(change);
        Instant start = guard.clock().instant();
        int attempts = 0;
        AtomicBoolean outcomeUnknown = new AtomicBoolean();
        try {
            CallGuard.Attempted<ChangeResult> result = guard.call(change.id().value(),
                    () -> attempt(change, executor, outcomeUnknown),
                    (attempt, delay, cause) -> listener.retrying(change, attempt, delay, cause), stopped::get);
            attempts = result.attempts();
            passOn(change, result.value());
            confirmGrants(change, executor, result.value());
            LOG.info("{} {}: applied", change.action(), change.object());
            return outcome(change, Outcome.APPLIED, attempts, start, "");
        } catch (CallGuard.CallFailedException e) {
            attempts = e.attempts();
            if (e.getCause() instanceof AppliedMeanwhile) {
                return reconciled((ResourceChange) change, executor, attempts, start);
            }
            if (e.failure() == Failure.ALREADY_EXISTS) {
                return verifyExisting(change, executor, attempts, start);
            }
            return outcome(change, Outcome.FAILED, attempts, start, describe(e.failure(), e.getCause()));
        } catch (CallGuard.InterruptedCallException e) {
            return outcome(change, Outcome.FAILED, Math.max(attempts, e.attempts()), start, INTERRUPTED);
        } catch (RuntimeException e) {
            return outcome(change, Outcome.FAILED, Math.max(attempts, 1), start, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Makes one attempt. A create whose earlier attempt failed in a way that leaves its outcome unknown (the request
     * may have been applied before the connection failed) is not sent again blindly: the object is read first, and
     * when it exists the attempt ends with {@link AppliedMeanwhile} instead of a second create.
     */
    private ChangeResult attempt(Change change, Executor executor, AtomicBoolean outcomeUnknown) {
        boolean create = change instanceof ResourceChange rc && rc.action() == Action.CREATE;
        if (create && outcomeUnknown.get()) {
            Resource resource = ((ResourceChange) change).resource();
            if (executor.readResources(List.of(resource), context).containsKey(resource.id())) {
                throw new AppliedMeanwhile();
            }
            LOG.debug("{}: not found after a failure with unknown outcome; sending it again", change.object());
        }
        try {
            return executor.apply(change, context);
        } catch (RuntimeException e) {
            if (create && Classifier.classify(e) == Failure.TRANSIENT) {
                outcomeUnknown.set(true);
            }
            throw e;
        }
    }

    /** A create failed with an unknown outcome, and reading showed that it had been applied. */
    private static final class AppliedMeanwhile extends LakesetupException {
        private static final long serialVersionUID = 1L;

        AppliedMeanwhile() {
            super("the object exists after a failure with unknown outcome");
        }
    }

    private ChangeOutcome reconciled(ResourceChange change, Executor executor, int attempts, Instant start) {
        if (change.resource() instanceof OAuthSecret secret) {
            LOG.warn("{}: the connection failed after the request was sent, and the principal now has an active "
                    + "OAuth secret whose value never arrived; no second secret was created", change.object());
            return outcome(change, Outcome.FAILED, attempts, start, "OAuth secret for " + secret.principal()
                    + ": the create request was sent but the connection failed before the answer, and the principal "
                    + "now has an active secret whose value lakesetup never received (it cannot be read again). "
                    + "lakesetup did not create a second secret. Rotate it: delete that secret in the workspace "
                    + "and re-run, or re-run with OAuthSecret.rotate() to issue a fresh one to the sink.");
        }
        ChangeOutcome verified = verifyExisting(change, executor, attempts, start);
        if (verified.outcome() != Outcome.ALREADY_DONE) {
            return verified;
        }
        return outcome(change, Outcome.APPLIED, verified.attempts(), start, "created; the answer was lost, and "
                + "reading it back found it with the declared settings");
    }

    private ChangeOutcome outcome(Change change, Outcome outcome, int attempts, Instant start, String reason) {
        return new ChangeOutcome(change, outcome, attempts, Duration.between(start, guard.clock().instant()), reason);
    }

    static String describe(Failure failure, Throwable cause) {
        StringBuilder reason = new StringBuilder(failure.name());
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
            context.put(result.principal().get(), result.applicationId().get());
            if (change instanceof ResourceChange rc && rc.resource() instanceof WorkspaceServicePrincipal sp) {
                context.put(sp.principal(), result.applicationId().get());
            }
        }
        if (result.issuedCredentials().isPresent()) {
            OAuthCredentials credentials = result.issuedCredentials().get();
            if (!(change instanceof ResourceChange rc && rc.resource() instanceof OAuthSecret secret)) {
                throw new LakesetupException("executor returned a secret for " + change.id()
                        + ", which declares no OAuth secret; the secret was discarded");
            }
            try {
                secret.sink().accept(credentials);
            } catch (RuntimeException e) {
                throw new LakesetupException("the secret sink for " + secret.principal() + " failed ("
                        + e.getClass().getSimpleName() + "); the new secret was issued but not stored");
            }
        }
    }

    /**
     * Confirms that granted privileges show: by the grants the service returned in its answer to the change when
     * the executor passed them on and they hold everything, otherwise by reading back (polling for eventual
     * consistency).
     */
    private void confirmGrants(Change change, Executor executor, ChangeResult result) {
        if (!(change instanceof GrantChange grants) || grants.action() != Action.GRANT) {
            return;
        }
        if (result.observedGrants().isPresent()
                && GrantCheck.missing(grants.privileges(), result.observedGrants().get(), context).isEmpty()) {
            return;
        }
        List<PrincipalPrivileges> missing = grants.privileges();
        int readBacks = guard.policy().readBackAttempts();
        for (int i = 1; i <= readBacks; i++) {
            List<PrincipalPrivileges> live = guarded("read back grants on " + grants.securable().fullName(),
                    () -> executor.readGrants(List.of(grants.securable()), context))
                    .getOrDefault(grants.securable(), List.of());
            missing = GrantCheck.missing(grants.privileges(), live, context);
            if (missing.isEmpty()) {
                return;
            }
            if (i < readBacks) {
                guard.sleep(guard.policy().readBackInterval(), i);
            }
        }
        throw new LakesetupException("grants on " + grants.securable().fullName() + " were applied but not visible after "
                + readBacks + " read-backs; missing " + missing);
    }

    private ChangeOutcome verifyExisting(Change change, Executor executor, int attempts, Instant start) {
        try {
            if (change instanceof GrantChange grants) {
                List<PrincipalPrivileges> live = guarded("read grants on " + grants.securable().fullName(),
                        () -> executor.readGrants(List.of(grants.securable()), context))
                        .getOrDefault(grants.securable(), List.of());
                List<PrincipalPrivileges> missing = GrantCheck.missing(grants.privileges(), live, context);
                return missing.isEmpty() ? outcome(change, Outcome.ALREADY_DONE, attempts, start, "already granted")
                        : outcome(change, Outcome.FAILED, attempts, start, "the service reported the grants exist "
                                + "but they lack " + missing);
            }
            Resource resource = ((ResourceChange) change).resource();
            ObservedResource observed = guarded("read " + resource.id(),
                    () -> executor.readResources(List.of(resource), context)).get(resource.id());
            if (observed == null) {
                return outcome(change, Outcome.FAILED, attempts, start,
                        "the service reported " + change.object() + " exists, but it cannot be read");
            }
            ResourceChange diff = ResourceDiff.diff(resource, observed, change.dependsOn());
            if (diff.action() != Action.NO_OP) {
                return outcome(change, Outcome.FAILED, attempts, start, change.object()
                        + " already exists with different settings: " + diff.details()
                        + "; re-plan to see the difference");
            }
            if (resource instanceof WorkspaceServicePrincipal sp && !sp.principal().isResolved()) {
                guarded("resolve " + sp.principal(), () -> executor.resolve(sp.principal()))
                        .ifPresent(id -> context.put(sp.principal(), id));
            }
            return outcome(change, Outcome.ALREADY_DONE, attempts, start, "already existed with the declared settings");
        } catch (CallGuard.CallFailedException e) {
            return outcome(change, Outcome.FAILED, attempts + e.attempts(), start,
                    "already exists, and verifying it failed: " + describe(e.failure(), e.getCause()));
        } catch (CallGuard.InterruptedCallException e) {
            return outcome(change, Outcome.FAILED, attempts + e.attempts(), start, INTERRUPTED);
        } catch (RuntimeException e) {
            return outcome(change, Outcome.FAILED, attempts, start, "already exists, and verifying it failed: " + e);
        }
    }

    private <T> T guarded(String what, Supplier<T> call) {
        return guard.call(what, call, (attempt, delay, cause) -> { }, stopped::get).value();
    }
}
