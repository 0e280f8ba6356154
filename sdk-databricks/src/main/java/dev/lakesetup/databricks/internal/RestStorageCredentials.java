package dev.lakesetup.databricks.internal;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.AzureManagedIdentityRequest;
import com.databricks.sdk.service.catalog.AzureServicePrincipal;
import com.databricks.sdk.service.catalog.CreateStorageCredential;
import com.databricks.sdk.service.catalog.StorageCredentialInfo;
import com.databricks.sdk.service.catalog.UpdateStorageCredential;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.ResourceChange;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads, creates and updates storage credentials through the Unity Catalog REST API; an Azure service principal's
 * secret is sent on creation only and never read back.
 */
public final class RestStorageCredentials extends RestUcHandler<StorageCredential, StorageCredentialInfo> {

    /**
     * Creates the handler.
     *
     * @param client supplies the workspace client
     * @param unityCatalog the metastore check shared by the workspace's handlers
     */
    public RestStorageCredentials(Supplier<WorkspaceClient> client, UnityCatalogCheck unityCatalog) {
        super(StorageCredential.class, "storage credential", client, unityCatalog);
    }

    @Override
    Optional<StorageCredentialInfo> fetch(WorkspaceClient client, StorageCredential declared) {
        String name = declared.name().name().value();
        return Calls.read("get storage credential " + name,
                () -> client.storageCredentials().get(PathNames.segment("storage credential name", name)));
    }

    @Override
    StorageCredential live(StorageCredential declared, StorageCredentialInfo info) {
        return LiveResources.storageCredential(declared, identity(info), info.getComment(), info.getReadOnly());
    }

    private static Optional<StorageIdentity> identity(StorageCredentialInfo info) {
        if (info.getAzureManagedIdentity() != null) {
            return LiveResources.managedIdentity(info.getAzureManagedIdentity().getAccessConnectorId(),
                    info.getAzureManagedIdentity().getManagedIdentityId());
        }
        if (info.getAzureServicePrincipal() != null) {
            return LiveResources.servicePrincipal(info.getAzureServicePrincipal().getDirectoryId(),
                    info.getAzureServicePrincipal().getApplicationId());
        }
        return Optional.empty();
    }

    @Override
    void create(WorkspaceClient client, StorageCredential credential) {
        String name = credential.name().name().value();
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
        Calls.run("create storage credential " + name, () -> client.storageCredentials().create(create));
    }

    @Override
    void update(WorkspaceClient client, ResourceChange change, StorageCredential credential) {
        String name = credential.name().name().value();
        UpdateStorageCredential update = new UpdateStorageCredential()
                .setName(PathNames.segment("storage credential name", name));
        credential.comment().filter(c -> changes(change, "comment")).ifPresent(update::setComment);
        credential.readOnly().filter(r -> changes(change, "read only")).ifPresent(update::setReadOnly);
        Calls.run("update storage credential " + name, () -> client.storageCredentials().update(update));
    }

    @Override
    void delete(WorkspaceClient client, StorageCredential declared) {
        String name = declared.name().name().value();
        String path = PathNames.segment("storage credential name", name);
        Calls.delete(deleting("storage credential " + name), () -> client.storageCredentials().delete(path));
    }
}
