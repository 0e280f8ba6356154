package dev.lakesetup.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.service.catalog.AzureManagedIdentityRequest;
import com.databricks.sdk.service.catalog.CreateExternalLocation;
import com.databricks.sdk.service.catalog.CreateStorageCredential;
import com.databricks.sdk.service.catalog.ExternalLocationInfo;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.StorageCredentialInfo;
import com.databricks.sdk.service.catalog.UpdateExternalLocation;
import com.databricks.sdk.service.catalog.UpdateSchema;
import com.databricks.sdk.service.catalog.UpdateStorageCredential;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the Unity Catalog updates (PATCH) and the validation of storage credentials and external locations with
 * the official Databricks client, against a workspace whose storage is a fake Azure.
 */
class FakeWorkspaceUpdatesTest {

    private static final String URL = "abfss://landing@lake.dfs.core.windows.net/raw";

    private FakeAzure azure;
    private FakeWorkspace ws;
    private WorkspaceClient w;
    private FakeAzure.AccessConnector connector;

    @BeforeEach
    void start() {
        azure = FakeAzure.builder().storageAccount("lake", "rg-data").build().start();
        azure.seedContainer("lake", "landing");
        connector = azure.seedAccessConnector("rg-dbx", "uc-connector");
        ws = FakeWorkspace.builder().storageFrom(azure).build().start();
        w = Clients.admin(ws);
    }

    @AfterEach
    void stop() {
        ws.close();
        azure.close();
    }

    @Test
    void schemasUpdate_whenOwnerChangesComment_returnsAndKeepsIt() {
        ws.seedSchema("main.sales");

        SchemaInfo answer = w.schemas().update(new UpdateSchema().setFullName("main.sales").setComment("curated"));

        assertThat(answer.getComment()).isEqualTo("curated");
        assertThat(answer.getFullName()).isEqualTo("main.sales");
        assertThat(w.schemas().get("main.sales").getComment()).isEqualTo("curated");
        assertThat(ws.requests().count("PATCH /api/2.1/unity-catalog/schemas/{full_name}")).isEqualTo(1);
    }

    @Test
    void schemasUpdate_whenAdminIsNotOwner_mayChangeOnlyTheOwner() {
        ws.seedSchema("main.sales");
        w.schemas().update(new UpdateSchema().setFullName("main.sales").setOwner("data-team"));

        assertThatThrownBy(() -> w.schemas().update(new UpdateSchema().setFullName("main.sales")
                .setComment("curated"))).isInstanceOf(PermissionDenied.class).hasMessageContaining("comment");
        SchemaInfo back = w.schemas().update(new UpdateSchema().setFullName("main.sales").setOwner(ws.adminUser()));

        assertThat(back.getOwner()).isEqualTo(ws.adminUser());
        assertThat(back.getComment()).isNull();
    }

    @Test
    void schemasUpdate_whenCallerIsNeitherOwnerNorAdmin_isDenied() {
        ws.seedSchema("main.sales");
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("etl");
        ws.seedGrant("catalog", "main", sp.applicationId(), "USE CATALOG");
        ws.seedGrant("schema", "main.sales", sp.applicationId(), "USE SCHEMA");
        WorkspaceClient spClient = Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());

