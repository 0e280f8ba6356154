package dev.lakesetup.temporal;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a {@link FleetLifecycle} works with for one target inside an activity: the target's references, the engine
 * and the signed-in workspace, the blueprint rebuilt by the worker, the sink resolved from the target's sink
 * reference, the record store every worker shares and the worker's rotation settings. Rebuilt on every activity;
 * never part of workflow history.
 */
public final class LifecycleSession {
    private final WorkspaceTarget target;
    private final Lakesetup lakesetup;
    private final DatabricksWorkspace workspace;
    private final Blueprint blueprint;
    private final SecretSink sink;
    private final RecordStore records;
    private final Duration keepWindow;
    private final UnaryOperator<PrincipalValidator.Builder> validator;

    LifecycleSession(WorkspaceTarget target, Lakesetup lakesetup, DatabricksWorkspace workspace, Blueprint blueprint,
            SecretSink sink, RecordStore records, Duration keepWindow,
            UnaryOperator<PrincipalValidator.Builder> validator) {
        this.target = target;
        this.lakesetup = lakesetup;
        this.workspace = workspace;
        this.blueprint = blueprint;
        this.sink = sink;
        this.records = records;
        this.keepWindow = keepWindow;
        this.validator = validator;
    }

    /**
     * Returns the target, by reference.
     *
     * @return the target
     */
    public WorkspaceTarget target() {
        return target;
    }

    /**
     * Returns the engine on the workspace's executors (one attempt per call: Temporal retries the activity).
     *
     * @return the engine
     */
    public Lakesetup lakesetup() {
        return lakesetup;
    }

    /**
     * Returns the workspace, signed in as an admin by the worker's {@link CredentialResolver}.
     *
     * @return the workspace
     */
    public DatabricksWorkspace workspace() {
        return workspace;
    }

    /**
     * Returns the target's blueprint, built with {@link #sink()}.
     *
     * @return the blueprint
     */
    public Blueprint blueprint() {
        return blueprint;
    }

    /**
     * Returns the sink the resolver gave for the target's sink reference (a sink that refuses every secret in
     * activities that must not issue one: verify and teardown).
     *
     * @return the sink
     */
    public SecretSink sink() {
        return sink;
    }

    /**
     * Returns the record store every worker shares (run records, rotation journals, the secret-issue ledger).
     *
     * @return the store
     */
    public RecordStore records() {
        return records;
    }

    /**
     * Returns the keep window of rotations, set on the workers ({@code LakesetupWorkers.Builder.rotation}).
     *
     * @return the window, or empty when the workers were given none (a rotation then refuses to run)
     */
    public Optional<Duration> keepWindow() {
        return Optional.ofNullable(keepWindow);
    }

    /**
     * Returns what the workers add to each rotation's validation as the principal.
     *
     * @return the validator customisation (identity unless set on the workers)
     */
    public UnaryOperator<PrincipalValidator.Builder> validator() {
        return validator;
    }

    /**
     * Returns the key of the target's run record in {@link #records()}: one per workspace and blueprint, the same
     * for every onboarding run, so the offboarding reads what all of them gave.
     *
     * @return the key
     */
    public String runRecordKey() {
        return RecordKeys.runRecord(target);
    }

    @Override
    public String toString() {
        return "LifecycleSession[" + target + "]";
    }
}
