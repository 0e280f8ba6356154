package dev.lakesetup.cli;

import dev.lakesetup.azure.AzureConnection;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.setup.WorkspaceSetup;
import java.util.Map;

/**
 * One command's connections: the Databricks workspace (signed in like the Databricks CLI, or a sandbox), Azure when
 * the setup has Azure pieces, and the engine over their executors. Closing it closes what it opened.
 */
final class Session implements AutoCloseable {
    private static final String ACCOUNT_HOST = "https://accounts.azuredatabricks.net";

    private final DatabricksWorkspace workspace;
    private final Lakesetup lakesetup;
    private final AzureConnection azure;
    private final Sandbox sandbox;

    private Session(DatabricksWorkspace workspace, Lakesetup lakesetup, AzureConnection azure, Sandbox sandbox) {
        this.workspace = workspace;
        this.lakesetup = lakesetup;
        this.azure = azure;
        this.sandbox = sandbox;
    }

    /**
     * Opens the connections a setup needs.
     *
     * @param setup the workspace's setup from the file
     * @param file the file it came from
     * @param target where to run
     * @param env the environment (Azure's tenant and subscription, the Databricks account)
     * @param listener the progress listener
     */
    static Session open(WorkspaceSetup setup, FileOptions file, TargetOptions target, Map<String, String> env,
            ApplyListener listener) {
        CallPolicy policy = CallPolicy.defaults();
        if (target.sandbox()) {
            if (target.profile() != null) {
                throw InvalidInputException.of("--profile", target.profile(), "--sandbox runs without an account",
                        "either --sandbox or --profile, not both");
            }
            Sandbox sandbox = Sandbox.start(setup, ValidationTables.of(file.file(), setup.name()));
            try {
                return open(sandbox.databricks(policy), sandbox.azure(policy), policy, listener, sandbox);
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
        }
        DatabricksWorkspace workspace = signIn(setup, target, env, policy);
        AzureConnection azure = setup.needsAzure() ? azure(env, policy) : null;
        return open(workspace, azure, policy, listener, null);
    }

    private static Session open(DatabricksWorkspace workspace, AzureConnection azure, CallPolicy policy,
            ApplyListener listener, Sandbox sandbox) {
        Lakesetup.Builder engine = Lakesetup.builder().callPolicy(policy).listener(listener)
                .executor(workspace.restExecutor());
        if (azure != null) {
            engine.executor(azure.executor());
        }
        return new Session(workspace, engine.build(), azure, sandbox);
    }

    private static DatabricksWorkspace signIn(WorkspaceSetup setup, TargetOptions target, Map<String, String> env,
            CallPolicy policy) {
        DatabricksWorkspace.Builder builder = target.profile() == null ? DatabricksWorkspace.fromEnvironment()
                : DatabricksWorkspace.profile(target.profile());
        setup.host().ifPresent(builder::host);
        setup.warehouse().ifPresent(builder::warehouseId);
        String accountId = env.get("DATABRICKS_ACCOUNT_ID");
        if (accountId != null && !accountId.isBlank()) {
            builder.account(env.getOrDefault("DATABRICKS_ACCOUNT_HOST", ACCOUNT_HOST), accountId);
        }
        return builder.callPolicy(policy).build();
    }

    private static AzureConnection azure(Map<String, String> env, CallPolicy policy) {
        String tenant = env.get("AZURE_TENANT_ID");
        String subscription = env.get("AZURE_SUBSCRIPTION_ID");
        if (tenant == null || tenant.isBlank() || subscription == null || subscription.isBlank()) {
            throw InvalidInputException.of("AZURE_TENANT_ID and AZURE_SUBSCRIPTION_ID",
                    tenant == null ? "<missing>" : tenant, "the setup has Azure pieces",
                    "both environment variables set (the credential is the Azure SDK's default one)");
        }
        return AzureConnection.builder().tenantId(tenant).subscriptionId(subscription).callPolicy(policy).build();
    }

    /** The workspace the setup runs against. */
    DatabricksWorkspace workspace() {
        return workspace;
    }

    /** The engine over the workspace's (and Azure's) executors. */
    Lakesetup lakesetup() {
        return lakesetup;
    }

    /** Tells whether the command runs against an in-process sandbox. */
    boolean isSandbox() {
        return sandbox != null;
    }

    /** Where the command runs, for the first line of its output. */
    String where() {
        return sandbox != null ? "sandbox at " + sandbox.host() + " (in this process; nothing leaves this machine)"
                : workspace.host();
    }

    @Override
    public void close() {
        try {
            if (azure != null) {
                azure.close();
            }
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
