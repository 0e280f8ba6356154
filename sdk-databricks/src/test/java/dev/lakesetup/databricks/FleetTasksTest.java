package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.apply.Outcome;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.core.fleet.Fleet;
import dev.lakesetup.core.fleet.FleetFormat;
import dev.lakesetup.core.fleet.FleetMember;
import dev.lakesetup.core.fleet.FleetOutcome;
import dev.lakesetup.core.fleet.FleetReport;
import dev.lakesetup.core.fleet.FleetStatus;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.SchemaName;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.User;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FakeWorkspaceFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** FleetTasks' per-member options, the call gate on validation as the principal, and short report lines. */
class FleetTasksTest {
    private static final String WAREHOUSE = "wh1";
    private static final String ANALYST = "analyst@example.com";

    private static DatabricksWorkspace connect(FakeWorkspaceFleet.Member member,
            UnaryOperator<DatabricksWorkspace.Builder> more) {
        return more.apply(DatabricksWorkspace.builder().host(member.host()).plainHttpForTesting()
                .pat(member.adminToken()).warehouseId(WAREHOUSE)
                .callPolicy(CallPolicy.builder().rateLimitPerSecond(1000).concurrency(4).build())).build();
    }

    private static List<FleetMember<DatabricksWorkspace>> members(FakeWorkspaceFleet fakes, Fleet fleet) {
        return members(fakes, b -> b.callGate(fleet.callGate()));
    }

    private static List<FleetMember<DatabricksWorkspace>> members(FakeWorkspaceFleet fakes,
            UnaryOperator<DatabricksWorkspace.Builder> more) {
        return fakes.members().stream().map(m -> FleetMember.<DatabricksWorkspace>of(m.key(),
                () -> connect(m, more))).toList();
    }

    private static Blueprint readOnly() {
        return Blueprint.builder().grant(Grant.on(SchemaName.of("sales", "orders")).to(User.of(ANALYST))
                .privileges(List.of(Privilege.USE_SCHEMA))).build();
    }

    @Test
    void teardown_withARecordPerMember_revokesOnlyWhatEachMembersOwnRunGranted() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(2)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter").user(ANALYST)).start()) {
            fakes.members().forEach(m -> m.workspace().seedSchema("sales.orders"));
            // ws-001 held the grant before the setup ran: its record says the setup did not grant it
            fakes.member(0).workspace().seedGrant("schema", "sales.orders", ANALYST, "USE_SCHEMA");
            Fleet fleet = Fleet.builder().concurrency(4).build();
            Map<String, RunRecord> records = new ConcurrentHashMap<>();
            fleet.run(members(fakes, fleet), FleetTasks.of((lakesetup, ws) -> {
                Plan plan = lakesetup.plan(readOnly());
                records.put(ws.host(), RunRecord.of(plan, lakesetup.apply(plan)));
                return FleetOutcome.changed("recorded");
            }));
            List<String> asked = new CopyOnWriteArrayList<>();

            FleetReport removed = fleet.run(members(fakes, fleet), FleetTasks.teardown(ws -> readOnly(), ws -> {
                asked.add(ws.host());
                return TeardownOptions.defaults().record(records.get(ws.host()));
            }, ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed()));

