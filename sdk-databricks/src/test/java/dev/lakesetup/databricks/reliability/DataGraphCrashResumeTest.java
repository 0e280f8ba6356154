package dev.lakesetup.databricks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.testing.CrashingExecutor.Crash;
import dev.lakesetup.core.testing.CrashingExecutor;
import dev.lakesetup.databricks.DataGraphSetup;
import dev.lakesetup.databricks.PrincipalValidator;
import dev.lakesetup.databricks.RunOptions;
import dev.lakesetup.databricks.SetupResult;
import dev.lakesetup.databricks.ValidationCheck;
import dev.lakesetup.testkit.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Data Graph recipe stopped after its k-th change, for every k, then run again: the workspace ends as after one
 * clean run, grants lakesetup did not make survive, the principal has exactly one OAuth secret, and a third plan is
 * empty.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DataGraphCrashResumeTest {
    private static final String NAME = "segment-data-graph";
    private static final RunOptions FAKE_OPTIONS = RunOptions.defaults()
            .withValidator(PrincipalValidator.Builder::plainHttpForTesting);
    private static String cleanState;

    @BeforeAll
    static void cleanRun() {
        try (Rig rig = seeded()) {
            SetupResult clean = recipe(new ArrayList<>()).build().run(rig.lakesetup(), rig.workspace, FAKE_OPTIONS);
            assertThat(clean.succeeded()).as(clean.toString()).isTrue();
            seedForeignGrantsOfPrincipal(rig);
            cleanState = normalised(rig.fake.snapshot());
        }
    }

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    /** Both crash points for k = 0 .. N-1, N being the number of actionable changes of the first plan. */
    static Stream<Arguments> crashPoints() {
        try (Rig rig = seeded()) {
            int changes = recipe(new ArrayList<>()).build().plan(rig.lakesetup(), rig.workspace).actionableChanges()
                    .size();
            assertThat(changes).isGreaterThan(5);
            return Arrays.stream(Crash.values()).flatMap(crash -> IntStream.range(0, changes)
                    .mapToObj(k -> Arguments.of(crash, k)));
        }
    }

    private static DataGraphSetup.Builder recipe(List<OAuthCredentials> vault) {
        return DataGraphSetup.builder().servicePrincipalNamed(NAME).warehouse(Rig.WAREHOUSE)
                .profilesSyncCatalog("segment_profiles").readOnlyCatalogs("marketing")
                .readOnlySchemas("sales", "orders", "customers")
                .validateWithTables("segment_profiles.profiles.identities", "sales.orders.items")
                .secretSink(vault::add);
    }

    /** A fresh fake with the recipe's tables and an analyst's SELECT on a catalog the recipe grants on. */
    private static Rig seeded() {
        Rig rig = Rig.withPat();
        List<String> columns = List.of("id INT", "name STRING");
        List<List<?>> rows = List.of(List.of(1, "a"));
        rig.fake.seedTable("segment_profiles.profiles.identities", columns, rows)
                .seedTable("marketing.campaigns.sends", columns, rows)
                .seedTable("sales.orders.items", columns, rows)
                .seedTable("sales.customers.accounts", columns, rows)
                .seedGrant("catalog", "marketing", "analysts", "SELECT")
                .seedGrant("schema", "sales.orders", "engineers", "USE_SCHEMA", "MODIFY");
        return rig;
    }

    /** Grants the recipe's own principal a privilege the recipe never asks for, once the principal exists. */
    private static boolean seedForeignGrantsOfPrincipal(Rig rig) {
        Optional<String> sp = appId(rig.fake.snapshot());
        sp.ifPresent(id -> rig.fake.seedGrant("catalog", "marketing", id, "MODIFY"));
        return sp.isPresent();
    }

    private static Optional<String> appId(WorkspaceSnapshot snapshot) {
        return snapshot.principals().stream().filter(p -> p.displayName().equals(NAME))
                .map(WorkspaceSnapshot.Principal::applicationId).findFirst();
    }

    @ParameterizedTest(name = "{0} change {1}")
    @MethodSource("crashPoints")
    void run_whenStoppedAfterKChangesAndRunAgain_endsAsOneCleanRun(Crash crash, int k) {
        try (Rig rig = seeded()) {
            List<OAuthCredentials> vault = new ArrayList<>();
            Lakesetup crashing = rig.lakesetup(CrashingExecutor.crashingAfter(k, crash, rig.workspace.restExecutor()).get(0),
                    RetryPolicy.defaults());

            SetupResult crashed = recipe(vault).build().run(crashing, rig.workspace, FAKE_OPTIONS);

            assertThat(crashed.applyReport().isSuccess()).as(crashed.toString()).isFalse();
            assertThat(crashed.succeeded()).isFalse();
            assertThat(crashed.applyReport().summary()).containsEntry(Outcome.APPLIED, k);
            assertThat(crashed.applyReport().failures()).isNotEmpty();
            assertThat(crashed.confirmationPlan()).isEmpty();
            boolean seededBetween = seedForeignGrantsOfPrincipal(rig);

            SetupResult resumed = recipe(vault).build().run(rig.lakesetup(), rig.workspace, FAKE_OPTIONS);

            if (!seededBetween) {
                seedForeignGrantsOfPrincipal(rig);
            }
            WorkspaceSnapshot end = rig.fake.snapshot();
            String sp = appId(end).orElseThrow();
            assertThat(resumed.applyReport().isSuccess()).as(resumed.toString()).isTrue();
            assertThat(resumed.confirmationPlan()).hasValueSatisfying(plan -> assertThat(plan.isEmpty()).isTrue());
            assertThat(normalised(end)).isEqualTo(cleanState);
            assertThat(end.grantsOn("catalog", "marketing")).containsEntry("analysts", Set.of("SELECT"))
                    .containsEntry(sp, Set.of("USE_CATALOG", "USE_SCHEMA", "SELECT", "MODIFY"));
            assertThat(end.grantsOn("schema", "sales.orders")).containsEntry("engineers",
                    Set.of("USE_SCHEMA", "MODIFY"));
            assertThat(end.secretsPerPrincipal()).containsEntry(sp, 1);
            if (resumed.connectionDetails().oauthSecret().isPresent()) {
                assertThat(vault).hasSize(1);
                assertThat(resumed.validation().orElseThrow().passed()).isTrue();
                assertThat(resumed.succeeded()).isTrue();
            } else {
                // the secret was issued in the stopped run: no second one; validation asks for credentials
                assertThat(resumed.validation().orElseThrow().checks()).singleElement().satisfies(check -> {
                    assertThat(check.status()).isEqualTo(ValidationCheck.Status.SKIPPED);
                    assertThat(check.message()).contains("the principal already has one").contains("validateWith");
                });
                assertThat(resumed.succeeded()).isFalse();
            }
            if (vault.isEmpty()) {
                // issued, but the answer with its value was lost when the process stopped: the stopped run says so
                assertThat(crash).isEqualTo(Crash.AFTER_SENDING);
                assertThat(crashed.applyReport().failures()).anySatisfy(failure -> assertThat(failure.change()
                        .object()).containsIgnoringCase("oauth secret"));
                assertThat(resumed.validation().orElseThrow().checks().get(0).message())
                        .contains("rotate it: delete it in the workspace and run again");
            } else if (resumed.connectionDetails().oauthSecret().isEmpty()) {
                assertThat(vault).hasSize(1);
                SetupResult validated = recipe(vault).validateWith(vault.get(0)).build()
                        .run(rig.lakesetup(), rig.workspace, FAKE_OPTIONS);
                assertThat(validated.succeeded()).as(validated.toString()).isTrue();
            }
            assertThat(recipe(vault).build().plan(rig.lakesetup(), rig.workspace).isEmpty()).isTrue();
            assertThat(rig.fake.snapshot().secretsPerPrincipal()).containsEntry(sp, 1);
        }
    }

    /** The state with generated ids replaced by the principal's display name, in a stable order. */
    static String normalised(WorkspaceSnapshot s) {
        Map<String, String> ids = new HashMap<>();
        for (WorkspaceSnapshot.Principal p : s.principals()) {
            ids.put(p.applicationId(), "<app " + p.displayName() + ">");
            ids.put(p.id(), "<id " + p.displayName() + ">");
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("catalogs", new TreeSet<>(s.catalogs()));
        out.put("schemas", new TreeSet<>(s.schemas()));
        Map<String, Map<String, Set<String>>> grants = new TreeMap<>();
        s.grants().forEach((securable, held) -> {
            Map<String, Set<String>> byPrincipal = new TreeMap<>();
            held.forEach((who, privileges) -> byPrincipal.put(ids.getOrDefault(who, who), new TreeSet<>(privileges)));
            grants.put(securable, byPrincipal);
        });
        out.put("grants", grants);
        out.put("principals", s.principals().stream().map(p -> ids.get(p.applicationId()) + " " + ids.get(p.id())
                + " inWorkspace=" + p.inWorkspace() + " " + new TreeSet<>(p.entitlements())).sorted().toList());
        Map<String, Map<String, String>> acls = new TreeMap<>();
        s.warehouseAcls().forEach((warehouse, acl) -> {
            Map<String, String> entries = new TreeMap<>();
            acl.forEach((who, level) -> {
                int colon = who.indexOf(':');
                String name = who.substring(colon + 1);
                entries.put(who.substring(0, colon + 1) + ids.getOrDefault(name, name), level);
            });
            acls.put(warehouse, entries);
        });
        out.put("warehouseAcls", acls);
        Map<String, Integer> secrets = new TreeMap<>();
        s.secretsPerPrincipal().forEach((app, count) -> secrets.put(ids.getOrDefault(app, app), count));
        out.put("secrets", secrets);
        StringBuilder text = new StringBuilder();
        out.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.toString();
    }
}
