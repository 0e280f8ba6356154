package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.ResourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the REST handlers of Unity Catalog objects share: the metastore check before the first read or change, one
 * GET per object fanned out with {@link ExecutionContext#runAll}, and the CREATE / UPDATE / DELETE switch. Names in
 * paths are percent-encoded; names in bodies travel as declared. A DELETE never sends {@code force}, so the service
 * refuses an object that still holds others (a catalog with schemas, a schema with tables, a credential that
 * external locations use), and an object already gone counts as deleted.
 *
 * @param <R> the resource kind
 * @param <I> the SDK's description of the live object
 */
abstract class RestUcHandler<R extends Resource, I> implements ResourceHandler<R> {
    private final Class<R> type;
    private final String kind;
    private final Supplier<WorkspaceClient> client;
    private final UnityCatalogCheck unityCatalog;

    RestUcHandler(Class<R> type, String kind, Supplier<WorkspaceClient> client, UnityCatalogCheck unityCatalog) {
        this.type = type;
        this.kind = kind;
        this.client = client;
        this.unityCatalog = unityCatalog;
    }

    @Override
    public final Class<R> type() {
        return type;
    }

    @Override
    public final Map<ResourceId, R> read(List<R> resources, ExecutionContext context) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        unityCatalog.metastoreId();
        List<Optional<R>> live = context.runAll("read " + kind, resources,
                resource -> fetch(client.get(), resource).map(info -> live(resource, info)));
        Map<ResourceId, R> out = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            R declared = resources.get(i);
            live.get(i).ifPresent(found -> out.put(declared.id(), found));
        }
        return out;
    }

    @Override
    public final ChangeResult apply(ResourceChange change, R resource, ExecutionContext context) {
        unityCatalog.metastoreId();
        switch (change.action()) {
            case CREATE -> create(client.get(), resource);
            case UPDATE -> update(client.get(), change, resource);
            case DELETE -> delete(client.get(), resource);
            case NO_OP, CONFLICT, GRANT, REVOKE -> throw Calls.unsupported(change.action() + " " + change.object()
                    + " cannot be applied");
        }
        return ChangeResult.done();
    }

    /** Reads the object with one GET; empty when it does not exist. */
    abstract Optional<I> fetch(WorkspaceClient client, R declared);

    /** Builds the live object, of the declared one's kind, from the service's description. */
    abstract R live(R declared, I info);

    /** Creates the object with every declared setting. */
    abstract void create(WorkspaceClient client, R declared);

    /** Updates the settings the change lists. */
    abstract void update(WorkspaceClient client, ResourceChange change, R declared);

    /** Deletes the object without {@code force}; one already gone counts as deleted. */
    abstract void delete(WorkspaceClient client, R declared);

    @Override
    public final boolean canDelete() {
        return true;
    }

    /**
     * Describes a delete for messages, with the reason the service may refuse it.
     *
     * @param object the kind and name, e.g. {@code catalog sales}
     * @return the description
     */
    static String deleting(String object) {
        return "delete " + object + " (without force: the service refuses one that is not empty or still in use)";
    }

    /**
     * Tells whether a change writes a setting.
     *
     * @param change the change
     * @param setting the setting's name
     * @return {@code true} when the change lists it
     */
    static boolean changes(ResourceChange change, String setting) {
        for (SettingChange s : change.settings()) {
            if (s.name().equals(setting)) {
                return true;
            }
        }
        return false;
    }
}
