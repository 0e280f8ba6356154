package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RateLimiter;
import dev.lakesetup.core.fleet.Fleet;
import dev.lakesetup.core.fleet.FleetFormat;
import dev.lakesetup.core.fleet.FleetMember;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.core.fleet.FleetStatus;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.testkit.FakeWorkspaceFleet;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Fleets of Databricks workspaces on the testkit's many-workspaces server. */
class FleetOnFakeWorkspacesTest {
    private static final String WAREHOUSE = "wh1";
    private static final RunOptions FAKE_OPTIONS = RunOptions.defaults().withValidator(v -> v.plainHttpForTesting()
            .transport(ValidationTransport.STATEMENT_API));

    private static DatabricksWorkspace connect(FakeWorkspaceFleet.Member member, Fleet fleet,
            UnaryOperator<DatabricksWorkspace.Builder> more) {
        return more.apply(DatabricksWorkspace.builder().host(member.host()).plainHttpForTesting()
                .pat(member.adminToken()).warehouseId(WAREHOUSE).callGate(fleet.callGate())
                .account(member.host(), member.workspace().accountId())
                .workspaceId(member.workspace().workspaceId())
                .callPolicy(CallPolicy.builder().rateLimitPerSecond(1000).concurrency(4).build())).build();
    }

    private static List<FleetMember<DatabricksWorkspace>> members(FakeWorkspaceFleet fakes, Fleet fleet,
            UnaryOperator<DatabricksWorkspace.Builder> more) {
        return fakes.members().stream().map(m -> FleetMember.<DatabricksWorkspace>of(m.key(),
                () -> connect(m, fleet, more))).toList();
    }

    @Test
    void recipe_acrossWorkspaces_whenOneWorkspaceFails_theOthersAreSetUp() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(3)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter")).start()) {
            fakes.members().forEach(m -> m.workspace().seedTable("sales.orders.items", List.of("id INT"),
                    List.of(List.of(1))).seedTable("segment_profiles.profiles.identities", List.of("id INT"),
                    List.of(List.of(1))));
            fakes.member(1).workspace().faults().on("*", "/api/2.1/unity-catalog/.*").always()
                    .respond(FaultResponse.status(500));
            List<OAuthCredentials> vault = new CopyOnWriteArrayList<>();
            DataGraphSetup dataGraph = DataGraphSetup.builder().servicePrincipalNamed("segment-data-graph")
                    .warehouse(WAREHOUSE).profilesSyncCatalog("segment_profiles").readOnlyCatalogs("sales").validateWithTables("sales.orders.items")
                    .secretSink(vault::add).build();
            Fleet fleet = Fleet.builder().concurrency(4).membersInFlight(3).build();

            FleetReport report = fleet.run(members(fakes, fleet, b -> b),
                    FleetTasks.recipe((lakesetup, workspace) -> dataGraph.run(lakesetup, workspace, FAKE_OPTIONS)));

            assertThat(report.line("ws-001").orElseThrow().status()).as(report.lines().toString())
                    .isEqualTo(FleetStatus.CHANGED);
            assertThat(report.line("ws-003").orElseThrow().status()).isEqualTo(FleetStatus.CHANGED);
            assertThat(report.line("ws-002").orElseThrow().status()).isEqualTo(FleetStatus.FAILED);
            assertThat(vault).hasSize(2);
            String text = FleetFormat.TEXT.render(report) + FleetFormat.JSON.render(report);
            vault.forEach(c -> assertThat(text).doesNotContain(c.secret().reveal()));
            fakes.members().forEach(m -> assertThat(text).doesNotContain(m.adminToken()));

