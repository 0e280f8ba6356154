package dev.lakesetup.temporal;

import java.time.Duration;
import java.util.List;

/** The maintenance and offboarding activities: the worker's {@link FleetLifecycle} on a session per target. */
final class LifecycleActivitiesImpl implements MaintenanceActivities, OffboardingActivities {
    private final WorkerContext context;

    LifecycleActivitiesImpl(WorkerContext context) {
        this.context = context;
    }

    @Override
    public VerifySummary verify(WorkspaceTarget target) {
        WorkspaceSession session = context.open(target, WorkspaceSession.NO_ISSUE);
        return context.lifecycle().verify(target, session.lakesetup(), session.blueprint());
    }

    @Override
    public RotationSummary rotateExpiring(WorkspaceTarget target, Duration window) {
        WorkspaceSession session = context.open(target, context.credentials().sink(target.sinkRef()));
        return context.lifecycle().rotateExpiring(target, session.lakesetup(), session.blueprint(), window);
    }

    @Override
    public List<String> teardown(WorkspaceTarget target) {
        WorkspaceSession session = context.open(target, WorkspaceSession.NO_ISSUE);
        return context.lifecycle().teardown(target, session.lakesetup(), session.blueprint());
    }
}
