package dev.lakesetup.temporal;

import dev.lakesetup.core.exception.InvalidInputException;

/**
 * Names, by reference only, what to set up where: the workspace, the blueprint and the sink for issued secrets.
 * A target is what a workflow carries in its input and history, so it holds names and never a credential; the
 * worker resolves each reference inside an activity ({@link CredentialResolver}, {@link BlueprintProvider}).
 *
 * @param workspaceRef the workspace's reference, resolved by the worker's {@link CredentialResolver}
 * @param blueprint the name of a {@link BlueprintProvider} registered on the worker
 * @param sinkRef the reference of the sink that receives issued secrets, resolved by the {@link CredentialResolver}
 */
public record WorkspaceTarget(String workspaceRef, String blueprint, String sinkRef) {
    /**
     * Checks that every reference is given.
     *
     * @param workspaceRef the workspace's reference
     * @param blueprint the blueprint provider's name
     * @param sinkRef the secret sink's reference
     */
    public WorkspaceTarget {
        InvalidInputException.requireNonNull(workspaceRef, "workspace reference");
        InvalidInputException.requireNonNull(blueprint, "blueprint name");
        InvalidInputException.requireNonNull(sinkRef, "secret sink reference");
    }
}
