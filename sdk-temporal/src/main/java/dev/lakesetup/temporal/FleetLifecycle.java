package dev.lakesetup.temporal;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import java.time.Duration;
import java.util.List;

/**
 * Verifies, rotates and tears down one workspace, inside an activity: the worker-side operations of the
 * maintenance and offboarding workflows.
 *
 * <p>{@link #verify} has a default: {@code Lakesetup.verify(blueprint)}, its drift items as {@code kind what:
 * status} lines (read-only: nothing is changed).
 * Rotation and teardown have none yet and throw {@link UnsupportedOperationException} until the worker is given an
 * implementation. For rotation, {@code SecretRotation} (module {@code lakesetup-databricks}) fits: one per declared
 * secret, {@code rotateWhenExpiringWithin(window)}, the sink as its {@code SecretVault}, and its journal in the
 * workers' shared record store, which makes a retried or resumed rotation finish instead of starting over. An
 * implementation must be idempotent, because Temporal retries an activity that failed or whose worker died.
 */
public interface FleetLifecycle {

    /**
     * Verifies a workspace against its blueprint.
     *
     * @param target the target
     * @param lakesetup the engine, on the workspace's executors
     * @param blueprint the target's blueprint
     * @return the drift found
     */
    default VerifySummary verify(WorkspaceTarget target, Lakesetup lakesetup, Blueprint blueprint) {
        List<String> drift = lakesetup.verify(blueprint).drift().stream()
                .map(item -> item.kind() + " " + item.what() + ": " + item.status()).toList();
        return new VerifySummary(target.workspaceRef(), drift);
    }

    /**
     * Rotates the blueprint's secrets that expire inside the window; the new secrets go to the blueprint's sinks.
     *
     * @param target the target
     * @param lakesetup the engine, on the workspace's executors
     * @param blueprint the target's blueprint
     * @param window how close to its expiry a secret must be to be rotated
     * @return what was rotated and kept
     */
    default RotationSummary rotateExpiring(WorkspaceTarget target, Lakesetup lakesetup, Blueprint blueprint,
            Duration window) {
        throw new UnsupportedOperationException("no secret rotation configured on this worker: pass a FleetLifecycle "
                + "that implements rotateExpiring to LakesetupWorkers.Builder.lifecycle");
    }

    /**
     * Tears down what the blueprint set up.
     *
     * @param target the target
     * @param lakesetup the engine, on the workspace's executors
     * @param blueprint the target's blueprint
     * @return the objects removed or revoked
     */
    default List<String> teardown(WorkspaceTarget target, Lakesetup lakesetup, Blueprint blueprint) {
        throw new UnsupportedOperationException("no teardown configured on this worker: pass a FleetLifecycle that "
                + "implements teardown to LakesetupWorkers.Builder.lifecycle");
    }
}
