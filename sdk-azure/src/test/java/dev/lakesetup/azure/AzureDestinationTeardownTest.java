package dev.lakesetup.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.databricks.RunOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Azure destination's setup with a record, then its teardown, on a fake workspace and a fake Azure. */
class AzureDestinationTeardownTest {
    private static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
            + "rg-data/providers/Microsoft.Databricks/accessConnectors/lake-connector";

    private static AzureDeltaLakeDestinationSetup setup() {
        return AzureDeltaLakeDestinationSetup.builder()
                .vendorApplication(AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID)
                .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "segment")
                .storageCredential("segment_credential").accessConnector(CONNECTOR)
                .externalLocation("segment_location").catalog("segment", "catalogs/segment").build();
    }

    private static ApplyOptions teardownOptions() {
        return ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed();
    }

    @Test
    void teardown_byDefault_revokesTheGrantsAndRemovesTheWorkspaceAssignmentOnly() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();
            MemoryRecordStore store = new MemoryRecordStore();
            setup.run(f.lakesetup(), f.workspace, RunOptions.defaults().record(store, "acme/azure"));

            Plan plan = setup.teardown(f.lakesetup(), f.workspace, TeardownOptions.defaults()
                    .record(RunRecords.load(store, "acme/azure").orElseThrow()));
            ApplyReport report = f.lakesetup().apply(plan, teardownOptions());

            assertThat(report.isSuccess()).as(report + "\n" + PlanFormat.TEXT.render(plan)).isTrue();
            String app = AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID;
            assertThat(f.databricks.snapshot().grantsOn("catalog", "segment")).doesNotContainKey(app);
            assertThat(f.databricks.snapshot().grantsOn("storage_credential", "segment_credential"))
                    .doesNotContainKey(app);
            assertThat(f.databricks.snapshot().principals()).singleElement()
                    .satisfies(p -> assertThat(p.inWorkspace()).isFalse());
            assertThat(f.azure.snapshot().roleAssignments()).hasSize(1);
            assertThat(f.azure.snapshot().servicePrincipals()).hasSize(1);
            assertThat(f.databricks.snapshot().catalogs()).contains("segment");
            assertThat(plan.notes()).anyMatch(note -> note.contains("not named for deletion"));
            assertThat(setup.teardown(f.lakesetup(), f.workspace, TeardownOptions.defaults()).changes()).isEmpty();
        }
    }

    @Test
    void teardown_whenEverythingNamed_removesWhatTheSetupMadeInReverseOrder() {
        try (DestinationFixture f = DestinationFixture.start()) {
            AzureDeltaLakeDestinationSetup setup = setup();
            MemoryRecordStore store = new MemoryRecordStore();
            setup.run(f.lakesetup(), f.workspace, RunOptions.defaults().record(store, "acme/azure"));
            List<Resource> declared = setup.blueprint().resources();
            TeardownOptions options = TeardownOptions.defaults()
                    .record(RunRecords.load(store, "acme/azure").orElseThrow())
                    .delete(declared.toArray(Resource[]::new));

            Plan plan = setup.teardown(f.lakesetup(), f.workspace, options);
            ApplyReport report = f.lakesetup().apply(plan, teardownOptions());

            assertThat(report.isSuccess()).as(report + "\n" + PlanFormat.TEXT.render(plan)).isTrue();
            assertThat(f.azure.snapshot().roleAssignments()).isEmpty();
            assertThat(f.azure.snapshot().containersOf(DestinationFixture.ACCOUNT)).isEmpty();
            assertThat(f.databricks.snapshot().catalogs()).doesNotContain("segment");
            assertThat(setup.teardown(f.lakesetup(), f.workspace, options).changes()).isEmpty();
            assertThat(declared).anyMatch(r -> r instanceof Catalog).anyMatch(r -> r instanceof ExternalLocation)
                    .anyMatch(r -> r instanceof StorageCredential);
        }
    }
}
