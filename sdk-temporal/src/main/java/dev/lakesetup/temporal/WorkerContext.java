package dev.lakesetup.temporal;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every activity of a worker shares: the resolver, the blueprint providers, the secret ledger and the
 * lifecycle operations.
 */
final class WorkerContext {
    private final CredentialResolver credentials;
    private final Map<String, BlueprintProvider> blueprints;
    private final SecretLedger ledger;
    private final FleetLifecycle lifecycle;
    private final RecordStore records;
    private final Duration keepWindow;
    private final UnaryOperator<PrincipalValidator.Builder> validator;

    WorkerContext(CredentialResolver credentials, Map<String, BlueprintProvider> blueprints, RecordStore records,
            FleetLifecycle lifecycle, Duration keepWindow, UnaryOperator<PrincipalValidator.Builder> validator) {
        this.credentials = credentials;
        this.blueprints = Map.copyOf(blueprints);
        this.records = records;
        this.ledger = new SecretLedger(records);
        this.lifecycle = lifecycle;
        this.keepWindow = keepWindow;
        this.validator = validator;
    }

    RecordStore records() {
        return records;
    }

    CredentialResolver credentials() {
        return credentials;
    }

    SecretLedger ledger() {
        return ledger;
    }

    FleetLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Opens a target: its workspace resolved by reference, the engine on the workspace's REST executor with one
     * attempt per call (Temporal retries the activity with its backoff, on durable timers, instead of a sleeping
     * thread), and the blueprint built with the given sink.
     */
    WorkspaceSession open(WorkspaceTarget target, SecretSink sink) {
        Blueprint blueprint = blueprint(target, sink);
        return new WorkspaceSession(engine(credentials.workspace(target.workspaceRef())), blueprint);
    }

    /** Opens a target for the lifecycle operations: the session with the workspace, records and rotation settings. */
    LifecycleSession lifecycleSession(WorkspaceTarget target, SecretSink sink) {
        Blueprint blueprint = blueprint(target, sink);
        DatabricksWorkspace workspace = credentials.workspace(target.workspaceRef());
        return new LifecycleSession(target, engine(workspace), workspace, blueprint, sink, records, keepWindow,
                validator);
    }

    private Blueprint blueprint(WorkspaceTarget target, SecretSink sink) {
        BlueprintProvider provider = blueprints.get(target.blueprint());
        if (provider == null) {
            throw InvalidInputException.of("blueprint", target.blueprint(), "no provider of that name is registered "
                    + "on this worker", "one of " + blueprints.keySet());
        }
        return provider.blueprint(target.workspaceRef(), sink);
    }

    private static Lakesetup engine(DatabricksWorkspace workspace) {
        return Lakesetup.builder().executor(workspace.restExecutor())
                .callPolicy(workspace.callPolicy().toBuilder()
                        .retryPolicy(RetryPolicy.builder().maxAttempts(1).notYetVisibleMaxAttempts(1)
                                .readBackAttempts(1).build()).build())
                .build();
    }
}
