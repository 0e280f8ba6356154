package dev.lakesetup.setup;

import static dev.lakesetup.setup.Setups.assertSameBlueprint;
import static dev.lakesetup.setup.Setups.assertSamePlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import dev.lakesetup.azure.AdlsContainer;
import dev.lakesetup.azure.AzureConnection;
import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.AzureRole;
import dev.lakesetup.azure.EntraServicePrincipal;
import dev.lakesetup.azure.RoleAssignment;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.FakeWorkspace;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The Azure Delta Lake destination recipe and a blueprint's azure: section, from a file and fluent. */
class AzureDestinationFileTest {
    static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-data/"
            + "providers/Microsoft.Databricks/accessConnectors/analytics";

    static AzureDeltaLakeDestinationSetup fluent() {
        return AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID)
                .storageContainer("lakeacct", "rg-data", "segment")
                .storageCredential("segment_credential")
                .accessConnector(CONNECTOR)
                .externalLocation("segment_location")
                .catalog("segment")
                .build();
    }

    @Test
    void azureExample_whenRead_equalsTheFluentRecipeAndPlansTheSame() {
        WorkspaceSetup setup = SetupFileExamplesTest.example("azure-delta-lake-destination.yaml").get(0);
        assertThat(setup.kind()).isEqualTo(SetupKind.AZURE_DELTA_LAKE_DESTINATION);
        assertThat(setup.needsAzure()).isTrue();
        assertSameBlueprint(setup.blueprint(), fluent().blueprint());
        try (FakeWorkspace databricks = FakeWorkspace.builder().build().start();
             FakeAzure azure = FakeAzure.builder().application(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID,
                     AzureDeltaLakeDestinationSetup.DEFAULT_DISPLAY_NAME)
                     .storageAccount("lakeacct", "rg-data").build().start()) {
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(databricks.host())
                    .plainHttpForTesting().pat(databricks.adminToken())
                    .account(databricks.host(), databricks.accountId()).workspaceId(databricks.workspaceId()).build();
            try (AzureConnection connection = AzureConnection.builder().tenantId(azure.tenantId())
                    .subscriptionId(azure.subscriptionId())
                    .credential(request -> Mono.just(new AccessToken(azure.accessToken(),
                            OffsetDateTime.now().plusHours(1))))
                    .resourceManagerEndpoint(azure.resourceManagerEndpoint()).graphEndpoint(azure.graphEndpoint())
                    .storageEndpoint(azure::storageEndpoint)
                    .storageSharedKey("lakeacct", Secret.of(azure.storageAccountKey("lakeacct"))).build()) {
                Lakesetup lakesetup = Lakesetup.builder().executor(connection.executor())
                        .executor(workspace.restExecutor()).build();
                assertSamePlan(setup.plan(lakesetup, workspace), fluent().plan(lakesetup, workspace));
            }
        }
    }

    @Test
    void blueprintAzureSection_whenRead_declaresEntraPrincipalContainerAndRoleAssignment() {
        WorkspaceSetup setup = Setups.one(Setups.workspace("""
                blueprint:
                  azure:
                    entraServicePrincipals:
                      - {applicationId: fffa5b05-1da5-4599-8360-cc2684bcdefb, displayName: Vendor}
                    adlsContainers:
                      - {storageAccount: lakeacct, resourceGroup: rg-data, container: landing}
                    roleAssignments:
                      - container: {storageAccount: lakeacct, resourceGroup: rg-data, container: landing}
                        principal: {applicationId: fffa5b05-1da5-4599-8360-cc2684bcdefb, displayName: Vendor}
                        role: Storage Blob Data Reader
                        scope: account
                """));
        EntraServicePrincipal vendor = EntraServicePrincipal.of(
                ApplicationId.of("fffa5b05-1da5-4599-8360-cc2684bcdefb"), "Vendor");
        AdlsContainer container = new AdlsContainer("lakeacct", "rg-data", "landing");
        Blueprint fluent = Blueprint.builder().resource(vendor).resource(container)
                .resource(RoleAssignment.on(container, vendor).withRole(AzureRole.STORAGE_BLOB_DATA_READER)
                        .onAccount())
                .build();
        assertThat(setup.needsAzure()).isTrue();
        assertSameBlueprint(setup.blueprint(), fluent);
    }

    @Test
    void azureRecipe_withCredentialServicePrincipal_takesTheSecretFromTheEnvironment() {
        String text = Setups.workspace("""
                azureDeltaLakeDestination:
                  vendorApplication: fffa5b05-1da5-4599-8360-cc2684bcdefb
                  storageContainer: {storageAccount: lakeacct, resourceGroup: rg-data, container: segment}
                  storageCredential: segment_credential
                  credentialServicePrincipal:
                    directoryId: 11111111-2222-3333-4444-555555555555
                    applicationId: 99999999-8888-7777-6666-555555555555
                    clientSecret: {fromEnv: STORAGE_SP_SECRET}
                  externalLocation: {name: segment_location, url: "abfss://segment@lakeacct.dfs.core.windows.net/x"}
                  catalog: {name: segment, subPath: catalogs/segment}
                """);
        WorkspaceSetup setup = Setups.yaml(text, Map.of("STORAGE_SP_SECRET", "s3cr3t-value")).get(0);
        AzureDeltaLakeDestinationSetup fluent = AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID)
                .storageContainer("lakeacct", "rg-data", "segment")
                .storageCredential("segment_credential")
                .credentialServicePrincipal("11111111-2222-3333-4444-555555555555",
                        "99999999-8888-7777-6666-555555555555", Secret.of("s3cr3t-value"))
                .externalLocation("segment_location", "abfss://segment@lakeacct.dfs.core.windows.net/x")
                .catalog("segment", "catalogs/segment")
                .build();
        assertSameBlueprint(setup.blueprint(), fluent.blueprint());
        assertThat(setup.toString()).doesNotContain("s3cr3t-value");
    }
}
