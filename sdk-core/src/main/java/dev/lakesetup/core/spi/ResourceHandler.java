package dev.lakesetup.core.spi;

import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.List;
import java.util.Map;

/**
 * Reads and changes one kind of resource in one service: the place where a resource kind meets a service.
 *
 * <p>The live state is typed: {@link #read} answers each existing resource as a value of the same kind, built from
 * what the service holds (a catalog with its live comment and storage root, a service principal with its live
 * entitlements), so the planner compares declared and live settings by the model's own rules.
 * <pre>{@code
 * final class CatalogHandler implements ResourceHandler<Catalog> {
 *     public Class<Catalog> type() { return Catalog.class; }
 *     public Map<ResourceId, Catalog> read(List<Catalog> catalogs, ExecutionContext context) {
 *         Map<ResourceId, Catalog> live = new LinkedHashMap<>();
 *         context.runAll("read catalog", catalogs, this::fetch)
 *                 .forEach(found -> found.ifPresent(c -> live.put(c.id(), c)));
 *         return live;
 *     }
 *     public ChangeResult apply(ResourceChange change, Catalog catalog, ExecutionContext context) { ... }
 * }
 * }</pre>
 *
 * @param <R> the resource kind
 */
public interface ResourceHandler<R extends Resource> {

    /**
     * Returns the class of the resources this handler takes; the engine looks handlers up by it.
     *
     * @return the resource class
     */
    Class<R> type();

    /**
     * Reads the live state of declared resources, with as few requests as it can: one bulk request, or one request
     * per resource fanned out with {@link ExecutionContext#runAll}.
     *
     * <p>The answer has an entry for each resource that exists, keyed by the declared resource's id, and none for
     * one that does not. Each entry is the live object as a value of the same kind, with every setting the
     * declaration can carry set to the service's value (an unset comment when the service has none). Secret
     * settings are never read back; a kind whose live state is its existence alone (an active OAuth secret) answers
     * the declared value.
     *
     * @param resources every declared resource of this kind the engine needs, in blueprint order
     * @param context resolves service principals known by display name and fans out requests
     * @return the live state of those that exist, keyed by declared resource id
     */
    Map<ResourceId, R> read(List<R> resources, ExecutionContext context);

    /**
     * Applies one {@link dev.lakesetup.core.plan.Action#CREATE CREATE} or
     * {@link dev.lakesetup.core.plan.Action#UPDATE UPDATE} with one attempt; the engine never passes a no-op or a
     * conflict.
     *
     * <p>A create of a service principal returns its application id in {@link ChangeResult#createdPrincipal}; one
     * that issues an OAuth secret returns it in {@link ChangeResult#issuedSecret}, and the engine hands it to the
     * declared sink. A create that finds the object already there throws a
     * {@link dev.lakesetup.core.exception.ServiceException} of kind
     * {@link dev.lakesetup.core.exception.ServiceException.Failure#ALREADY_EXISTS}; the engine then reads it and compares.
     *
     * @param change the change, with the settings to write ({@link ResourceChange#settings()})
     * @param resource the declared resource, {@code change.resource()} as this handler's type
     * @param context resolves service principals, including ones created earlier in the same apply
     * @return what the change produced
     */
    ChangeResult apply(ResourceChange change, R resource, ExecutionContext context);

    /**
     * Tells whether this handler can apply a {@link dev.lakesetup.core.plan.Action#DELETE DELETE} of its kind. A
     * teardown plans a deletion only through a handler that can; otherwise the plan says the object is left and why.
     * A handler that can delete receives the change in {@link #apply}, where a delete of an object already gone
     * counts as done (so a teardown re-run after a crash converges).
     *
     * @return {@code true} when {@link #apply} accepts DELETE; {@code false} by default
     */
    default boolean canDelete() {
        return false;
    }
}
