package dev.lakesetup.temporal;

import java.util.List;

/**
 * What verifying one workspace found: the objects that drifted from the blueprint, as people name them.
 *
 * @param workspaceRef the workspace's reference
 * @param drift the drifted objects (empty when the workspace matches its blueprint)
 */
public record VerifySummary(String workspaceRef, List<String> drift) {
    /**
     * Copies the list.
     *
     * @param workspaceRef the workspace's reference
     * @param drift the drifted objects
     */
    public VerifySummary {
        drift = List.copyOf(drift);
    }

    /**
     * Tells whether nothing drifted.
     *
     * @return whether the workspace matches its blueprint
     */
    public boolean clean() {
        return drift.isEmpty();
    }
}
