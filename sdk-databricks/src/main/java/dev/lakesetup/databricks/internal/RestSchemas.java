package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.UpdateSchema;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads, creates and comments schemas through the Unity Catalog REST API. */
public final class RestSchemas extends RestUcHandler<Schema, SchemaInfo> {

    /**
     * Creates the handler.
     *
     * @param client supplies the workspace client
     * @param unityCatalog the metastore check shared by the workspace's handlers
     */
    public RestSchemas(Supplier<WorkspaceClient> client, UnityCatalogCheck unityCatalog) {
        super(Schema.class, "schema", client, unityCatalog);
    }

    @Override
    Optional<SchemaInfo> fetch(WorkspaceClient client, Schema declared) {
        String fullName = declared.name().fullName();
        return Calls.read("get schema " + fullName,
                () -> client.schemas().get(PathNames.segment("schema name", fullName)));
    }

    @Override
    Schema live(Schema declared, SchemaInfo info) {
        return LiveResources.schema(declared, info.getComment(), info.getStorageRoot());
    }

    @Override
    void create(WorkspaceClient client, Schema schema) {
        String fullName = schema.name().fullName();
        CreateSchema create = new CreateSchema().setCatalogName(schema.name().catalog().name().value())
                .setName(schema.name().name().value());
        schema.managedLocation().ifPresent(url -> create.setStorageRoot(url.value()));
        schema.comment().ifPresent(create::setComment);
        Calls.run("create schema " + fullName, () -> client.schemas().create(create));
    }

    @Override
    void update(WorkspaceClient client, ResourceChange change, Schema schema) {
        String fullName = schema.name().fullName();
        UpdateSchema update = new UpdateSchema().setFullName(PathNames.segment("schema name", fullName));
        schema.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
        Calls.run("update schema " + fullName, () -> client.schemas().update(update));
    }

    @Override
    void delete(WorkspaceClient client, Schema declared) {
        String name = declared.name().fullName();
        String path = PathNames.segment("schema name", name);
        Calls.delete(deleting("schema " + name), () -> client.schemas().delete(path));
    }
}