            FleetReport again = fleet.run(members(fakes, fleet, b -> b), FleetTasks.planRecipe(dataGraph::plan));
            assertThat(again.line("ws-001").orElseThrow().status()).isEqualTo(FleetStatus.OK);
            assertThat(again.line("ws-002").orElseThrow().status()).isEqualTo(FleetStatus.FAILED);
        }
    }

    @Test
    void callGate_boundsTheRequestsInFlightAcrossWorkspaces() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(6).latency(Duration.ofMillis(5))
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter").user("analyst@example.com")).start()) {
            fakes.members().forEach(m -> m.workspace().seedSchema("sales.orders"));
            Fleet fleet = Fleet.builder().concurrency(2).membersInFlight(6).build();

            FleetReport report = fleet.run(members(fakes, fleet, b -> b), FleetTasks.apply(ws -> readOnly()));

            assertThat(report.count(FleetStatus.CHANGED)).as(FleetFormat.TEXT.render(report)).isEqualTo(6);
            assertThat(fakes.peakInFlight()).isLessThanOrEqualTo(2);
            assertThat(fleet.callGate().peakInFlight()).isEqualTo(2);
        }
    }

    @Test
    void accountRateLimiter_keepsEveryMembersAccountRequestsTogetherUnderTheSharedRate() {
        int rate = 5;
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(4)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter")).start()) {
            RateLimiter shared = CallPolicy.builder().rateLimitPerSecond(rate).build().rateLimiter();
            // a gate that never binds: a request that waited at a full gate after its permit would reach the
            // service later than the permit allowed, closer to the next one
            Fleet fleet = Fleet.builder().concurrency(64).membersInFlight(4).build();

            FleetReport report = fleet.run(members(fakes, fleet, b -> b.accountRateLimiter(shared)),
                    FleetTasks.apply(ws -> throughAccount()));

            assertThat(report.count(FleetStatus.CHANGED)).as(FleetFormat.TEXT.render(report)).isEqualTo(4);
            List<Long> account = new ArrayList<>();
            fakes.members().forEach(m -> account.addAll(m.requestStartTimes("/api/2.0/accounts/")));
            assertThat(account).hasSizeGreaterThanOrEqualTo(8);
            // permits are granted at least 1.03 s / rate apart; on a loaded test machine a request can reach the
            // fake up to ~100 ms later than its permit, so the window is shortened by that much
            assertThat(peak(account, Duration.ofMillis(900))).isLessThanOrEqualTo(rate);
            long span = Collections.max(account) - Collections.min(account);
            assertThat(Duration.ofNanos(span)).isGreaterThan(Duration.ofMillis(1030L * (account.size() - 1) / rate
                    - 100));
            long workspaceRequests = fakes.totalRequests() - account.size();
            assertThat(workspaceRequests).as("workspace requests do not take the shared limiter").isPositive();
        }
    }

    @Test
    void verifyAndTeardown_acrossWorkspaces_reportDriftPerWorkspaceAndRemoveWhatWasSetUp() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(2)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter").user("analyst@example.com")).start()) {
            fakes.members().forEach(m -> m.workspace().seedSchema("sales.orders"));
            Fleet fleet = Fleet.builder().concurrency(4).build();
            fleet.run(members(fakes, fleet, b -> b), FleetTasks.apply(ws -> readOnly()));
            fakes.member(1).workspace().revokeAllGrantsOf("analyst@example.com");

            FleetReport verified = fleet.run(members(fakes, fleet, b -> b), FleetTasks.verify(ws -> readOnly()));
            FleetReport removed = fleet.run(members(fakes, fleet, b -> b), FleetTasks.teardown(ws -> readOnly(),
                    ws -> dev.lakesetup.core.record.TeardownOptions.defaults(),
                    dev.lakesetup.core.apply.ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()));

            assertThat(verified.line("ws-001").orElseThrow().status()).as(FleetFormat.TEXT.render(verified))
                    .isEqualTo(FleetStatus.OK);
            assertThat(verified.line("ws-002").orElseThrow().status()).isEqualTo(FleetStatus.DRIFT);
            assertThat(removed.line("ws-001").orElseThrow().status()).as(FleetFormat.TEXT.render(removed))
                    .isEqualTo(FleetStatus.CHANGED);
            assertThat(removed.line("ws-002").orElseThrow().status()).isEqualTo(FleetStatus.OK);
            assertThat(fakes.member(0).workspace().snapshot().grantsOn("schema", "sales.orders"))
                    .doesNotContainKey("analyst@example.com");
        }
    }

    private static Blueprint readOnly() {
        return Blueprint.builder().grant(dev.lakesetup.core.model.Grant.on(
                dev.lakesetup.core.model.SchemaName.of("sales", "orders"))
                .to(dev.lakesetup.core.model.User.of("analyst@example.com"))
                .privileges(List.of(dev.lakesetup.core.model.Privilege.USE_SCHEMA))).build();
    }

    private static Blueprint throughAccount() {
        return Blueprint.builder().resource(WorkspaceServicePrincipal.ofApplication(
                ApplicationId.of(UUID.randomUUID().toString()), "vendor-loader")
                .entitlements(Entitlement.DATABRICKS_SQL_ACCESS).throughAccount()).build();
    }

    /** The most times that fall in any sliding window of this length. */
    private static int peak(List<Long> nanoTimes, Duration window) {
        List<Long> sorted = new ArrayList<>(nanoTimes);
        Collections.sort(sorted);
        int peak = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= window.toNanos()) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }
}
