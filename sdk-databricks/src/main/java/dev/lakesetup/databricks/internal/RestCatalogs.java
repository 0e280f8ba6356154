package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.ListSchemasRequest;
import com.databricks.sdk.service.catalog.ListSchemasResponse;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads, creates, comments and deletes catalogs through the Unity Catalog REST API. The service gives a new catalog
 * a {@code default} schema. A delete first lists the catalog's schemas once (one bounded page) and refuses, changing
 * nothing, while any schema other than {@code default} and {@code information_schema} is in it; then it deletes
 * {@code default} without {@code force} (so only when it is empty), then the catalog.
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
        Optional<ListSchemasResponse> page = Calls.read("list schemas of catalog " + name,
                () -> client.schemas().impl().list(new ListSchemasRequest().setCatalogName(path)
                        .setMaxResults((long) CatalogSchemas.MAX)));
        List<String> names = new ArrayList<>();
        page.map(ListSchemasResponse::getSchemas).ifPresent(schemas -> schemas.stream().limit(CatalogSchemas.MAX)
                .forEach(s -> names.add(s.getName())));
        String token = page.map(ListSchemasResponse::getNextPageToken).orElse(null);
        if (CatalogSchemas.checkDeletable(name, names, token != null && !token.isEmpty())) {
            String defaultSchema = PathNames.segment("schema name", name + "." + DEFAULT_SCHEMA);
            Calls.delete(deleting("schema " + name + "." + DEFAULT_SCHEMA + ", which the service created with "
                    + "catalog " + name), () -> client.schemas().delete(defaultSchema));
        }
        Calls.delete(deleting("catalog " + name), () -> client.catalogs().delete(path));
    }
}
