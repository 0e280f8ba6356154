package dev.lakesetup.core.spi;

import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the live state of the objects it handles and applies changes to them: the plug-in point between lakesetup
 * and a service (Databricks REST, SQL over JDBC, Azure).
 *
 * <p>Register executors on {@code Lakesetup.builder().executor(..)}; several may be registered, and each resource,
 * securable and change goes to the first one that handles it. The engine wraps every call in one rate limiter (one
 * permit per call, or one per request for an executor that {@linkplain #metersRequests() meters its requests}) and one
 * retry policy, so an implementation makes a single attempt per call, turns off any retries of its own client
 * library, and reports failures by throwing {@link dev.lakesetup.core.ServiceException} with the right
 * {@link dev.lakesetup.core.ServiceException.Failure} kind (vendor exceptions are wrapped at this boundary; an
 * {@link java.io.IOException} cause that is not wrapped is treated as transient). Implementations must be
 * thread-safe: the engine calls them from several threads at once.
 */
public interface Executor {

    /**
     * Returns a short name for logs and reports, e.g. {@code databricks-rest}.
     *
     * @return the name
     */
    String name();

    /**
     * Tells whether this executor reads and changes a kind of resource.
     *
     * @param resource a declared resource
     * @return {@code true} if it handles it
     */
    boolean handles(Resource resource);

    /**
     * Tells whether this executor reads and changes the grants on a securable.
     *
     * @param securable the securable
     * @return {@code true} if it handles its grants
     */
    boolean handlesGrantsOn(Securable securable);

    /**
     * Tells whether this executor can apply a change; by default, when it handles the change's resource or
     * securable.
     *
     * @param change the change
     * @return {@code true} if {@link #apply} accepts it
     */
    default boolean supports(Change change) {
        return change.accept(new Change.Visitor<>() {
            @Override
            public Boolean resource(ResourceChange resourceChange) {
                return handles(resourceChange.resource());
            }

            @Override
            public Boolean grants(GrantChange grantChange) {
                return handlesGrantsOn(grantChange.securable());
            }
        });
    }

    /**
     * Tells whether this executor takes a permit of the engine's rate limit for each request it sends, so that the
     * limit holds per request on the wire; by default {@code false}.
     *
     * <p>An executor that says {@code false} (one whose requests are out of its sight, such as SQL through a JDBC
     * driver) is given one permit per call: each read, resolve and change attempt. One that says {@code true} is
     * given none per call; instead its HTTP layer calls {@code RequestPermits.current().acquire()} before each
     * request, including start-up discovery and token requests sent during a call, and so a call that sends no
     * request takes no permit and one that sends three takes three. Say {@code true} only when every request of
     * every call takes a permit, or the limit leaks. A decorator that does not extend {@link ForwardingExecutor}
     * says {@code false} unless it forwards this method: the limit then still holds, each call taking one permit up
     * front, which its first metered request uses.
     *
     * @return {@code true} if the executor meters each of its requests through {@link RequestPermits}
     */
    default boolean metersRequests() {
        return false;
    }

    /**
     * Reads the live state of resources this executor handles, with as few calls as it can.
     *
     * <p>The result has an entry for each resource that exists and none for one that does not. Report scalar
     * settings under the names the resource declares ({@link Resource#settings()}), with the service's value;
     * report member sets in full. Never read back secret settings. For an
     * {@link dev.lakesetup.core.model.OAuthSecret}, an entry means the principal has an active secret. For a
     * {@link dev.lakesetup.core.model.WarehousePermission}, report under {@code permission level} every level the
     * principal holds (directly or inherited); the planner counts a higher level as satisfying a lower one.
     *
     * @param resources resources for which {@link #handles} is true
     * @param context resolves service principals known by display name
     * @return the live state of those that exist, keyed by resource id
     */
    Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
            ExecutionContext context);

    /**
     * Reads every principal's privileges on securables, in bulk: a SQL reader answers with a few
     * {@code information_schema} queries, a REST reader with one request per securable.
     *
     * <p>Report direct grants only (not inherited ones), with privileges read by
     * {@link dev.lakesetup.core.model.Privilege#observed(String, dev.lakesetup.core.model.SecurableType)
     * Privilege.observed(text, type)} so every name held is kept (also one this release does not know or thinks does
     * not apply), and principals made with {@link ObservedGrants#principalOf(String)} (a deleted principal, which the
     * service lists by id only, as {@link dev.lakesetup.core.model.DeletedPrincipal}). A securable that does not
     * exist, or has no grants, may be left out.
     *
     * <p>For a securable where {@link ExecutionContext#needsEveryGrant(Securable)} is true (one the blueprint declares
     * exclusive), report every principal's grants: read it from a source that shows them all to the caller, not from
     * one that shows a caller only its own (such as the {@code information_schema} privileges views for a caller
     * that is neither the owner nor a metastore admin).
     *
     * @param securables securables for which {@link #handlesGrantsOn} is true
     * @param context resolves service principals known by display name
     * @return the privileges held on each securable
     */
    Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
            ExecutionContext context);

    /**
     * Returns how many resources one {@link #readResources} call should carry while planning, and how many
     * securables one {@link #readGrants} call carries (while planning, and when an apply reads written grants back)
     * unless {@link #grantReadBatchSize()} says otherwise; by default all of them, in one call.
     *
     * <p>A reader that answers in bulk (a few {@code information_schema} queries) keeps the default. A reader that
     * makes one request per object returns 1: the planner then splits the reads into calls of that size and runs
     * them in parallel, each under the engine's concurrency bound, rate limit and retry policy, and merges the
     * answers in a fixed order.
     *
     * @return at least 1
     */
    default int readBatchSize() {
        return Integer.MAX_VALUE;
    }

    /**
     * Returns how many securables one {@link #readGrants} call should carry while planning and when an apply reads
     * written grants back; by default {@link #readBatchSize()}. Neither mixes securable types in one call: the
     * securables of each type are split into calls of at most this size, and all calls run in parallel. A reader that
     * queries one view per securable type in chunks of {@code n} names returns {@code n}, so each query is a call of
     * its own and the queries run side by side instead of one after another.
     *
     * @return at least 1
     */
    default int grantReadBatchSize() {
        return readBatchSize();
    }

    /**
     * Finds the application id of a service principal known by display name.
     *
     * @param principal a reference by display name
     * @return the application id, or empty if no such principal exists (or this executor does not know principals)
     */
    default Optional<ApplicationId> resolve(ServicePrincipal principal) {
        return Optional.empty();
    }

    /**
     * Looks a principal up in the workspace's directory while planning, so a grant to one that does not exist fails
     * at plan time instead of after apply's retries; by default it cannot check and answers empty.
     *
     * <p>The planner asks once per distinct principal the blueprint names (except those the plan itself creates),
     * all in parallel, each call under the engine's rate limit and retry policy. A service principal comes by
     * application id, or by display name when it is not declared as a resource and no executor could
     * {@linkplain #resolve resolve} it. The first executor that answers decides; when none can check, the
     * principal is not checked. An executor that looks up in several places (the workspace, then the account)
     * answers {@link PrincipalLookup#missing missing} only when none knows it, naming every place it asked.
     *
     * @param principal a service principal, user or group
     * @return whether it exists and what was looked up, or empty when this executor cannot check principals
     */
    default Optional<PrincipalLookup> lookUp(Principal principal) {
        return Optional.empty();
    }

    /**
     * Applies one change with one attempt.
     *
     * <p>A change that creates a service principal returns its application id in
     * {@link ChangeResult#createdPrincipal}; one that issues an OAuth secret returns it in
     * {@link ChangeResult#issuedSecret}, and the engine hands it to the declared sink. A create that finds the
     * object already there throws a {@link dev.lakesetup.core.ServiceException} of kind
     * {@link dev.lakesetup.core.ServiceException.Failure#ALREADY_EXISTS}; the engine then re-reads it.
     *
     * <p>A grant change may report the securable's direct grants as the service answered the write
     * ({@link ChangeResult#withObservedGrants}); when they hold what the change granted, the engine skips reading
     * them back. Otherwise the engine confirms them with {@link #readGrants}: at once when other changes wait for
     * the grant, else later together with the other written grants, a {@link #grantReadBatchSize()} of securables
     * of one type per call, so an executor whose writes answer with nothing (such as SQL {@code GRANT}) costs a few
     * reads per apply rather than one per securable.
     *
     * @param change an actionable change for which {@link #supports} is true
     * @param context resolves service principals, including ones created earlier in the same apply
     * @return what the change produced
     */
    ChangeResult apply(Change change, ExecutionContext context);
}
