package dev.lakesetup.azure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.azure.AzureDeltaLakeDestinationSetup;
import dev.lakesetup.azure.DestinationFixture;
import dev.lakesetup.azure.DestinationSetupResult;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.testing.CrashingExecutor.Crash;
import dev.lakesetup.core.testing.CrashingExecutor;
import dev.lakesetup.testkit.AzureSnapshot;
import dev.lakesetup.testkit.VirtualClock;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Azure Delta Lake destination recipe stopped after its k-th change, for every k, then run again: both fakes end
 * as after one clean run, grants lakesetup did not make survive, no OAuth secret is ever created, and a third plan
 * is empty.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DestinationCrashResumeTest {
    private static final String APP_ID = AzureDeltaLakeDestinationSetup.GUIDE_APPLICATION_ID;
    private static final String CONNECTOR = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/"
            + "rg-data/providers/Microsoft.Databricks/accessConnectors/lake-connector";
    private static final AzureDeltaLakeDestinationSetup SETUP = AzureDeltaLakeDestinationSetup.builder()
            .vendorApplication(APP_ID)
            .storageContainer(DestinationFixture.ACCOUNT, DestinationFixture.RESOURCE_GROUP, "segment")
            .storageCredential("segment_credential").accessConnector(CONNECTOR)
            .externalLocation("segment_location").catalog("segment", "catalogs/segment").build();
    private static WorkspaceSnapshot cleanWorkspace;
    private static String cleanAzure;

    @BeforeAll
    static void cleanRun() {
        try (DestinationFixture f = DestinationFixture.start()) {
            DestinationSetupResult clean = SETUP.run(lakesetup(f, new VirtualClock()), f.workspace);
            assertThat(clean.isSuccess()).as(clean.toString()).isTrue();
            seedForeignGrants(f);
            cleanWorkspace = f.databricks.snapshot();
            cleanAzure = normalised(f);
        }
    }

    /** Both crash points for k = 0 .. N-1, N being the number of actionable changes of the first plan. */
    static Stream<Arguments> crashPoints() {
        try (DestinationFixture f = DestinationFixture.start()) {
            int changes = SETUP.plan(lakesetup(f, new VirtualClock()), f.workspace).actionableChanges().size();
            assertThat(changes).isGreaterThan(5);
            return Arrays.stream(Crash.values()).flatMap(crash -> IntStream.range(0, changes)
                    .mapToObj(k -> Arguments.of(crash, k)));
        }
    }

    private static Lakesetup lakesetup(DestinationFixture f, VirtualClock time, Executor... executors) {
        Lakesetup.Builder builder = Lakesetup.builder().concurrency(4)
                .retryPolicy(RetryPolicy.defaults()).clock(time).sleeper(time::sleep);
        List<Executor> chosen = executors.length > 0 ? List.of(executors)
                : List.of(f.connection.executor(), f.workspace.restExecutor());
        chosen.forEach(builder::executor);
        return builder.build();
    }

    /**
     * Grants another principal, and the vendor's principal beyond the guide, privileges on the catalog and the
     * storage credential the recipe creates, on those that exist already.
     *
     * @return whether both exist
     */
    private static boolean seedForeignGrants(DestinationFixture f) {
        WorkspaceSnapshot now = f.databricks.snapshot();
        boolean catalog = now.catalogs().contains("segment");
        boolean credential = now.grants().containsKey("storage_credential:segment_credential")
                || f.databricks.requests().count("POST /api/2.1/unity-catalog/storage-credentials") > 0;
        if (catalog && now.grantsOn("catalog", "segment").get("analysts") == null) {
            f.databricks.seedGrant("catalog", "segment", "analysts", "USE_CATALOG", "SELECT");
            f.databricks.seedGrant("catalog", "segment", APP_ID, "USE_CATALOG");
        }
        if (credential && now.grantsOn("storage_credential", "segment_credential").get("analysts") == null) {
            f.databricks.seedGrant("storage_credential", "segment_credential", "analysts", "READ_FILES");
        }
        return catalog && credential;
    }

    @ParameterizedTest(name = "{0} change {1}")
    @MethodSource("crashPoints")
    void run_whenStoppedAfterKChangesAndRunAgain_endsAsOneCleanRun(Crash crash, int k) {
        try (DestinationFixture f = DestinationFixture.start()) {
            VirtualClock time = new VirtualClock();
            // the workspace first: the test wrapper offers a grant store for every type, and the first one wins
            Lakesetup crashing = lakesetup(f, time, CrashingExecutor.crashingAfter(k, crash,
                    f.workspace.restExecutor(), f.connection.executor()).toArray(Executor[]::new));

            DestinationSetupResult crashed = SETUP.run(crashing, f.workspace);

            assertThat(crashed.isSuccess()).isFalse();
            assertThat(crashed.report().isSuccess()).as(crashed.toString()).isFalse();
            assertThat(crashed.report().summary()).containsEntry(Outcome.APPLIED, k);
            assertThat(crashed.replan()).isEmpty();
            assertThat(crashed.validation()).isEmpty();
            seedForeignGrants(f);

            DestinationSetupResult resumed = SETUP.run(lakesetup(f, time), f.workspace);

            seedForeignGrants(f);
            assertThat(resumed.isSuccess()).as(resumed.toString()).isTrue();
            assertThat(resumed.replan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
            assertThat(resumed.validation().orElseThrow().passed()).isTrue();
            WorkspaceSnapshot end = f.databricks.snapshot();
            assertThat(end).isEqualTo(cleanWorkspace);
            assertThat(normalised(f)).isEqualTo(cleanAzure);
            assertThat(end.grantsOn("catalog", "segment")).containsEntry("analysts", Set.of("USE_CATALOG", "SELECT"))
                    .containsEntry(APP_ID, Set.of("USE_CATALOG", "ALL_PRIVILEGES"));
            assertThat(end.grantsOn("storage_credential", "segment_credential"))
                    .containsEntry("analysts", Set.of("READ_FILES"));
            assertThat(end.secretsPerPrincipal().values()).as("OAuth secrets").containsOnly(0);
            assertThat(SETUP.plan(lakesetup(f, time), f.workspace).isEmpty()).isTrue();
        }
    }

    /** The Azure state with generated ids (subscription, objects, assignment names) replaced, in a stable order. */
    private static String normalised(DestinationFixture f) {
        AzureSnapshot s = f.azure.snapshot();
        Map<String, String> ids = new HashMap<>();
        s.servicePrincipals().forEach(sp -> ids.put(sp.id(), "<object " + sp.appId() + ">"));
        Map<String, Object> out = new TreeMap<>();
        out.put("servicePrincipals", s.servicePrincipals().stream().map(sp -> sp.appId() + " " + sp.displayName()
                + " enabled=" + sp.accountEnabled()).sorted().toList());
        out.put("roleAssignments", s.roleAssignments().stream().map(a -> a.scope().replace(f.azure.subscriptionId(), "<subscription>") + " " + a.roleDefinitionId()
                + " " + ids.getOrDefault(a.principalId(), a.principalId()) + " " + a.principalType()).sorted()
                .toList());
        out.put("containers", new TreeMap<>(s.containers()));
        return out.toString();
    }
}
