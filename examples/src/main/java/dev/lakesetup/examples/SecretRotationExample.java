package dev.lakesetup.examples;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.databricks.DatabricksDestinationSetup;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.OAuthSecrets;
import dev.lakesetup.databricks.RotationReport;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SecretInfo;
import dev.lakesetup.databricks.SecretVault;
import dev.lakesetup.databricks.ValidationTransport;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.VirtualClock;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Keeps a destination's OAuth secret from lapsing: the setup issues a 90-day secret, a scheduled job runs the
 * rotation every day, and it rotates only when the secret expires within 14 days; the new secret reaches the vault
 * and is validated with the recipe's checks before the old one is deleted. Runs offline against a fake workspace
 * whose clock the example moves forward (a real job would run daily on real time, with a durable journal store).
 */
public final class SecretRotationExample {
    static final String WAREHOUSE = "7c3a9e1f5b2d8046";

    private SecretRotationExample() {
    }

    /**
     * Runs the example; exits with 0 when the rotation succeeded, 1 when it did not.
     *
     * @param args none
     */
    public static void main(String[] args) {
        int status = run(System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Tells the story of a secret that is rotated before it lapses.
     *
     * @param out where the story is printed
     * @return 0 when the rotation succeeded
     */
    public static int run(PrintStream out) {
        VirtualClock clock = new VirtualClock();
        try (FakeWorkspace fake = FakeWorkspace.builder().warehouse(WAREHOUSE, "Starter").clock(clock).build()
                .start()) {
            CallPolicy policy = CallPolicy.builder().clock(clock).sleeper(clock::sleep).build();
            DatabricksWorkspace workspace = DatabricksWorkspace.builder().host(fake.host()).plainHttpForTesting()
                    .pat(fake.adminToken()).warehouseId(WAREHOUSE).callPolicy(policy).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(workspace.restExecutor()).callPolicy(policy).build();
            return story(lakesetup, workspace, clock, out);
        } catch (LakesetupException e) {
            out.println("Rotation stopped: " + e.getMessage());
            return 1;
        }
    }

    private static int story(Lakesetup lakesetup, DatabricksWorkspace workspace, VirtualClock clock,
            PrintStream out) {
        SecretVault vault = SecretVault.inMemory();
        RecordStore journals = new MemoryRecordStore();
        RunOptions options = RunOptions.defaults().withValidator(validator -> validator.plainHttpForTesting()
                .transport(ValidationTransport.STATEMENT_API));
        DatabricksDestinationSetup setup = DatabricksDestinationSetup.builder()
                .servicePrincipalNamed(DatabricksDestinationSetup.DEFAULT_DISPLAY_NAME)
                .warehouse(WAREHOUSE).catalog("segment_events").secretSink(vault)
                .secretLifetime(Duration.ofDays(90))
                .rotateWhenExpiringWithin(Duration.ofDays(14))
                .build();
        out.println("Day 0: the setup issues a 90-day secret.");
        out.println(setup.run(lakesetup, workspace, options).succeeded() ? "Setup succeeded." : "Setup failed.");

        clock.sleep(Duration.ofDays(30));
        out.println("\nDay 30: the plan keeps the secret and shows when it expires.");
        out.print(PlanFormat.TEXT.render(setup.plan(lakesetup, workspace)));
        out.print(rotate(setup, lakesetup, workspace, options, vault, journals).render());

        clock.sleep(Duration.ofDays(50));
        out.println("\nDay 80: the secret expires within 14 days; the daily job rotates it.");
        RotationReport report = rotate(setup, lakesetup, workspace, options, vault, journals);
        out.print(report.render());
        ServicePrincipal principal = ServicePrincipal.of(vault.current().orElseThrow().clientId());
        for (SecretInfo info : OAuthSecrets.of(workspace).list(principal)) {
            out.println("secret " + info.id() + " " + info.status() + ", expires " + info.expireTime());
        }
        return report.outcome() == RotationReport.Outcome.ROTATED ? 0 : 1;
    }

    /** What the scheduled job runs every day. */
    static RotationReport rotate(DatabricksDestinationSetup setup, Lakesetup lakesetup,
            DatabricksWorkspace workspace, RunOptions options, SecretVault vault, RecordStore journals) {
        return setup.rotateSecret(lakesetup, workspace, options, rotation -> rotation
                .vault(vault)
                .journal(journals, "rotations/segment-destination")
                .lifetime(Duration.ofDays(90))
                .rotateWhenExpiringWithin(Duration.ofDays(14))
                .keepWindow(Duration.ofHours(1)));
    }
}
