package dev.lakesetup.temporal;

import java.util.List;

/**
 * What one scheduled maintenance run (one tick) did to a fleet: verification and rotation per workspace, and which
 * workspaces failed.
 *
 * @param verified what verifying each workspace found
 * @param rotations what rotating each workspace did
 * @param outcomes one outcome per workspace, failures with why
 */
public record MaintenanceReport(List<VerifySummary> verified, List<RotationSummary> rotations,
        List<WorkspaceOutcome> outcomes) {
    /**
     * Copies the lists.
     *
     * @param verified the verifications
     * @param rotations the rotations
     * @param outcomes the outcomes
     */
    public MaintenanceReport {
        verified = List.copyOf(verified);
        rotations = List.copyOf(rotations);
        outcomes = List.copyOf(outcomes);
    }
}
