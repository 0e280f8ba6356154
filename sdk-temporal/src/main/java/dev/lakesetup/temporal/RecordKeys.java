package dev.lakesetup.temporal;

import dev.lakesetup.core.model.ApplicationId;

/** The stable keys, in the workers' shared record store, of a target's run record and rotation journals. */
final class RecordKeys {
    private RecordKeys() {
    }

    /** The run record of every onboarding of a workspace with a blueprint. */
    static String runRecord(WorkspaceTarget target) {
        return "temporal/runs/" + safe(target.workspaceRef()) + "/" + safe(target.blueprint());
    }

    /** The journal of the rotation of one principal's secret in one workspace. */
    static String rotationJournal(WorkspaceTarget target, ApplicationId principal) {
        return "temporal/rotations/" + safe(target.workspaceRef()) + "/" + principal.toString();
    }

    /** A key part with allowed characters only (others become {@code _}). */
    static String safe(String part) {
        String cleaned = part.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.replace("..", "__");
    }
}
