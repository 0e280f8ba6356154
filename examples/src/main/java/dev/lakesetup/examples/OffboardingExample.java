package dev.lakesetup.examples;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.FileRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.render.ReportFormat;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Offboards a customer: a Data Graph setup that keeps the record of its run, then the teardown that removes exactly
 * what it gave, and a second teardown that finds nothing left.
 *
 * <p>It runs offline, against a fake workspace started in this process (on 127.0.0.1), where the customer's
 * analysts already hold {@code USE CATALOG} on {@code marketing}: the setup grants the principal what it lacks, the
 * record says what was granted new, and the teardown revokes only that, deletes the principal's OAuth secret and
 * warehouse permission and, because it is named, the principal; the analysts' grant stays.
 */
public final class OffboardingExample {
    private static final String WAREHOUSE = "7c3a9e1f5b2d8046";
    private static final String RECORD_KEY = "customers/acme";

    private OffboardingExample() {
    }

    /**
     * Runs the example and exits with status 0 when the customer was onboarded and offboarded cleanly, 1 otherwise.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int status = run(System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the example offline, keeping the record in a temporary directory.
     *
     * @param out where the story is printed
     * @return the exit status
     */
    public static int run(PrintStream out) {
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(WAREHOUSE, "Starter Warehouse").build().start()) {
            SampleData.seed(fake);
            fake.seedGroup("analysts").seedGrant("catalog", "marketing", "analysts", "USE_CATALOG");
            CallPolicy calls = CallPolicy.builder().rateLimitPerSecond(100).build();
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                    .pat(fake.adminToken()).warehouseId(WAREHOUSE).callPolicy(calls).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(calls).build();
            return offboard(lakesetup, workspace, new FileRecordStore(temporaryDirectory()), out);
        }
    }

    private static int offboard(Lakesetup lakesetup, DatabricksWorkspace workspace, RecordStore records,
            PrintStream out) {
        DataGraphSetup setup = DataGraphSetup.builder().servicePrincipalNamed("acme-data-graph").warehouse(WAREHOUSE)
                .profilesSyncCatalog("segment_profiles").readOnlyCatalogs("marketing")
                .secretSink(credentials -> out.println("   (the new OAuth secret went to the vault)")).build();

        out.println("== 1. Onboard, keeping the record of the run under " + RECORD_KEY);
        SetupResult onboarded = setup.run(lakesetup, workspace, RunOptions.defaults()
                .withValidator(PrincipalValidator.Builder::plainHttpForTesting).record(records, RECORD_KEY));
        out.println("   setup " + (onboarded.succeeded() ? "succeeded" : "did not succeed"));

        RunRecord record = RunRecords.load(records, RECORD_KEY).orElseThrow();
        out.println("== 2. The record (no secret in it): " + record);

        out.println("== 3. The teardown plan");
        TeardownOptions options = TeardownOptions.defaults().record(record).deletePrincipal(setup.principal());
        Plan teardown = setup.teardown(lakesetup, workspace, options);
        out.print(PlanFormat.TEXT.render(teardown));

        out.println("== 4. Apply it (revokes and deletions allowed explicitly)");
        ApplyReport report = lakesetup.apply(teardown, ApplyOptions.defaults().withRevokesAllowed()
                .withDeletesAllowed());
        out.print(ReportFormat.TEXT.render(report));

        out.println("== 5. Teardown again (nothing left)");
        Plan again = setup.teardown(lakesetup, workspace, options);
        out.print(PlanFormat.TEXT.render(again));
        boolean clean = onboarded.succeeded() && report.isSuccess() && again.actionableChanges().isEmpty();
        out.println(clean ? "Offboarded." : "Offboarding incomplete: see above.");
        return clean ? 0 : 1;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("lakesetup-records");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
