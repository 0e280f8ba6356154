package dev.lakesetup.examples;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.render.DriftFormat;
import dev.lakesetup.databricks.DatabricksDestinationSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.testkit.FakeWorkspace;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies on a schedule that the Databricks destination setup is still in place, as a job run by cron, a CI
 * schedule or an orchestrator would: it reads only, prints the drift report (as JSON with {@code --json}) and exits
 * with 0 when clean, 2 on drift, 1 on an error.
 *
 * <p>With {@code DATABRICKS_HOST} and {@code DATABRICKS_WAREHOUSE_ID} it verifies that workspace, signed in as
 * {@link DataGraphExample} signs in (a read-only identity will do: what it may not read is skipped, with the
 * permission it needs). Without them it tells the whole story offline against a fake workspace: the setup, a clean
 * verify, an admin's change outside lakesetup and the verify that catches it, and the same verify as a read-only
 * identity.
 */
public final class ScheduledVerifyExample {
    /** How far ahead an expiring OAuth secret is drift for this job. */
    static final Duration EXPIRY_WINDOW = Duration.ofDays(14);

    private ScheduledVerifyExample() {
    }

    /**
     * Runs the job; exits with its status.
     *
     * @param args {@code --json} to print the report as JSON
     */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job against the workspace the environment names, or the story offline.
     *
     * @param args the options ({@code --json} only)
     * @param env the environment variables
     * @param out where the report (and offline the story) is printed
     * @return 0 when clean, 2 on drift (offline: the status of the last verify), 1 on an error
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        boolean json = List.of(args).contains("--json");
        try {
            String host = env.get("DATABRICKS_HOST");
            String warehouse = env.get("DATABRICKS_WAREHOUSE_ID");
            if (host == null || host.isBlank()) {
                return offline(out);
            }
            if (warehouse == null || warehouse.isBlank()) {
                out.println("DATABRICKS_WAREHOUSE_ID is not set: the recipe checks \"Can use\" on that warehouse");
                return 1;
            }
            DatabricksWorkspace workspace = DataGraphExample.admin(env).host(host).warehouseId(warehouse).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).build();
            DriftReport report = recipe(warehouse, new ArrayList<>()).verify(lakesetup, workspace,
                    VerifyOptions.defaults().expiringWithin(EXPIRY_WINDOW));
            out.print((json ? DriftFormat.JSON : DriftFormat.TEXT).render(report));
            return report.isClean() ? 0 : 2;
        } catch (LakesetupException e) {
            out.println("Verify failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Declares the destination the job verifies (the same recipe the setup ran).
     *
     * @param warehouseId the SQL warehouse the principal may use
     * @param vault where a new OAuth secret would go (a verify never issues one)
     * @return the recipe
     */
    static DatabricksDestinationSetup recipe(String warehouseId, List<OAuthCredentials> vault) {
        return DatabricksDestinationSetup.builder()
                .servicePrincipalNamed(DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME)
                .warehouse(warehouseId).catalog("segment_events").secretSink(vault::add).build();
    }

    private static int offline(PrintStream out) {
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(RecipeStory.OFFLINE_WAREHOUSE, "Starter")
                .build().start()) {
            out.println("== lakesetup: a scheduled verify, offline against a fake workspace at " + fake.host());
            CallPolicy calls = CallPolicy.builder().rateLimitPerSecond(100).build();
            DatabricksWorkspace admin = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                    .pat(fake.adminToken()).warehouseId(RecipeStory.OFFLINE_WAREHOUSE).callPolicy(calls).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(admin.restExecutor()).callPolicy(calls).build();
            RunOptions fakeHttp = RunOptions.defaults().withValidator(PrincipalValidator.Builder::plainHttpForTesting);
            List<OAuthCredentials> vault = new ArrayList<>();
            DatabricksDestinationSetup setup = recipe(RecipeStory.OFFLINE_WAREHOUSE, vault);
            out.println("== 1. The setup ran once: " + setup.run(lakesetup, admin, fakeHttp).applyReport());
            // The job validates as the principal with the secret the setup handed to the vault.
            VerifyOptions options = VerifyOptions.defaults().expiringWithin(EXPIRY_WINDOW).validateWith(vault.get(0));
            print(out, "2. Tonight's verify", setup.verify(lakesetup, admin, options, fakeHttp));
            String principal = vault.get(0).clientId().toString();
            fake.revokeAllGrantsOf(principal);
            out.println("== An admin revoked every grant of " + principal + " by hand");
            DriftReport drift = setup.verify(lakesetup, admin, options, fakeHttp);
            print(out, "3. Tomorrow's verify", drift);
            FakeWorkspace.SeededPrincipal auditor = fake.seedServicePrincipal("nightly-auditor");
            fake.seedGrant("catalog", "segment_events", auditor.applicationId(), "USE_CATALOG");
            DatabricksWorkspace readOnly = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                    .oauthM2m(auditor.applicationId(), auditor.secret()).callPolicy(calls).build();
            Lakesetup asAuditor = Lakesetup.builder().executor(readOnly.restExecutor()).callPolicy(calls).build();
            print(out, "4. The same verify as a read-only identity",
                    setup.verify(asAuditor, readOnly, options.withoutValidation(), fakeHttp));
            return drift.isClean() ? 0 : 2;
        }
    }

    private static void print(PrintStream out, String title, DriftReport report) {
        out.println();
        out.println("== " + title);
        out.print(DriftFormat.TEXT.render(report));
        out.println();
    }
}
