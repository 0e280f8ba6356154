package dev.lakesetup.temporal;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.RunRecords;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The onboarding activities: each rebuilds the target's blueprint and re-plans, so it acts only on what the live
 * state still needs; an OAuth secret's issue goes through the {@link SecretLedger}.
 */
final class OnboardingActivitiesImpl implements OnboardingActivities {
    /** Kinds whose changes call the account API and run on the account task queue. */
    static final Set<String> ACCOUNT_KINDS = Set.of("oauth_secret");
    /** The failure type of a secret issued by an earlier attempt whose delivery to the sink was not confirmed. */
    static final String UNCONFIRMED_SECRET = "SecretDeliveryUnconfirmed";

    private final WorkerContext context;

    OnboardingActivitiesImpl(WorkerContext context) {
        this.context = context;
    }

    @Override
    public List<PlannedChange> plan(WorkspaceTarget target) {
        WorkspaceSession session = context.open(target, WorkspaceSession.NO_ISSUE);
        Plan plan = session.lakesetup().plan(session.blueprint());
        record(target, plan, new ApplyReport(List.of(), Duration.ZERO, false));
        List<PlannedChange> planned = new ArrayList<>();
        for (Change change : plan.changes()) {
            if (change.action() == Action.CONFLICT) {
                throw ApplicationFailure.newNonRetryableFailure("the live " + change.object()
                        + " conflicts with the blueprint " + target.blueprint() + " (an immutable setting differs)",
                        "Conflict");
            }
            refuseRotation(change);
            if (change.action().isActionable()) {
                planned.add(new PlannedChange(change.id().value(), change.kind(), change.action().name(),
                        change.object(), ACCOUNT_KINDS.contains(change.kind())));
            }
        }
        return planned;
    }

    private static void refuseRotation(Change change) {
        if (change instanceof ResourceChange resource && resource.resource() instanceof OAuthSecret secret
                && secret.isRotate()) {
            throw ApplicationFailure.newNonRetryableFailure(change.object() + " is declared with rotate(): an "
                    + "onboarding issues a secret only when none is active; rotation is the maintenance workflow's",
                    "RotateNotOnboarding");
        }
    }

    @Override
    public ChangeApplied applyChange(WorkspaceTarget target, String changeId) {
        ActivityInfo info = Activity.getExecutionContext().getInfo();
        String key = SecretLedger.key(info.getWorkflowId(), info.getRunId(), changeId);
        SecretLedger ledger = context.ledger();
        Optional<SecretLedger.State> state = ledger.state(key);
        if (state.filter(s -> s == SecretLedger.State.DELIVERED).isPresent()) {
            return new ChangeApplied(changeId, ChangeApplied.ALREADY_DONE);
        }
        SecretSink sink = new RecordingSink(context.credentials().sink(target.sinkRef()), ledger, key);
        WorkspaceSession session = context.open(target, sink);
        Plan plan = session.lakesetup().plan(session.blueprint());
        Optional<Change> change = plan.change(ChangeId.of(changeId)).filter(c -> c.action().isActionable());
        if (change.isEmpty()) {
            if (state.isPresent()) {
                throw unconfirmed(target, changeId, ledger.recordedAt(key).orElse("?"), key);
            }
            return new ChangeApplied(changeId, ChangeApplied.ALREADY_DONE);
        }
        if (ACCOUNT_KINDS.contains(change.get().kind())) {
            ledger.intent(key, Instant.now());
        }
        Plan needed = withDependencies(plan, change.get());
        record(target, needed, intended(needed));
        ApplyReport report = session.lakesetup().apply(needed);
        record(target, needed, report);
        ChangeOutcome outcome = report.outcome(change.get().id()).orElseThrow();
        if (!outcome.succeeded()) {
            throw failed(change.get(), outcome);
        }
        return new ChangeApplied(changeId, outcome.outcome() == Outcome.ALREADY_DONE
                ? ChangeApplied.ALREADY_DONE : ChangeApplied.APPLIED);
    }

    /**
     * Saves what a plan and its outcomes show in the target's run record ({@link RunRecords#save} merges: for
     * each object and privilege the first record that saw it decides). Saved from the plan before anything is
     * written (resources that exist are adopted, privileges held are held before) and with each change's intended
     * outcome before it is applied, so a worker that dies after the write still leaves "created" or "granted new"
     * recorded; its retry, which finds the change done, cannot record it as adopted first.
     */
    private void record(WorkspaceTarget target, Plan plan, ApplyReport report) {
        RunRecords.save(context.records(), RecordKeys.runRecord(target), RunRecord.of(plan, report));
    }

    /** The report a plan's actionable changes would have if each were applied: what the run intends to give. */
    private static ApplyReport intended(Plan plan) {
        List<ChangeOutcome> outcomes = plan.changes().stream().filter(c -> c.action().isActionable())
                .map(c -> new ChangeOutcome(c, Outcome.APPLIED, 0, Duration.ZERO, "")).toList();
        return new ApplyReport(outcomes, Duration.ZERO, false);
    }

    /**
     * The failure of a change: not retried when the service refused it for good ({@code FATAL}: permission denied,
     * invalid input), except for a secret, whose retry must reach the ledger check (the service may have issued it
     * before the sink failed).
     */
    private static ApplicationFailure failed(Change change, ChangeOutcome outcome) {
        String message = change.object() + " failed: " + outcome.reason();
        boolean fatal = outcome.reason() != null && outcome.reason().startsWith("FATAL");
        return fatal && !ACCOUNT_KINDS.contains(change.kind())
                ? ApplicationFailure.newNonRetryableFailure(message, "ChangeRefused")
                : ApplicationFailure.newFailure(message, "ChangeFailed");
    }

    private static ApplicationFailure unconfirmed(WorkspaceTarget target, String changeId, String at, String key) {
        return ApplicationFailure.newNonRetryableFailure("an earlier attempt of " + changeId + " on "
                + target.workspaceRef() + " may have issued an OAuth secret at " + at + " that sink "
                + target.sinkRef() + " never confirmed; it is not issued again. Delete the principal's secrets "
                + "created since then, delete record " + key + ", and run the onboarding again", UNCONFIRMED_SECRET);
    }

    /** The change and, before it, every change it depends on (directly or not), in plan order. */
    private static Plan withDependencies(Plan plan, Change target) {
        Set<ChangeId> needed = new LinkedHashSet<>();
        collect(plan, target.id(), needed);
        List<Change> changes = plan.changes().stream().filter(c -> needed.contains(c.id())).toList();
        return Plan.of(changes, plan.resolvedPrincipals());
    }

    private static void collect(Plan plan, ChangeId id, Set<ChangeId> needed) {
        if (needed.add(id)) {
            plan.change(id).ifPresent(c -> c.dependsOn().forEach(dependency -> collect(plan, dependency, needed)));
        }
    }

    @Override
    public List<String> remainingChanges(WorkspaceTarget target) {
        WorkspaceSession session = context.open(target, WorkspaceSession.NO_ISSUE);
        return session.lakesetup().plan(session.blueprint()).actionableChanges().stream()
                .map(c -> c.id().value()).toList();
    }
}