        assertThatThrownBy(() -> spClient.schemas().update(new UpdateSchema().setFullName("main.sales")
                .setComment("mine"))).isInstanceOf(PermissionDenied.class);
        assertThat(w.schemas().get("main.sales").getComment()).isNull();
    }

    @Test
    void storageCredentialsCreate_whenUserAssignedIdentity_keepsAndReturnsIt() {
        String identity = "/subscriptions/s/resourceGroups/rg-dbx/providers/Microsoft.ManagedIdentity/"
                + "userAssignedIdentities/uc-mi";

        StorageCredentialInfo created = w.storageCredentials().create(new CreateStorageCredential().setName("cred")
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(connector.id())
                        .setManagedIdentityId(identity)));

        assertThat(created.getAzureManagedIdentity().getManagedIdentityId()).isEqualTo(identity);
        assertThat(w.storageCredentials().get("cred").getAzureManagedIdentity().getManagedIdentityId())
                .isEqualTo(identity);
    }

    @Test
    void storageCredentialsUpdate_whenCommentAndReadOnlyChange_returnsAndKeepsThem() {
        createCredential(false);

        StorageCredentialInfo answer = w.storageCredentials().update(new UpdateStorageCredential().setName("cred")
                .setComment("landing zone").setReadOnly(true));

        assertThat(answer.getComment()).isEqualTo("landing zone");
        assertThat(answer.getReadOnly()).isTrue();
        StorageCredentialInfo read = w.storageCredentials().get("cred");
        assertThat(read.getComment()).isEqualTo("landing zone");
        assertThat(read.getReadOnly()).isTrue();
        assertThat(read.getAzureManagedIdentity().getAccessConnectorId()).isEqualTo(connector.id());
    }

    @Test
    void storageCredentialsCreate_whenAccessConnectorUnknown_failsUnlessValidationSkipped() {
        String unknown = "/subscriptions/s/resourceGroups/rg-dbx/providers/Microsoft.Databricks/accessConnectors/nope";
        CreateStorageCredential create = new CreateStorageCredential().setName("cred")
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(unknown));

        assertThatThrownBy(() -> w.storageCredentials().create(create))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("nope");
        StorageCredentialInfo skipped = w.storageCredentials().create(create.setSkipValidation(true));

        assertThat(skipped.getName()).isEqualTo("cred");
    }

    @Test
    void storageCredentialsCreate_whenCallerLacksPrivilege_isDeniedBeforeValidation() {
        FakeWorkspace.SeededPrincipal sp = ws.seedServicePrincipal("etl");
        WorkspaceClient spClient = Clients.servicePrincipal(ws, sp.applicationId(), sp.secret());
        String unknown = "/subscriptions/s/resourceGroups/rg-dbx/providers/Microsoft.Databricks/accessConnectors/nope";

        assertThatThrownBy(() -> spClient.storageCredentials().create(new CreateStorageCredential().setName("cred")
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(unknown))))
                .isInstanceOf(PermissionDenied.class).hasMessageContaining("CREATE STORAGE CREDENTIAL");
    }

    @Test
    void externalLocationsCreate_whenConnectorHasNoRoleOnContainer_failsUnlessValidationSkipped() {
        createCredential(false);
        CreateExternalLocation create = new CreateExternalLocation().setName("landing").setUrl(URL)
                .setCredentialName("cred");

        assertThatThrownBy(() -> w.externalLocations().create(create)).isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("does not have WRITE permissions on url " + URL);
        ExternalLocationInfo skipped = w.externalLocations().create(create.setSkipValidation(true));

        assertThat(skipped.getUrl()).isEqualTo(URL);
    }

    @Test
    void externalLocationsCreate_whenRoleAtAccountScope_isValidated() {
        createCredential(false);
        azure.seedRoleAssignment(azure.storageAccountScope("lake"), connector.principalId(),
                FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);

        ExternalLocationInfo created = w.externalLocations().create(new CreateExternalLocation().setName("landing")
                .setUrl(URL).setCredentialName("cred"));

        assertThat(created.getCredentialName()).isEqualTo("cred");
    }

    @Test
    void externalLocationsCreate_whenRoleStillPropagating_failsUntilItTakesEffect() {
        createCredential(false);
        azure.faults().roleAssignmentsTakeEffectAfter(Duration.ofMinutes(5));
        azure.seedRoleAssignment(azure.containerScope("lake", "landing"), connector.principalId(),
                FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        CreateExternalLocation create = new CreateExternalLocation().setName("landing").setUrl(URL)
                .setCredentialName("cred");

        assertThatThrownBy(() -> w.externalLocations().create(create)).isInstanceOf(PermissionDenied.class);
        azure.advanceClock(Duration.ofMinutes(5));

        assertThat(w.externalLocations().create(create).getName()).isEqualTo("landing");
    }

    @Test
    void externalLocationsUpdate_whenCommentAndReadOnlyChange_returnsAndKeepsThem() {
        createCredential(false);
        azure.seedRoleAssignment(azure.containerScope("lake", "landing"), connector.principalId(),
                FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
        w.externalLocations().create(new CreateExternalLocation().setName("landing").setUrl(URL)
                .setCredentialName("cred"));

        ExternalLocationInfo answer = w.externalLocations().update(new UpdateExternalLocation().setName("landing")
                .setComment("raw files").setReadOnly(true));

        assertThat(answer.getComment()).isEqualTo("raw files");
        assertThat(answer.getReadOnly()).isTrue();
        ExternalLocationInfo read = w.externalLocations().get("landing");
        assertThat(read.getComment()).isEqualTo("raw files");
        assertThat(read.getReadOnly()).isTrue();
        assertThat(read.getUrl()).isEqualTo(URL);
    }

    @Test
    void externalLocationsUpdate_whenNewUrlNotReachable_failsAndKeepsTheOldUrl() {
        createCredential(false);
        w.externalLocations().create(new CreateExternalLocation().setName("landing").setUrl(URL)
                .setCredentialName("cred").setSkipValidation(true));
        String other = "abfss://other@lake.dfs.core.windows.net/";

        assertThatThrownBy(() -> w.externalLocations().update(new UpdateExternalLocation().setName("landing")
                .setUrl(other))).isInstanceOf(PermissionDenied.class);

        assertThat(w.externalLocations().get("landing").getUrl()).isEqualTo(URL);
    }

    private void createCredential(boolean readOnly) {
        w.storageCredentials().create(new CreateStorageCredential().setName("cred").setReadOnly(readOnly)
                .setAzureManagedIdentity(new AzureManagedIdentityRequest().setAccessConnectorId(connector.id())));
    }
}
