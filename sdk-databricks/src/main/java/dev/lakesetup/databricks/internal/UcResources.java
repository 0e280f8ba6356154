package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.AzureManagedIdentityRequest;
import com.databricks.sdk.service.catalog.AzureServicePrincipal;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.CreateCatalog;
import com.databricks.sdk.service.catalog.CreateExternalLocation;
import com.databricks.sdk.service.catalog.CreateSchema;
import com.databricks.sdk.service.catalog.CreateStorageCredential;
import com.databricks.sdk.service.catalog.ExternalLocationInfo;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.StorageCredentialInfo;
import com.databricks.sdk.service.catalog.UpdateCatalog;
import com.databricks.sdk.service.catalog.UpdateExternalLocation;
import com.databricks.sdk.service.catalog.UpdateSchema;
import com.databricks.sdk.service.catalog.UpdateStorageCredential;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.plan.SettingChange;
import dev.lakesetup.core.spi.ObservedResource;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and changes catalogs, schemas, storage credentials and external locations through the SDK's Unity Catalog
 * APIs. Names in paths are percent-encoded; names in bodies travel as declared.
 */
public final class UcResources {
    private final Supplier<WorkspaceClient> client;

    /**
     * Creates the mapper over a lazily built client.
     *
     * @param client supplies the workspace client
     */
    public UcResources(Supplier<WorkspaceClient> client) {
        this.client = client;
    }

    /**
     * Reads a catalog.
     *
     * @param catalog the declared catalog
     * @return its live state, or empty when it does not exist
     */
    public Optional<ObservedResource> read(Catalog catalog) {
        String name = catalog.name().name().value();
        return Calls.read("get catalog " + name,
                () -> client.get().catalogs().get(PathNames.segment("catalog name", name)))
                .map(info -> observed(ObservedResource.of(catalog.id()), info));
    }

    /**
     * Reads a schema.
     *
     * @param schema the declared schema
     * @return its live state, or empty when it does not exist
     */
    public Optional<ObservedResource> read(Schema schema) {
        String fullName = schema.name().fullName();
        return Calls.read("get schema " + fullName,
                () -> client.get().schemas().get(PathNames.segment("schema name", fullName)))
                .map(info -> observed(ObservedResource.of(schema.id()), info));
    }

    /**
     * Reads a storage credential.
     *
     * @param credential the declared credential
     * @return its live state, or empty when it does not exist
     */
    public Optional<ObservedResource> read(StorageCredential credential) {
        String name = credential.name().name().value();
        return Calls.read("get storage credential " + name,
                () -> client.get().storageCredentials().get(PathNames.segment("storage credential name", name)))
                .map(info -> observed(ObservedResource.of(credential.id()), info));
    }

    /**
     * Reads an external location.
     *
     * @param location the declared location
     * @return its live state, or empty when it does not exist
     */
    public Optional<ObservedResource> read(ExternalLocation location) {
        String name = location.name().name().value();
        return Calls.read("get external location " + name,
                () -> client.get().externalLocations().get(PathNames.segment("external location name", name)))
                .map(info -> observed(ObservedResource.of(location.id()), info));
    }

    /**
     * Creates or updates a catalog.
     *
     * @param change a CREATE or UPDATE of a catalog
     * @param catalog the declared catalog
     */
    public void apply(ResourceChange change, Catalog catalog) {
        String name = catalog.name().name().value();
        if (isCreate(change)) {
            CreateCatalog create = new CreateCatalog().setName(name);
            catalog.managedLocation().ifPresent(url -> create.setStorageRoot(url.value()));
            catalog.comment().ifPresent(create::setComment);
            Calls.run("create catalog " + name, () -> client.get().catalogs().create(create));
        } else {
            UpdateCatalog update = new UpdateCatalog().setName(PathNames.segment("catalog name", name));
            catalog.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
            Calls.run("update catalog " + name, () -> client.get().catalogs().update(update));
        }
    }

    /**
     * Creates or updates a schema.
     *
     * @param change a CREATE or UPDATE of a schema
     * @param schema the declared schema
     */
    public void apply(ResourceChange change, Schema schema) {
        String fullName = schema.name().fullName();
        if (isCreate(change)) {
            CreateSchema create = new CreateSchema().setCatalogName(schema.name().catalog().name().value())
                    .setName(schema.name().name().value());
            schema.managedLocation().ifPresent(url -> create.setStorageRoot(url.value()));
            schema.comment().ifPresent(create::setComment);
            Calls.run("create schema " + fullName, () -> client.get().schemas().create(create));
        } else {
            UpdateSchema update = new UpdateSchema().setFullName(PathNames.segment("schema name", fullName));
            schema.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
            Calls.run("update schema " + fullName, () -> client.get().schemas().update(update));
        }
    }

