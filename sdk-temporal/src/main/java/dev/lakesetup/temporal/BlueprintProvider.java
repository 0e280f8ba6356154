package dev.lakesetup.temporal;

import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.SecretSink;

/**
 * Builds the blueprint of one workspace inside an activity, from the target's references; registered on the worker
 * under the name a {@link WorkspaceTarget} gives.
 *
 * <p>A blueprint holds the sink its secrets go to, so it never travels through a workflow: each activity rebuilds it
 * here. It must be deterministic (the same target gives the same blueprint), because every activity of an
 * onboarding rebuilds it and re-plans against the live state.
 */
@FunctionalInterface
public interface BlueprintProvider {

    /**
     * Builds the blueprint.
     *
     * @param workspaceRef the workspace's reference
     * @param sink the sink that every {@link dev.lakesetup.core.model.OAuthSecret} of the blueprint must hand its
     *     secret to (it records the delivery before passing the secret on)
     * @return the blueprint
     */
    Blueprint blueprint(String workspaceRef, SecretSink sink);
}
