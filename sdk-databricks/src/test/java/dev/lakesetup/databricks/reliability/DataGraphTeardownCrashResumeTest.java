package dev.lakesetup.databricks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RunRecords;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.testing.CrashingExecutor;
import dev.lakesetup.core.testing.CrashingExecutor.Crash;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Data Graph teardown stopped after its k-th change, for every k and both crash points, then planned and run
 * again on the fake workspace: it ends with the recipe's grants, secret and warehouse permission gone, the grants
 * lakesetup did not make (other principals', and the principal's own undeclared one) intact, and an empty re-plan.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DataGraphTeardownCrashResumeTest {
    private static final String NAME = "segment-data-graph";
    private static final RunOptions FAKE_OPTIONS = RunOptions.defaults()
            .withValidator(PrincipalValidator.Builder::plainHttpForTesting);
    private static final ApplyOptions TEARDOWN = ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed();

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    static Stream<Arguments> crashPoints() {
        try (Rig rig = Rig.withPat()) {
            TeardownOptions options = setUp(rig);
            int count = recipe().teardown(rig.lakesetup(), rig.workspace, options).actionableChanges().size();
            assertThat(count).isGreaterThan(4);
            return Arrays.stream(Crash.values()).flatMap(crash -> IntStream.range(0, count)
                    .mapToObj(k -> Arguments.of(crash, k)));
        }
    }

    private static DataGraphSetup recipe() {
        List<OAuthCredentials> vault = new ArrayList<>();
        return DataGraphSetup.builder().servicePrincipalNamed(NAME).warehouse(Rig.WAREHOUSE)
                .profilesSyncCatalog("segment_profiles").readOnlyCatalogs("marketing").secretSink(vault::add)
                .build();
    }

    /** Seeds others' grants, runs the setup with a record, grants the principal an undeclared privilege. */
    private static TeardownOptions setUp(Rig rig) {
        rig.fake.seedCatalog("segment_profiles").seedCatalog("marketing")
                .seedGrant("catalog", "marketing", "analysts", "SELECT")
                .seedGrant("catalog", "segment_profiles", "engineers", "USE_CATALOG", "MODIFY");
        MemoryRecordStore store = new MemoryRecordStore();
        SetupResult result = recipe().run(rig.lakesetup(), rig.workspace, FAKE_OPTIONS.record(store, "acme"));
        assertThat(result.applyReport().isSuccess()).as(result.toString()).isTrue();
        rig.fake.seedGrant("catalog", "marketing", appId(rig.fake.snapshot()), "MODIFY");
        return TeardownOptions.defaults().record(RunRecords.load(store, "acme").orElseThrow());
    }

    private static String appId(WorkspaceSnapshot snapshot) {
        return snapshot.principals().stream().filter(p -> p.displayName().equals(NAME)).findFirst().orElseThrow()
                .applicationId();
    }

    @ParameterizedTest(name = "{0} change {1}")
    @MethodSource("crashPoints")
    void teardown_whenStoppedAfterKChangesAndRunAgain_converges(Crash crash, int k) {
        try (Rig rig = Rig.withPat()) {
            TeardownOptions options = setUp(rig);
            DataGraphSetup setup = recipe();
            Lakesetup crashing = rig.lakesetup(CrashingExecutor.crashingAfter(k, crash,
                    rig.workspace.restExecutor()).get(0), RetryPolicy.defaults());

            ApplyReport stopped = crashing.apply(setup.teardown(crashing, rig.workspace, options), TEARDOWN);
            Plan rest = setup.teardown(rig.lakesetup(), rig.workspace, options);
            ApplyReport finished = rig.lakesetup().apply(rest, TEARDOWN);

            assertThat(stopped.isSuccess()).isFalse();
            assertThat(finished.isSuccess()).as(finished + "\n" + PlanFormat.TEXT.render(rest)).isTrue();
            assertThat(setup.teardown(rig.lakesetup(), rig.workspace, options).actionableChanges()).isEmpty();
            WorkspaceSnapshot end = rig.fake.snapshot();
            String sp = appId(end);
            assertThat(end.grantsOn("catalog", "marketing")).containsEntry("analysts", Set.of("SELECT"))
                    .containsEntry(sp, Set.of("MODIFY"));
            assertThat(end.grantsOn("catalog", "segment_profiles")).doesNotContainKey(sp)
                    .containsEntry("engineers", Set.of("USE_CATALOG", "MODIFY"));
            assertThat(end.secretsPerPrincipal().getOrDefault(sp, 0)).isZero();
            assertThat(end.warehouseAcls().get(Rig.WAREHOUSE)).doesNotContainKey("service_principal_name:" + sp);
        }
    }
}
