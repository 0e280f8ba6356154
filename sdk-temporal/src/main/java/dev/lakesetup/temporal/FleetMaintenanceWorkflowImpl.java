package dev.lakesetup.temporal;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Verifies every workspace and rotates its expiring secrets, all workspaces at once; failures are reported. */
final class FleetMaintenanceWorkflowImpl implements FleetMaintenanceWorkflow {

    /** One workspace's tick: verification, rotation, or why it failed. */
    private record Tick(String workspaceRef, VerifySummary verified, RotationSummary rotated, String failure) {
    }

    @Override
    public MaintenanceReport run(List<WorkspaceTarget> targets, Duration rotateWithin, DurableSettings settings) {
        MaintenanceActivities local = ActivityStubs.on(MaintenanceActivities.class,
                Workflow.getInfo().getTaskQueue(), settings);
        MaintenanceActivities account = ActivityStubs.on(MaintenanceActivities.class, settings.accountTaskQueue(),
                settings);
        List<Promise<Tick>> ticks = new ArrayList<>();
        for (WorkspaceTarget target : targets) {
            ticks.add(Async.function(() -> tick(target, rotateWithin, local, account)));
        }
        List<VerifySummary> verified = new ArrayList<>();
        List<RotationSummary> rotations = new ArrayList<>();
        List<WorkspaceOutcome> outcomes = new ArrayList<>();
        for (Promise<Tick> promise : ticks) {
            Tick tick = promise.get();
            Optional.ofNullable(tick.verified()).ifPresent(verified::add);
            Optional.ofNullable(tick.rotated()).ifPresent(rotations::add);
            outcomes.add(new WorkspaceOutcome(tick.workspaceRef(), tick.failure().isEmpty(), tick.failure()));
        }
        return new MaintenanceReport(verified, rotations, outcomes);
    }

    private static Tick tick(WorkspaceTarget target, Duration window, MaintenanceActivities local,
            MaintenanceActivities account) {
        VerifySummary verified = null;
        try {
            verified = local.verify(target);
            RotationSummary rotated = account.rotateExpiring(target, window);
            return new Tick(target.workspaceRef(), verified, rotated, "");
        } catch (ActivityFailure failure) {
            return new Tick(target.workspaceRef(), verified, null, Failures.reason(failure));
        }
    }
}
