package dev.lakesetup.temporal;

import java.util.List;

/**
 * The hand-over of one onboarding: what each change did and whether the workspace converged. Issued secrets are not
 * in it: they went to the sink the target names, inside the activity that issued them.
 *
 * @param workspaceRef the workspace's reference
 * @param changes what each planned change did, in the order they ran
 * @param remaining the ids of changes a re-plan after applying still found (empty when the workspace converged)
 */
public record OnboardingResult(String workspaceRef, List<ChangeApplied> changes, List<String> remaining) {
    /**
     * Copies the lists.
     *
     * @param workspaceRef the workspace's reference
     * @param changes what each change did
     * @param remaining the changes a re-plan still found
     */
    public OnboardingResult {
        changes = List.copyOf(changes);
        remaining = List.copyOf(remaining);
    }

    /**
     * Tells whether a re-plan after applying found nothing left to do.
     *
     * @return whether the workspace converged
     */
    public boolean converged() {
        return remaining.isEmpty();
    }
}