            assertThat(asked).containsExactlyInAnyOrderElementsOf(records.keySet()).hasSize(2);
            assertThat(removed.line("ws-001").orElseThrow().status()).as(FleetFormat.TEXT.render(removed))
                    .isEqualTo(FleetStatus.OK);
            assertThat(removed.line("ws-002").orElseThrow().status()).isEqualTo(FleetStatus.CHANGED);
            assertThat(fakes.member(0).workspace().snapshot().grantsOn("schema", "sales.orders"))
                    .containsKey(ANALYST);
            assertThat(fakes.member(1).workspace().snapshot().grantsOn("schema", "sales.orders"))
                    .doesNotContainKey(ANALYST);
        }
    }

    @Test
    void verify_withOptionsPerMember_asksOncePerMemberWithItsOwnWorkspace() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(3)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter").user(ANALYST)).start()) {
            fakes.members().forEach(m -> m.workspace().seedSchema("sales.orders")
                    .seedGrant("schema", "sales.orders", ANALYST, "USE_SCHEMA"));
            Fleet fleet = Fleet.builder().concurrency(4).build();
            List<String> asked = new CopyOnWriteArrayList<>();

            FleetReport report = fleet.run(members(fakes, fleet), FleetTasks.verify(ws -> readOnly(), ws -> {
                asked.add(ws.host());
                return VerifyOptions.defaults().expiringWithin(Duration.ofDays(7));
            }));

            assertThat(report.count(FleetStatus.OK)).as(FleetFormat.TEXT.render(report)).isEqualTo(3);
            assertThat(asked).containsExactlyInAnyOrderElementsOf(
                    fakes.members().stream().map(FakeWorkspaceFleet.Member::host).toList());
        }
    }

    @Test
    void validate_asThePrincipalAcrossWorkspaces_staysWithinTheFleetsGateAtTheFakes() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(6).latency(Duration.ofMillis(5))
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter")).start()) {
            Map<String, OAuthCredentials> principals = new ConcurrentHashMap<>();
            Fleet fleet = Fleet.builder().concurrency(2).membersInFlight(6).build();
            for (FakeWorkspaceFleet.Member member : fakes.members()) {
                principals.put(member.host(), principalOf(member, connect(member, b -> b)));
            }
            fakes.resetRequests();

            FleetReport report = fleet.run(members(fakes, fleet), FleetTasks.validate(ws -> PrincipalValidator
                    .builder().host(ws.host()).warehouseId(WAREHOUSE).credentials(principals.get(ws.host()))
                    .showSchemasIn(CatalogName.of("sales")).transport(ValidationTransport.STATEMENT_API)
                    .plainHttpForTesting().build()));

            assertThat(report.count(FleetStatus.OK)).as(FleetFormat.TEXT.render(report)).isEqualTo(6);
            assertThat(fakes.totalRequests()).isGreaterThanOrEqualTo(12);
            assertThat(fakes.peakInFlight()).isLessThanOrEqualTo(2);
            assertThat(fleet.callGate().peakInFlight()).isEqualTo(2);
        }
    }

    @Test
    void validator_builtOnAWorkspaceWithAGate_takesThatGate() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(1)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter")).start()) {
            Fleet fleet = Fleet.builder().concurrency(1).build();
            DatabricksWorkspace ws = connect(fakes.member(0), b -> b.callGate(fleet.callGate()));
            OAuthCredentials principal = principalOf(fakes.member(0), connect(fakes.member(0), b -> b));

            ValidationReport report = PrincipalValidator.builder().host(ws.host()).warehouseId(WAREHOUSE)
                    .credentials(principal).adminWorkspace(ws).transport(ValidationTransport.STATEMENT_API)
                    .plainHttpForTesting().build().validate();

            assertThat(report.passed()).as(report.toString()).isTrue();
            assertThat(fleet.callGate().peakInFlight()).isEqualTo(1);
        }
    }

    @Test
    void run_whenAMembersWorkspaceLacksTheFleetsGate_failsItNamingTheMemberAndTheBuilderCall() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(2)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter")).start()) {
            Fleet fleet = Fleet.builder().concurrency(4).build();

            FleetReport report = fleet.run(members(fakes, b -> b), FleetTasks.plan(ws -> readOnly()));

            assertThat(report.count(FleetStatus.FAILED)).isEqualTo(2);
            assertThat(report.line("ws-001").orElseThrow().summary()).contains("fleet member 'ws-001'")
                    .contains("callGate(fleet.callGate())");
            assertThat(fakes.totalRequests()).isZero();
        }
    }

    @Test
    void applied_whenChangesFail_saysCountsAndTheFirstFailureOnly() {
        Plan plan = grantPlan();
        List<ChangeOutcome> outcomes = plan.actionableChanges().stream().map(c -> new ChangeOutcome(c,
                Outcome.FAILED, 1, Duration.ZERO, "PERMISSION_DENIED: " + "no ".repeat(400))).toList();

        FleetOutcome outcome = FleetTasks.applied(new ApplyReport(outcomes, Duration.ofMillis(3), false));

        assertThat(outcome.status()).isEqualTo(FleetStatus.FAILED);
        assertThat(outcome.summary()).startsWith("0 applied, 0 already done, " + outcomes.size()
                + " failed, 0 skipped; first failure: ").contains("PERMISSION_DENIED").hasSizeLessThanOrEqualTo(503)
                .endsWith("...").doesNotContain("Apply failed");
        assertThat(FleetTasks.applied(new ApplyReport(List.of(), Duration.ZERO, false)).summary())
                .isEqualTo("0 applied, 0 already done, 0 failed, 0 skipped");
    }

    private static Plan grantPlan() {
        try (FakeWorkspaceFleet fakes = FakeWorkspaceFleet.builder().workspaces(1)
                .each(ws -> ws.warehouse(WAREHOUSE, "Starter").user(ANALYST)).start()) {
            fakes.member(0).workspace().seedSchema("sales.orders");
            return FleetTasks.engine(connect(fakes.member(0), b -> b)).plan(readOnly());
        }
    }

    /** Seeds a principal that may use the warehouse and the catalog {@code sales}, and returns its credentials. */
    private static OAuthCredentials principalOf(FakeWorkspaceFleet.Member member, DatabricksWorkspace admin) {
        FakeWorkspace fake = member.workspace();
        fake.seedSchema("sales.orders");
        FakeWorkspace.SeededPrincipal sp = fake.seedServicePrincipal("validator");
        fake.seedGrant("catalog", "sales", sp.applicationId(), "USE CATALOG");
        admin.adminClient().warehouses().updatePermissions(new WarehousePermissionsRequest()
                .setWarehouseId(WAREHOUSE).setAccessControlList(List.of(new WarehouseAccessControlRequest()
                        .setServicePrincipalName(sp.applicationId())
                        .setPermissionLevel(WarehousePermissionLevel.CAN_USE))));
        return new OAuthCredentials(ApplicationId.of(sp.applicationId()), Secret.of(sp.secret()));
    }
}
