package dev.lakesetup.temporal;

import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans, applies one change per activity in plan order (account-level changes on the account task queue), waits on
 * a durable timer after a principal is created, and checks convergence.
 */
final class OnboardingWorkflowImpl implements OnboardingWorkflow {
    private static final String PRINCIPAL_KIND = "service_principal";

    @Override
    public OnboardingResult onboard(WorkspaceTarget target, DurableSettings settings) {
        OnboardingActivities local = ActivityStubs.on(OnboardingActivities.class, Workflow.getInfo().getTaskQueue(),
                settings);
        OnboardingActivities account = ActivityStubs.on(OnboardingActivities.class, settings.accountTaskQueue(),
                settings);
        List<ChangeApplied> applied = new ArrayList<>();
        for (PlannedChange change : local.plan(target)) {
            ChangeApplied done = (change.accountLevel() ? account : local).applyChange(target, change.id());
            applied.add(done);
            if (PRINCIPAL_KIND.equals(change.kind()) && ChangeApplied.APPLIED.equals(done.outcome())
                    && !settings.propagationWait().isZero()) {
                Workflow.sleep(settings.propagationWait());
            }
        }
        return new OnboardingResult(target.workspaceRef(), applied, local.remainingChanges(target));
    }
}
