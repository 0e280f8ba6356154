package dev.lakesetup.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The activities of an onboarding: plan, apply one change, check convergence. Each takes references only and
 * returns data without secrets; the blueprint and the connection are rebuilt inside the activity from the worker's
 * {@link BlueprintProvider} and {@link CredentialResolver}.
 *
 * <p>Every activity is idempotent: {@link #applyChange} re-plans and applies the change only if the live state
 * still needs it, and an OAuth secret's issue is recorded in the worker's
 * {@link dev.lakesetup.core.record.RecordStore} before and after the sink receives it, so a retry never issues a
 * second secret for the same declaration.
 */
@ActivityInterface
public interface OnboardingActivities {

    /**
     * Plans the target's blueprint against the live workspace.
     *
     * @param target the target
     * @return the actionable changes, in dependency order
     */
    @ActivityMethod
    List<PlannedChange> plan(WorkspaceTarget target);

    /**
     * Applies one change of the target's plan if the live state still needs it.
     *
     * @param target the target
     * @param changeId the change's id, from {@link #plan}
     * @return what was done
     */
    @ActivityMethod
    ChangeApplied applyChange(WorkspaceTarget target, String changeId);

    /**
     * Re-plans the target's blueprint after applying.
     *
     * @param target the target
     * @return the ids of the changes still needed (empty when the workspace converged)
     */
    @ActivityMethod
    List<String> remainingChanges(WorkspaceTarget target);
}