    /**
     * Creates or updates a storage credential; the Azure service principal's secret is sent on creation only.
     *
     * @param change a CREATE or UPDATE of a storage credential
     * @param credential the declared credential
     */
    public void apply(ResourceChange change, StorageCredential credential) {
        String name = credential.name().name().value();
        if (isCreate(change)) {
            CreateStorageCredential create = new CreateStorageCredential().setName(name);
            StorageIdentity identity = credential.identity();
            if (identity instanceof StorageIdentity.AzureManagedIdentity mi) {
                create.setAzureManagedIdentity(new AzureManagedIdentityRequest()
                        .setAccessConnectorId(mi.accessConnectorId()).setManagedIdentityId(mi.managedIdentityId()));
            } else if (identity instanceof StorageIdentity.AzureServicePrincipal sp) {
                create.setAzureServicePrincipal(new AzureServicePrincipal().setDirectoryId(sp.directoryId())
                        .setApplicationId(sp.applicationId().toString()).setClientSecret(sp.clientSecret().reveal()));
            }
            credential.comment().ifPresent(create::setComment);
            credential.readOnly().ifPresent(create::setReadOnly);
            Calls.run("create storage credential " + name, () -> client.get().storageCredentials().create(create));
        } else {
            UpdateStorageCredential update = new UpdateStorageCredential()
                    .setName(PathNames.segment("storage credential name", name));
            credential.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
            credential.readOnly().filter(r -> changes(change, "read only")).ifPresent(update::setReadOnly);
            Calls.run("update storage credential " + name, () -> client.get().storageCredentials().update(update));
        }
    }

    /**
     * Creates or updates an external location.
     *
     * @param change a CREATE or UPDATE of an external location
     * @param location the declared location
     */
    public void apply(ResourceChange change, ExternalLocation location) {
        String name = location.name().name().value();
        if (isCreate(change)) {
            CreateExternalLocation create = new CreateExternalLocation().setName(name)
                    .setUrl(location.url().value()).setCredentialName(location.credential().name().value());
            location.comment().ifPresent(create::setComment);
            location.readOnly().ifPresent(create::setReadOnly);
            Calls.run("create external location " + name, () -> client.get().externalLocations().create(create));
        } else {
            UpdateExternalLocation update = new UpdateExternalLocation()
                    .setName(PathNames.segment("external location name", name));
            location.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
            location.readOnly().filter(r -> changes(change, "read only")).ifPresent(update::setReadOnly);
            Calls.run("update external location " + name, () -> client.get().externalLocations().update(update));
        }
    }

    private static boolean isCreate(ResourceChange change) {
        return switch (change.action()) {
            case CREATE -> true;
            case UPDATE -> false;
            case NO_OP, CONFLICT, GRANT, REVOKE -> throw Calls.unsupported(change.action() + " " + change.object()
                    + " cannot be applied");
        };
    }

    private static boolean changes(ResourceChange change, String setting) {
        for (SettingChange s : change.settings()) {
            if (s.name().equals(setting)) {
                return true;
            }
        }
        return false;
    }

    private static ObservedResource observed(ObservedResource state, CatalogInfo info) {
        ObservedResource out = withIfSet(state, "comment", info.getComment());
        return withIfSet(out, "managed location", info.getStorageRoot());
    }

    private static ObservedResource observed(ObservedResource state, SchemaInfo info) {
        ObservedResource out = withIfSet(state, "comment", info.getComment());
        return withIfSet(out, "managed location", info.getStorageRoot());
    }

    private static ObservedResource observed(ObservedResource state, StorageCredentialInfo info) {
        ObservedResource out = state;
        if (info.getAzureManagedIdentity() != null) {
            out = out.with("identity", "azure managed identity");
            out = withIfSet(out, "access connector id", info.getAzureManagedIdentity().getAccessConnectorId());
            out = withIfSet(out, "managed identity id", info.getAzureManagedIdentity().getManagedIdentityId());
        } else if (info.getAzureServicePrincipal() != null) {
            out = out.with("identity", "azure service principal");
            out = withIfSet(out, "directory id", info.getAzureServicePrincipal().getDirectoryId());
            out = withIfSet(out, "application id", lower(info.getAzureServicePrincipal().getApplicationId()));
        }
        out = withIfSet(out, "comment", info.getComment());
        return info.getReadOnly() == null ? out : out.with("read only", info.getReadOnly().toString());
    }

    private static ObservedResource observed(ObservedResource state, ExternalLocationInfo info) {
        ObservedResource out = withIfSet(state, "url", info.getUrl());
        out = withIfSet(out, "credential", lower(info.getCredentialName()));
        out = withIfSet(out, "comment", info.getComment());
        return info.getReadOnly() == null ? out : out.with("read only", info.getReadOnly().toString());
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static ObservedResource withIfSet(ObservedResource state, String name, String value) {
        return value == null ? state : state.with(name, value);
    }
}
