package dev.lakesetup.temporal;

import dev.lakesetup.core.model.SecretSink;
import dev.lakesetup.databricks.DatabricksWorkspace;

/**
 * Turns references into the connections and sinks that hold secrets, inside an activity and nowhere else.
 *
 * <p>Workflow inputs, results, signals and activity results are kept in the workflow's history; this resolver is
 * why none of them ever holds an admin credential or an issued secret: a workflow names a workspace and a sink by
 * reference ({@link WorkspaceTarget}), and each activity asks the resolver of the worker it runs on. A typical
 * implementation reads a vault (the admin credentials of workspace {@code ws-eu-1}; the vault path a new secret is
 * written to). Called from activity threads, possibly at the same time: implementations must be thread-safe.
 */
public interface CredentialResolver {

    /**
     * Returns the connection, signed in as an admin, of a workspace.
     *
     * @param workspaceRef the workspace's reference
     * @return the connection
     */
    DatabricksWorkspace workspace(String workspaceRef);

    /**
     * Returns the sink that receives the secrets issued for a target.
     *
     * @param sinkRef the sink's reference
     * @return the sink
     */
    SecretSink sink(String sinkRef);
}
