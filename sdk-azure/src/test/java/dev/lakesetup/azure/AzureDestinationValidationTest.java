package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.databricks.ValidationCheck;
import dev.lakesetup.databricks.ValidationReport;
import dev.lakesetup.databricks.ValidationTransport;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Azure destination's admin-side validation against a fake workspace and a fake Azure. */
class AzureDestinationValidationTest {
    private static final String APP_ID = AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID;
    private static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
            + "rg-data/providers/Microsoft.Databricks/accessConnectors/lake-connector";
    private static final String CREDENTIAL_CHECK = "privileges on storage_credential segment_credential include "
            + "CREATE EXTERNAL TABLE, READ FILES, WRITE FILES";
    private static final String CATALOG_CHECK = "privileges on catalog segment include ALL PRIVILEGES";
    private static final String ENTITLEMENTS_CHECK = "service_principal:" + APP_ID
            + ": entitlements include allow-cluster-create, databricks-sql-access";
    private static final String ASSIGNMENT_CHECK = "service_principal:" + APP_ID + ": workspace assignment is USER";

    private static AzureDeltaLakeDestinationSetup setup() {
        return AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "segment")
                .storageCredential("segment_credential").accessConnector(CONNECTOR)
                .externalLocation("segment_location").catalog("segment").build();
    }

    private static String roleAssignmentCheck(AzureDeltaLakeDestinationSetup setup) {
        return setup.blueprint().resources().stream().filter(r -> r instanceof RoleAssignment).findFirst()
                .orElseThrow().id() + " exists";
    }

    @Test
    void run_whenSetupCompletes_validationPassesWithEveryCheckNamed() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();

            DestinationSetupResult result = setup.run(f.lakesetup(), f.workspace);

            assertThat(result.isSuccess()).as(result.toString()).isTrue();
            ValidationReport validation = result.validation().orElseThrow();
            assertThat(validation.passed()).as(validation.render()).isTrue();
            assertThat(validation.transport()).isEqualTo(ValidationTransport.ADMIN_API);
            assertThat(validation.principal().toString()).isEqualTo(APP_ID);
            assertThat(validation.checks()).extracting(ValidationCheck::name).containsExactly(CREDENTIAL_CHECK,
                    CATALOG_CHECK, ENTITLEMENTS_CHECK, ASSIGNMENT_CHECK);
            ValidationReport withAzure = setup.validate(f.workspace, f.connection);
            assertThat(withAzure.passed()).as(withAzure.render()).isTrue();
            assertThat(withAzure.checks()).extracting(ValidationCheck::name).containsExactly(CREDENTIAL_CHECK,
                    CATALOG_CHECK, ENTITLEMENTS_CHECK, ASSIGNMENT_CHECK, roleAssignmentCheck(setup));
        }
    }

    @Test
    void run_withVendorIpRanges_reportsWhetherTheIpAccessListsAdmitThem() {
        try (DestinationFixture f = DestinationFixture.start()) {
            f.databricks.network().enableIpAccessLists(true).seedIpAccessList("office", "ALLOW", true, "203.0.113.0/24");
            AzureDeltaLakeDestinationSetup setup = AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                    .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "segment")
                    .storageCredential("segment_credential").accessConnector(CONNECTOR)
                    .externalLocation("segment_location").catalog("segment").vendorIpRanges("192.0.2.0/28").build();

            ValidationReport validation = setup.run(f.lakesetup(), f.workspace).validation().orElseThrow();

            assertThat(validation.check("IP access lists admit the vendor's 1 published range").message())
                    .contains("192.0.2.0/28 (not inside the enabled ALLOW lists)");
        }
    }

    @Test
    void validate_whenAdminRevokesWriteFiles_failsThatCheckAndRerunHealsAndThirdRunChangesNothing() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();
            assertThat(setup.run(f.lakesetup(), f.workspace).isSuccess()).isTrue();
            f.patchUnityCatalogPermissions("storage_credential", "segment_credential",
                    "{\"changes\":[{\"principal\":\"" + APP_ID + "\",\"remove\":[\"WRITE_FILES\"]}]}");

            ValidationReport broken = setup.validate(f.workspace, f.connection);

            assertThat(broken.passed()).isFalse();
            assertThat(broken.failures()).singleElement().satisfies(check -> {
                assertThat(check.name()).isEqualTo(CREDENTIAL_CHECK);
                assertThat(check.status()).isEqualTo(ValidationCheck.Status.FAILED);
                assertThat(check.message()).contains("lacks WRITE FILES");
            });

            DestinationSetupResult healed = setup.run(f.lakesetup(), f.workspace);

            assertThat(healed.isSuccess()).as(healed.toString()).isTrue();
            assertThat(healed.report().summary()).containsEntry(Outcome.APPLIED, 1);
            assertThat(healed.plan().actionableChanges()).singleElement().isInstanceOfSatisfying(GrantChange.class,
                    change -> {
                        assertThat(change.securable().fullName()).isEqualTo("segment_credential");
                        assertThat(change.asGrants()).singleElement().satisfies(grant -> assertThat(
                                grant.privileges()).containsExactly(Privilege.WRITE_FILES));
                    });
            assertThat(f.databricks.snapshot().grantsOn("storage_credential", "segment_credential"))
                    .containsExactlyEntriesOf(Map.of(APP_ID, Set.of("CREATE_EXTERNAL_TABLE", "READ_FILES",
                            "WRITE_FILES")));
            assertThat(setup.validate(f.workspace, f.connection).passed()).isTrue();

            DestinationSetupResult third = setup.run(f.lakesetup(), f.workspace);

            assertThat(third.isSuccess()).isTrue();
            assertThat(third.plan().isEmpty()).as(third.plan().toString()).isTrue();
            assertThat(third.report().summary()).containsEntry(Outcome.APPLIED, 0);
            assertThat(third.validation()).hasValueSatisfying(v -> assertThat(v.passed()).isTrue());
        }
    }

    @Test
    void validate_whenRoleAssignmentIsMissing_failsOnlyTheAzureCheck() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();
            AzureDeltaLakeDestinationSetup other = AzureDeltaLakeDestinationSetup.builder().vendorApplication(APP_ID)
                    .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "other")
                    .storageCredential("segment_credential").accessConnector(CONNECTOR)
                    .externalLocation("segment_location").catalog("segment").build();
            assertThat(setup.run(f.lakesetup(), f.workspace).isSuccess()).isTrue();

            ValidationReport report = other.validate(f.workspace, f.connection);

            assertThat(report.failures()).singleElement().satisfies(check -> {
                assertThat(check.name()).isEqualTo(roleAssignmentCheck(other));
                assertThat(check.message()).contains("does not exist");
            });
        }
    }

    @Test
    void validate_whenReportIsRendered_showsNoSecret() {
        try (DestinationFixture f = DestinationFixture.start()) {
            DestinationSetupResult result = setup().run(f.lakesetup(), f.workspace);

            String text = result.validation().orElseThrow().render() + result + result.validation().orElseThrow();

            assertThat(text).doesNotContain(f.databricks.adminToken()).doesNotContain(f.azure.accessToken())
                    .doesNotContain(f.azure.storageAccountKey(DestinationFixture.ACCOUNT))
                    .contains("Validation of " + APP_ID + " over ADMIN_API: PASSED");
        }
    }
}
