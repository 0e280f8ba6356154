package dev.lakesetup.temporal;

import java.time.Duration;
import java.util.List;

/**
 * Verifies, rotates and tears down one workspace, inside an activity: the worker-side operations of the
 * maintenance and offboarding workflows. Every method has a default; override one to change it (an implementation
 * must be idempotent, because Temporal retries an activity that failed or whose worker died).
 * <ul>
 *   <li>{@link #verify}: {@code Lakesetup.verify(blueprint)}, its drift items as {@code kind what: status} lines
 *   (read-only).</li>
 *   <li>{@link #rotateExpiring}: one {@code SecretRotation} per OAuth secret the blueprint declares, with
 *   {@code rotateWhenExpiringWithin(window)}, the workers' keep window ({@code LakesetupWorkers.Builder.rotation};
 *   required: without it the activity fails, it never assumes zero), the secret's sink as vault when it is a
 *   {@code SecretVault} (else the sink the {@link CredentialResolver} gives for the target's sink reference, which
 *   must then be one), and the journal in the shared record store under a key per workspace and principal, so a
 *   retried or resumed activity finishes the same rotation.</li>
 *   <li>{@link #teardown}: {@code Lakesetup.teardown(blueprint, options)} with the run record the onboarding
 *   activities saved for the workspace and blueprint ({@link LifecycleSession#runRecordKey()}), applied with
 *   revokes and deletes allowed: only what the onboardings created or granted new is removed; grants held before
 *   and other principals' grants stay.</li>
 * </ul>
 */
public interface FleetLifecycle {

    /**
     * Verifies a workspace against its blueprint.
     *
     * @param session the target's engine, workspace, blueprint and records
     * @return the drift found
     */
    default VerifySummary verify(LifecycleSession session) {
        List<String> drift = session.lakesetup().verify(session.blueprint()).drift().stream()
                .map(item -> item.kind() + " " + item.what() + ": " + item.status()).toList();
        return new VerifySummary(session.target().workspaceRef(), drift);
    }

    /**
     * Rotates the blueprint's secrets that expire inside the window; the new secrets go to their vaults.
     *
     * @param session the target's engine, workspace, blueprint, sink and records
     * @param window how close to its expiry a secret must be to be rotated
     * @return the principals (application ids) whose secret was rotated and kept; never a secret
     */
    default RotationSummary rotateExpiring(LifecycleSession session, Duration window) {
        return DefaultRotation.run(session, window);
    }

    /**
     * Tears down what the onboardings of the blueprint set up.
     *
     * @param session the target's engine, workspace, blueprint and records
     * @return the changes applied, as {@code revoke ...} and {@code delete ...} lines (escaped, never a secret)
     */
    default List<String> teardown(LifecycleSession session) {
        return DefaultTeardown.run(session);
    }
}
