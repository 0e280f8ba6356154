package dev.lakesetup.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Duration;

/**
 * The activities of a scheduled maintenance run: verify a workspace against its blueprint, and rotate the secrets
 * that expire inside a window. Both take references only and return names, never secrets; the worker's
 * {@link FleetLifecycle} does the work.
 */
@ActivityInterface
public interface MaintenanceActivities {

    /**
     * Verifies the target's workspace against its blueprint.
     *
     * @param target the target
     * @return the drift found
     */
    @ActivityMethod
    VerifySummary verify(WorkspaceTarget target);

    /**
     * Rotates the target's declared secrets that expire inside the window; new secrets go to the target's sink.
     *
     * @param target the target
     * @param window how close to its expiry a secret must be to be rotated
     * @return what was rotated and kept
     */
    @ActivityMethod
    RotationSummary rotateExpiring(WorkspaceTarget target, Duration window);
}
