package dev.lakesetup.temporal;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.databricks.DatabricksWorkspace;
import java.util.Map;

/**
 * What every activity of a worker shares: the resolver, the blueprint providers, the secret ledger and the
 * lifecycle operations.
 */
final class WorkerContext {
    private final CredentialResolver credentials;
    private final Map<String, BlueprintProvider> blueprints;
    private final SecretLedger ledger;
    private final FleetLifecycle lifecycle;

    WorkerContext(CredentialResolver credentials, Map<String, BlueprintProvider> blueprints, SecretLedger ledger,
            FleetLifecycle lifecycle) {
        this.credentials = credentials;
        this.blueprints = Map.copyOf(blueprints);
        this.ledger = ledger;
        this.lifecycle = lifecycle;
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
        BlueprintProvider provider = blueprints.get(target.blueprint());
        if (provider == null) {
            throw InvalidInputException.of("blueprint", target.blueprint(), "no provider of that name is registered "
                    + "on this worker", "one of " + blueprints.keySet());
        }
        DatabricksWorkspace workspace = credentials.workspace(target.workspaceRef());
        Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor())
                .callPolicy(workspace.callPolicy().toBuilder()
                        .retryPolicy(RetryPolicy.builder().maxAttempts(1).notYetVisibleMaxAttempts(1)
                                .readBackAttempts(1).build()).build())
                .build();
        return new WorkspaceSession(lakesetup, provider.blueprint(target.workspaceRef(), sink));
    }
}
