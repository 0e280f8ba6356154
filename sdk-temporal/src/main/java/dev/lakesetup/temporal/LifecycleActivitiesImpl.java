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
        return context.lifecycle().verify(context.lifecycleSession(target, WorkspaceSession.NO_ISSUE));
    }

    @Override
    public RotationSummary rotateExpiring(WorkspaceTarget target, Duration window) {
        LifecycleSession session = context.lifecycleSession(target, context.credentials().sink(target.sinkRef()));
        return context.lifecycle().rotateExpiring(session, window);
    }

    @Override
    public List<String> teardown(WorkspaceTarget target) {
        return context.lifecycle().teardown(context.lifecycleSession(target, WorkspaceSession.NO_ISSUE));
    }
}
