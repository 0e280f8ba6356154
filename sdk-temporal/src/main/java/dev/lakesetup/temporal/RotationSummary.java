package dev.lakesetup.temporal;

import java.util.List;

/**
 * What the rotation of one workspace did: the declared secrets rotated because they expire inside the window, and
 * those kept. Names only (principals' application ids or change ids), never a secret value.
 *
 * @param workspaceRef the workspace's reference
 * @param rotated the secrets rotated (a new one went to the sink)
 * @param kept the secrets that do not expire inside the window
 */
public record RotationSummary(String workspaceRef, List<String> rotated, List<String> kept) {
    /**
     * Copies the lists.
     *
     * @param workspaceRef the workspace's reference
     * @param rotated the secrets rotated
     * @param kept the secrets kept
     */
    public RotationSummary {
        rotated = List.copyOf(rotated);
        kept = List.copyOf(kept);
    }
}
