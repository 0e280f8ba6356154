package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.testkit.AzureSnapshot;
import dev.lakesetup.testkit.FakeAzure;
import dev.lakesetup.testkit.RequestStats;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole procedure against a fake workspace and a fake Azure together. */
class AzureDeltaLakeDestinationEndToEndTest {
    private static final String APP_ID = AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID;
    private static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
            + "rg-data/providers/Microsoft.Databricks/accessConnectors/lake-connector";
    private static final String ROOT = "abfss://segment@lakeacct.dfs.core.windows.net";

    private static AzureDeltaLakeDestinationSetup setup() {
        return AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "segment")
                .storageCredential("segment_credential").accessConnector(CONNECTOR)
                .externalLocation("segment_location").catalog("segment", "catalogs/segment").build();
    }

    /** Requests other than reads, per endpoint. */
    private static Map<String, Long> writes(RequestStats stats) {
        return stats.perEndpoint().entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The order across clouds comes from the blueprint; the planner puts it in the plan (no recipe re-sorts it). */
    @Test
    void plan_whenNothingExists_ordersTheDatabricksStepsAfterTheAzureStepsTheyRelyOn() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();
            List<Resource> declared = setup.blueprint().resources();

            Plan plan = setup.plan(f.lakesetup(), f.workspace);

            ChangeId entra = ResourceChange.idOf(declared.get(0));
            ChangeId container = ResourceChange.idOf(declared.get(1));
            ChangeId role = ResourceChange.idOf(declared.get(2));
            assertThat(plan.change(ResourceChange.idOf(declared.get(3))).orElseThrow().dependsOn())
                    .contains(entra);
            assertThat(plan.change(ResourceChange.idOf(declared.get(5))).orElseThrow().dependsOn())
                    .contains(container, role, ResourceChange.idOf(declared.get(4)));
            List<ChangeId> order = plan.changes().stream().map(Change::id).toList();
            assertThat(order.indexOf(entra)).isLessThan(order.indexOf(ResourceChange.idOf(declared.get(3))));
            assertThat(order.indexOf(role)).isLessThan(order.indexOf(ResourceChange.idOf(declared.get(5))));
        }
    }

    @Test
    void run_whenNothingExists_performsEveryStepOfTheGuide() {
        try (DestinationFixture f = DestinationFixture.start()) {
            DestinationSetupResult result = setup().run(f.lakesetup(), f.workspace);

            assertThat(result.isSuccess()).as(result.report().toString()).isTrue();
            assertThat(result.replan()).hasValueSatisfying(replan -> assertThat(replan.isEmpty()).isTrue());
            // step 2: the vendor's service principal in Entra ID, by application id
            AzureSnapshot azure = f.azure.snapshot();
            assertThat(azure.servicePrincipals()).singleElement().satisfies(sp -> {
                assertThat(sp.appId()).isEqualTo(APP_ID);
                assertThat(sp.displayName()).isEqualTo("Segment Storage Destinations");
            });
            String objectId = azure.servicePrincipals().get(0).id();
            // step 3: the container, and Storage Blob Data Contributor on it for that principal
            assertThat(azure.containersOf(DestinationFixture.ACCOUNT)).containsExactly("segment");
            assertThat(azure.roleAssignments()).singleElement().satisfies(a -> {
                assertThat(a.scope()).isEqualTo(f.azure.containerScope(DestinationFixture.ACCOUNT, "segment"));
                assertThat(a.roleDefinitionId()).isEqualTo(FakeAzure.STORAGE_BLOB_DATA_CONTRIBUTOR);
                assertThat(a.principalId()).isEqualTo(objectId);
                assertThat(a.principalType()).isEqualTo("ServicePrincipal");
            });
            // steps 4 and 5: in the account (UUID = application id), assigned to the workspace, both entitlements
            WorkspaceSnapshot ws = f.databricks.snapshot();
            assertThat(ws.principals()).singleElement().satisfies(p -> {
                assertThat(p.applicationId()).isEqualTo(APP_ID);
                assertThat(p.inWorkspace()).isTrue();
                assertThat(p.entitlements()).containsExactlyInAnyOrder("allow-cluster-create",
                        "databricks-sql-access");
            });
            assertThat(f.databricks.requests().count(
                    "POST /api/2.0/accounts/{account_id}/scim/v2/ServicePrincipals")).isEqualTo(1);
            // step 6: storage credential, external location on the container, file privileges on the credential
            assertThat(f.unityCatalogJson("storage-credentials/segment_credential"))
                    .contains("\"access_connector_id\":\"" + CONNECTOR + "\"");
            assertThat(f.unityCatalogJson("external-locations/segment_location"))
                    .contains("\"url\":\"" + ROOT + "\"").contains("\"credential_name\":\"segment_credential\"");
            assertThat(ws.grantsOn("storage_credential", "segment_credential")).containsExactlyEntriesOf(Map.of(
                    APP_ID, Set.of("CREATE_EXTERNAL_TABLE", "READ_FILES", "WRITE_FILES")));
            // step 7: the catalog stored in the container, all privileges for the principal
            assertThat(ws.catalogs()).containsExactly("segment");
            assertThat(f.unityCatalogJson("catalogs/segment"))
                    .contains("\"storage_root\":\"" + ROOT + "/catalogs/segment\"");
            assertThat(ws.grantsOn("catalog", "segment")).containsExactlyEntriesOf(Map.of(APP_ID,
                    Set.of("ALL_PRIVILEGES")));
            // step 8: what the destination's settings need, and no secret
            assertThat(result.workspaceUrl()).isEqualTo(f.databricks.host());
            assertThat(result.connectionDetails().hostname()).isEqualTo("127.0.0.1");
            assertThat(result.connectionDetails().catalog().toString()).isEqualTo("segment");
            assertThat(result.connectionDetails().oauthClientId()).hasValueSatisfying(id ->
                    assertThat(id.toString()).isEqualTo(APP_ID));
            assertThat(result.connectionDetails().oauthSecret()).isEmpty();
        }
    }

    @Test
    void run_whenWorkspaceHasNoUnityCatalog_failsClearlyBeforeAnyWrite() {
        try (DestinationFixture f = DestinationFixture.start(b -> b.unityCatalog(false))) {
            ServiceException e = catchThrowableOfType(ServiceException.class,
                    () -> setup().run(f.lakesetup(), f.workspace));

            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("Hive metastore is not supported").contains("Unity Catalog")
                    .contains(f.databricks.host());
            assertThat(e.errorCode()).isEqualTo("METASTORE_DOES_NOT_EXIST");
            assertThat(e.failure()).isEqualTo(ServiceException.Failure.FATAL);
            assertThat(f.azure.requests().total()).isZero();
            assertThat(writes(f.databricks.requests())).isEmpty();
            assertThat(f.databricks.snapshot().principals()).isEmpty();
            assertThat(f.azure.snapshot().servicePrincipals()).isEmpty();
        }
    }

    @Test
    void run_whenRunTwice_secondRunChangesNothing() {
        try (DestinationFixture f = DestinationFixture.start()) {
            setup().run(f.lakesetup(), f.workspace);
            WorkspaceSnapshot workspaceBefore = f.databricks.snapshot();
            AzureSnapshot azureBefore = f.azure.snapshot();
            Map<String, Long> databricksWrites = writes(f.databricks.requests());
            Map<String, Long> azureWrites = writes(f.azure.requests());

            DestinationSetupResult second = setup().run(f.lakesetup(), f.workspace);

            assertThat(second.isSuccess()).isTrue();
            assertThat(second.plan().isEmpty()).as(second.plan().toString()).isTrue();
            assertThat(second.report().summary()).containsEntry(Outcome.APPLIED, 0);
            assertThat(writes(f.databricks.requests())).isEqualTo(databricksWrites);
            assertThat(writes(f.azure.requests())).isEqualTo(azureWrites);
            assertThat(f.databricks.snapshot()).isEqualTo(workspaceBefore);
            assertThat(f.azure.snapshot()).isEqualTo(azureBefore);
        }
    }

    @Test
    void run_whenNewPrincipalInvisibleToAzureForAWhile_retriesUntilVisible() {
        try (DestinationFixture f = DestinationFixture.start()) {
            f.azure.faults().newPrincipalsInvisibleFor(2);
            AzureDeltaLakeDestinationSetup setup = setup();

            DestinationSetupResult result = setup.run(f.lakesetup(), f.workspace);

            assertThat(result.isSuccess()).as(result.report().toString()).isTrue();
            assertThat(result.report().outcome(ResourceChange.idOf(setup.blueprint().resources().get(2))))
                    .hasValueSatisfying(o -> assertThat(o.attempts()).isEqualTo(3));
            assertThat(f.azure.snapshot().roleAssignments()).hasSize(1);
        }
    }

    @Test
    void run_whenPrincipalStaysInvisible_skipsTheExternalLocationAndWhatNeedsIt() {
        try (DestinationFixture f = DestinationFixture.start()) {
            f.azure.faults().newPrincipalsInvisibleFor(50);

            DestinationSetupResult result = setup().run(f.lakesetup(), f.workspace);

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.replan()).isEmpty();
            assertThat(result.report().failures()).singleElement().satisfies(o ->
                    assertThat(o.change().kind()).isEqualTo(RoleAssignment.KIND));
            assertThat(f.azure.snapshot().roleAssignments()).isEmpty();
            assertThat(writes(f.databricks.requests())).doesNotContainKey(
                    "POST /api/2.1/unity-catalog/external-locations")
                    .doesNotContainKey("POST /api/2.1/unity-catalog/catalogs");
        }
    }

    @Test
    void verify_afterSetup_isCleanOverBothCloudsAndWritesNothing() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();
            assertThat(setup.run(f.lakesetup(), f.workspace).isSuccess()).isTrue();
            f.azure.resetRequests();
            f.databricks.resetRequests();

            dev.lakesetup.core.drift.DriftReport report = setup.verify(f.lakesetup(), f.workspace);

            assertThat(report.isClean()).as(dev.lakesetup.core.render.DriftFormat.TEXT.render(report)).isTrue();
            assertThat(report.items()).extracting(dev.lakesetup.core.drift.DriftItem::kind)
                    .contains("entra_service_principal", "adls_container", "role_assignment", "service_principal",
                            "storage_credential", "external_location", "catalog", "grants");
            assertThat(writes(f.azure.requests())).isEmpty();
            assertThat(writes(f.databricks.requests())).isEmpty();
        }
    }
}
