package dev.lakesetup.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The activity of an offboarding: tear down what the target's blueprint set up, through the worker's
 * {@link FleetLifecycle}. Idempotent: what is already gone counts as done.
 */
@ActivityInterface
public interface OffboardingActivities {

    /**
     * Tears the target's blueprint down.
     *
     * @param target the target
     * @return the objects removed or revoked, as people name them
     */
    @ActivityMethod
    List<String> teardown(WorkspaceTarget target);
}
