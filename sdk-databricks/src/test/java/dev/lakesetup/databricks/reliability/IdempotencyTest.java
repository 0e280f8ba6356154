package dev.lakesetup.databricks.reliability;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.StorageCredential;
import dev.lakesetup.core.model.StorageIdentity;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.databricks.DatabricksWorkspace;
import dev.lakesetup.databricks.PooledDataSource;
import dev.lakesetup.databricks.SqlExecutor;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects that appear between plan and apply (another run, or an earlier attempt whose answer timed out): the
 * same settings count as done, different settings fail that change naming the setting, and nothing is recreated.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdempotencyTest {
    private static final String CONNECTOR = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Databricks"
            + "/accessConnectors/ac1";
    private static final StorageCredential CREDENTIAL = StorageCredential.named("lake_cred",
            new StorageIdentity.AzureManagedIdentity(CONNECTOR, null));
    private static final String URL = "abfss://landing@lake.dfs.core.windows.net/raw";

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("catalog sales", List.of(), Catalog.named("sales").comment("orders")),
                Arguments.of("schema sales.raw", List.of(Catalog.named("sales")), Schema.named("sales", "raw")),
                Arguments.of("storage credential lake_cred", List.of(), CREDENTIAL),
                Arguments.of("external location lake", List.of(CREDENTIAL),
                        ExternalLocation.named("lake", URL, "lake_cred")));
    }

    private static Blueprint of(List<Resource> before, Resource resource) {
        Blueprint.Builder b = Blueprint.builder();
        before.forEach(b::resource);
        return b.resource(resource).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void apply_whenObjectAppearedWithSameSettings_countsItDone(String object, List<Resource> before,
            Resource resource) {
        try (Rig rig = Rig.withPat()) {
            if (!before.isEmpty()) {
                Blueprint.Builder prerequisites = Blueprint.builder();
                before.forEach(prerequisites::resource);
                assertThat(rig.apply(prerequisites.build()).isSuccess()).isTrue();
            }
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(of(before, resource));
            assertThat(rig.apply(of(before, resource)).isSuccess()).isTrue(); // another run gets there first

            ApplyReport report = lakesetup.apply(plan);

            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            ChangeOutcome outcome = Rig.outcomeOf(report, object);
            assertThat(outcome.outcome()).isEqualTo(Outcome.ALREADY_DONE);
            assertThat(lakesetup.plan(of(before, resource)).isEmpty()).isTrue();
        }
    }

    @Test
    void apply_whenExternalLocationAppearedWithOtherUrl_failsNamingTheUrl() {
        try (Rig rig = Rig.withPat()) {
            rig.apply(of(List.of(), CREDENTIAL));
            ExternalLocation declared = ExternalLocation.named("lake", URL, "lake_cred");
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(of(List.of(), declared));
            rig.apply(of(List.of(), ExternalLocation.named("lake", "abfss://other@lake.dfs.core.windows.net/x",
                    "lake_cred")));

            ApplyReport report = lakesetup.apply(plan);

            ChangeOutcome outcome = Rig.outcomeOf(report, "external location lake");
            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.reason()).contains("already exists with different settings").containsIgnoringCase("url")
                    .contains("other@lake");
        }
    }

    @Test
    void apply_whenCatalogAppearedWithOtherComment_failsNamingTheComment() {
        try (Rig rig = Rig.withPat()) {
            Lakesetup lakesetup = rig.lakesetup();
            Plan plan = lakesetup.plan(of(List.of(), Catalog.named("sales").comment("orders")));
            rig.apply(of(List.of(), Catalog.named("sales").comment("somebody else's")));

            ApplyReport report = lakesetup.apply(plan);

            ChangeOutcome outcome = Rig.outcomeOf(report, "catalog sales");
            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.reason()).contains("different settings").containsIgnoringCase("comment");
        }
    }

    @Test
    void apply_whenCreateTimesOut_readsBeforeSendingAgainAndEndsWithOneCatalog() {
        try (Rig rig = Rig.withPat()) {
            DatabricksWorkspace impatient = DatabricksWorkspace.builder().host(rig.fake.host()).plainHttpForTesting()
                    .pat(rig.fake.adminToken()).httpTimeout(Duration.ofSeconds(1)).build();
            rig.fake.faults().on("POST", Rig.CATALOGS).times(1).respond(FaultResponse.latency(Duration.ofMillis(1500)));
            Lakesetup lakesetup = rig.lakesetup(impatient.restExecutor(), RetryPolicy.defaults());

            ApplyReport report = lakesetup.apply(lakesetup.plan(of(List.of(), Catalog.named("sales"))));

            // the timed-out request is still being served when the retry reads: not found yet, so it is sent again
            assertThat(report.isSuccess()).as(report.toString()).isTrue();
            assertThat(Rig.outcomeOf(report, "catalog sales").attempts()).isEqualTo(2);
            assertThat(rig.fake.requests().count("GET /api/2.1/unity-catalog/catalogs/{name}")).isEqualTo(2);
            assertThat(rig.fake.snapshot().catalogs()).containsOnlyOnce("sales");
            assertThat(lakesetup.plan(of(List.of(), Catalog.named("sales"))).isEmpty()).isTrue();
        }
    }

    @Test
    void apply_whenStatementFailsWithHttp200_failsThatChangeWithTheServiceMessage() {
        try (Rig rig = Rig.withPat(); PooledDataSource pool = rig.workspace.jdbc().statementExecutionApi()
                .property("EnableQueryResultDownload", "0").property("EnableTelemetry", "0").build().dataSource()) {
            rig.fake.seedCatalog("sales");
            rig.fake.faults().failStatement("^\\s*GRANT ", 1, "BAD_REQUEST",
                    "[INSUFFICIENT_PERMISSIONS] User does not have MANAGE on Catalog 'sales'.");
            SqlExecutor sql = rig.workspace.sqlExecutor(pool);
            Lakesetup lakesetup = rig.lakesetup(sql, RetryPolicy.defaults());
            Blueprint blueprint = Blueprint.builder().grant(Grant.on(Securable.catalog("sales"))
                    .to(Principal.group("analysts")).privileges(USE_CATALOG)).build();

            ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

            ChangeOutcome grants = Rig.outcomeOf(report, "grants on catalog sales");
            assertThat(grants.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(grants.reason()).contains("INSUFFICIENT_PERMISSIONS");
            assertThat(rig.fake.snapshot().grantsOn("catalog", "sales")).doesNotContainKey("analysts");
        }
    }
}
