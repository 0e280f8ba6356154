package dev.lakesetup.core.internal.apply;

import dev.lakesetup.core.LakesetupException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.spi.Executor;
import java.util.List;

/**
 * Sends each resource, securable and change to the first registered executor that handles it. An executor that does
 * not {@linkplain Executor#metersRequests() meter its requests} is handed out wrapped so that each of its calls takes
 * one permit of the rate limit.
 */
public final class Router {
    private final List<Executor> executors;

    /**
     * Creates a router.
     *
     * @param executors the executors, in priority order
     */
    public Router(List<Executor> executors) {
        this.executors = executors.stream().map(PermitPerCall::wrap).toList();
    }

    /**
     * Returns the executors as the engine calls them.
     *
     * @return the executors in priority order
     */
    public List<Executor> executors() {
        return executors;
    }

    /**
     * Finds the executor for a resource.
     *
     * @param resource the resource
     * @return the executor
     * @throws LakesetupException when none handles it
     */
    public Executor forResource(Resource resource) {
        for (Executor executor : executors) {
            if (executor.handles(resource)) {
                return executor;
            }
        }
        throw new LakesetupException("no registered executor handles " + resource.id() + "; registered: " + names());
    }

    /**
     * Finds the executor for the grants on a securable.
     *
     * @param securable the securable
     * @return the executor
     * @throws LakesetupException when none handles it
     */
    public Executor forGrantsOn(Securable securable) {
        for (Executor executor : executors) {
            if (executor.handlesGrantsOn(securable)) {
                return executor;
            }
        }
        throw new LakesetupException("no registered executor handles grants on " + securable.type().apiName() + " "
                + securable.fullName() + "; registered: " + names());
    }

    /**
     * Finds the executor for a change.
     *
     * @param change the change
     * @return the executor
     * @throws LakesetupException when none supports it
     */
    public Executor forChange(Change change) {
        for (Executor executor : executors) {
            if (executor.supports(change)) {
                return executor;
            }
        }
        throw new LakesetupException("no registered executor applies change " + change.id() + "; registered: "
                + names());
    }

    private String names() {
        return executors.stream().map(Executor::name).toList().toString();
    }
}
