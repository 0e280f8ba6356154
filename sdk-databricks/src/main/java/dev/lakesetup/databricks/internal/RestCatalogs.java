package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads, creates, comments and deletes catalogs through the Unity Catalog REST API. The service gives a new catalog
 * a {@code default} schema; a delete first deletes that schema without {@code force} (so only when it is empty),
 * then the catalog, which the service refuses while any other schema is in it.
 */
public final class RestCatalogs extends RestUcHandler<Catalog, CatalogInfo> {
    /** The schema the service creates in every new catalog. */
    static final String DEFAULT_SCHEMA = "default";

    /**
     * Creates the handler.
     *
     * @param client supplies the workspace client
     * @param unityCatalog the metastore check shared by the workspace's handlers
     */
    public RestCatalogs(Supplier<WorkspaceClient> client, UnityCatalogCheck unityCatalog) {
        super(Catalog.class, "catalog", client, unityCatalog);
    }

    @Override
    Optional<CatalogInfo> fetch(WorkspaceClient client, Catalog declared) {
        String name = declared.name().name().value();
        return Calls.read("get catalog " + name,
                () -> client.catalogs().get(PathNames.segment("catalog name", name)));
    }

    @Override
    Catalog live(Catalog declared, CatalogInfo info) {
        return LiveResources.catalog(declared, info.getComment(), info.getStorageRoot());
    }

    @Override
    void create(WorkspaceClient client, Catalog catalog) {
        String name = catalog.name().name().value();
        CreateCatalog create = new CreateCatalog().setName(name);
        catalog.managedLocation().ifPresent(url -> create.setStorageRoot(url.value()));
        catalog.comment().ifPresent(create::setComment);
        Calls.run("create catalog " + name, () -> client.catalogs().create(create));
    }

    @Override
    void update(WorkspaceClient client, ResourceChange change, Catalog catalog) {
        String name = catalog.name().name().value();
        UpdateCatalog update = new UpdateCatalog().setName(PathNames.segment("catalog name", name));
        catalog.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
        Calls.run("update catalog " + name, () -> client.catalogs().update(update));
    }

    @Override
    void delete(WorkspaceClient client, Catalog declared) {
        String name = declared.name().name().value();
        String path = PathNames.segment("catalog name", name);
        String defaultSchema = PathNames.segment("schema name", name + "." + DEFAULT_SCHEMA);
        Calls.delete(deleting("schema " + name + "." + DEFAULT_SCHEMA + ", which the service created with catalog "
                + name), () -> client.schemas().delete(defaultSchema));
        Calls.delete(deleting("catalog " + name), () -> client.catalogs().delete(path));
    }
}
