package dev.lakesetup.temporal;

/**
 * How one workspace of a fleet run ended.
 *
 * @param workspaceRef the workspace's reference
 * @param succeeded whether its workflow completed
 * @param failure why it failed (the failure's message, which lakesetup keeps free of secrets), empty when it
 *     succeeded
 */
public record WorkspaceOutcome(String workspaceRef, boolean succeeded, String failure) {
}
