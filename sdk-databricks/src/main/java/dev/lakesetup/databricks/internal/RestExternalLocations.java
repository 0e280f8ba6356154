package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.CreateExternalLocation;
import com.databricks.sdk.service.catalog.ExternalLocationInfo;
import com.databricks.sdk.service.catalog.UpdateExternalLocation;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads, creates and updates external locations through the Unity Catalog REST API. */
public final class RestExternalLocations extends RestUcHandler<ExternalLocation, ExternalLocationInfo> {

    /**
     * Creates the handler.
     *
     * @param client supplies the workspace client
     * @param unityCatalog the metastore check shared by the workspace's handlers
     */
    public RestExternalLocations(Supplier<WorkspaceClient> client, UnityCatalogCheck unityCatalog) {
        super(ExternalLocation.class, "external location", client, unityCatalog);
    }

    @Override
    Optional<ExternalLocationInfo> fetch(WorkspaceClient client, ExternalLocation declared) {
        String name = declared.name().name().value();
        return Calls.read("get external location " + name,
                () -> client.externalLocations().get(PathNames.segment("external location name", name)));
    }

    @Override
    ExternalLocation live(ExternalLocation declared, ExternalLocationInfo info) {
        return LiveResources.externalLocation(declared, info.getUrl(), info.getCredentialName(), info.getComment(),
                info.getReadOnly());
    }

    @Override
    void create(WorkspaceClient client, ExternalLocation location) {
        String name = location.name().name().value();
        CreateExternalLocation create = new CreateExternalLocation().setName(name)
                .setUrl(location.url().value()).setCredentialName(location.credential().name().value());
        location.comment().ifPresent(create::setComment);
        location.readOnly().ifPresent(create::setReadOnly);
        Calls.run("create external location " + name, () -> client.externalLocations().create(create));
    }

    @Override
    void update(WorkspaceClient client, ResourceChange change, ExternalLocation location) {
        String name = location.name().name().value();
        UpdateExternalLocation update = new UpdateExternalLocation()
                .setName(PathNames.segment("external location name", name));
        location.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
        location.readOnly().filter(r -> changes(change, "read only")).ifPresent(update::setReadOnly);
        Calls.run("update external location " + name, () -> client.externalLocations().update(update));
    }

    @Override
    void delete(WorkspaceClient client, ExternalLocation declared) {
        String name = declared.name().name().value();
        String path = PathNames.segment("external location name", name);
        Calls.delete(deleting("external location " + name), () -> client.externalLocations().delete(path));
    }
}
