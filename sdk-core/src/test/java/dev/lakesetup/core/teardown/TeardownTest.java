package dev.lakesetup.core.teardown;

import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.MODIFY;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyOptions;
import dev.lakesetup.core.apply.ApplyRefusedException;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TeardownTest {
    static final Principal ANALYSTS = Principal.group("analysts");
    static final Securable SALES = Securable.catalog("sales");
    static final Securable PROFILES = Securable.catalog("profiles");

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time).deletable(OAuthSecret.class,
            WarehousePermission.class, WorkspaceServicePrincipal.class, Catalog.class);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();
    private final WorkspaceServicePrincipal principal = WorkspaceServicePrincipal.named("acme-graph")
            .entitlements(Entitlement.DATABRICKS_SQL_ACCESS);
    private final ServicePrincipal named = principal.principal();
    private final Blueprint blueprint = Blueprint.builder()
            .resource(principal)
            .resource(OAuthSecret.forPrincipal(named, sink::add))
            .resource(WarehousePermission.canUse("wh1", named))
            .resource(Catalog.named("profiles"))
            .grant(Grant.on(PROFILES).to(named).privileges(USE_CATALOG, CREATE_SCHEMA))
            .grant(Grant.on(SALES).to(named).privileges(USE_CATALOG, SELECT))
            .build();

    static ApplyOptions teardownOptions() {
        return ApplyOptions.defaults().withRevokesAllowed().withDeletesAllowed();
    }

    private ServicePrincipal created() {
        return Principal.servicePrincipal(InMemoryWorkspace.idFor("acme-graph"));
    }

    private RunRecord setUp() {
        Plan plan = lakesetup.plan(blueprint);
        ApplyReport report = lakesetup.apply(plan);
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        return RunRecord.of(plan, report, time.instant());
    }

    @Test
    void teardown_withRecord_revokesOnlyWhatTheSetupGrantedNew() {
        workspace.seedPrincipal("acme-graph", InMemoryWorkspace.idFor("acme-graph"));
        workspace.seedGrant(SALES, Principal.servicePrincipal(InMemoryWorkspace.idFor("acme-graph")),
                Set.of(USE_CATALOG));
        workspace.seedGrant(SALES, ANALYSTS, Set.of(USE_CATALOG, SELECT, MODIFY));
        RunRecord record = setUp();

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record));
        ApplyReport report = lakesetup.apply(plan, teardownOptions());

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.privileges(SALES, created())).containsExactly(USE_CATALOG);
        assertThat(workspace.privileges(PROFILES, created())).isEmpty();
        assertThat(workspace.privileges(SALES, ANALYSTS)).containsExactlyInAnyOrder(USE_CATALOG, SELECT, MODIFY);
        assertThat(plan.notes()).noneMatch(note -> note.contains("no record"));
    }

    @Test
    void teardown_withoutRecord_revokesEveryDeclaredPrivilegeHeldAndSaysWhy() {
        workspace.seedPrincipal("acme-graph", InMemoryWorkspace.idFor("acme-graph"));
        workspace.seedGrant(SALES, created(), Set.of(USE_CATALOG, MODIFY));
        setUp();

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults());

        GrantChange sales = (GrantChange) plan.change(GrantChange.idOf(Action.REVOKE, SALES)).orElseThrow();
        assertThat(sales.privileges()).extracting(PrincipalPrivileges::privileges)
                .containsExactly(Set.of(USE_CATALOG, SELECT));
        assertThat(plan.notes()).anyMatch(note -> note.contains("cannot tell"));
        assertThat(PlanFormat.TEXT.render(plan)).contains("cannot tell");
        assertThat(PlanFormat.JSON.render(plan)).contains("\"notes\"").contains("cannot tell");
        assertThat(PlanFormat.SQL.render(plan)).contains("-- note: no record");
    }

    @Test
    void teardown_byDefault_deletesThePrincipalsOwnObjectsAndLeavesNamedOnes() {
        setUp();

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults());

        assertThat(plan.changes()).allMatch(c -> c.action() == Action.REVOKE || c.action() == Action.DELETE);
        assertThat(ids(plan, Action.DELETE)).containsExactly("warehouse_permission:wh1/acme-graph",
                "oauth_secret:named:acme-graph");
        assertThat(plan.notes()).anyMatch(note -> note.startsWith("left in place, not named for deletion")
                && note.contains("catalog profiles") && note.contains("service principal named:acme-graph"));
    }

    @Test
    void teardown_whenPrincipalAndCatalogNamed_deletesThemLastInReverseSetupOrder() {
        setUp();

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().delete(principal)
                .delete(Catalog.named("profiles").id()));
        ApplyReport report = lakesetup.apply(plan, teardownOptions());

        List<String> order = plan.changes().stream().map(c -> c.id().value()).toList();
        assertThat(order.subList(0, 2)).allMatch(id -> id.startsWith("revoke:"));
        assertThat(order.indexOf("warehouse_permission:wh1/acme-graph"))
                .isLessThan(order.indexOf("service_principal:named:acme-graph"));
        assertThat(order.indexOf("oauth_secret:named:acme-graph"))
                .isLessThan(order.indexOf("service_principal:named:acme-graph"));
        assertThat(plan.change(ChangeId.of("service_principal:named:acme-graph")).orElseThrow().dependsOn())
                .contains(ChangeId.of("warehouse_permission:wh1/acme-graph"),
                        ChangeId.of("oauth_secret:named:acme-graph"), GrantChange.idOf(Action.REVOKE, SALES));
        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.object(principal.id())).isEmpty();
        assertThat(workspace.object(ResourceId.of("catalog", "profiles"))).isEmpty();
        assertThat(lakesetup.teardown(blueprint, TeardownOptions.defaults().delete(principal)).changes()).isEmpty();
    }

    @Test
    void teardown_whenPrincipalCameThroughTheAccount_removesItsWorkspaceAssignmentByDefault() {
        WorkspaceServicePrincipal account = WorkspaceServicePrincipal.named("acme-account").throughAccount();
        Blueprint onAccount = Blueprint.builder().resource(account)
                .grant(Grant.on(SALES).to(account.principal()).privileges(USE_CATALOG)).build();
        lakesetup.apply(lakesetup.plan(onAccount));

        Plan plan = lakesetup.teardown(onAccount, TeardownOptions.defaults());

        assertThat(ids(plan, Action.DELETE)).containsExactly("service_principal:named:acme-account");
        assertThat(PlanFormat.SQL.render(plan)).contains("permissionassignments/principals/{id} (the account "
                + "principal stays)");
    }

    @Test
    void teardown_whenRecordSaysAdopted_leavesTheResourceInPlace() {
        workspace.seed(Catalog.named("profiles"));
        RunRecord record = setUp();

        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().record(record)
                .delete(Catalog.named("profiles")));

        assertThat(plan.change(ChangeId.of("catalog:profiles"))).isEmpty();
        assertThat(plan.notes()).anyMatch(note -> note.contains("catalog profiles existed before"));
    }

    @Test
    void teardown_whenNoHandlerCanDelete_listsTheKindAsLeftInPlace() {
        InMemoryWorkspace plain = new InMemoryWorkspace(time);
        Lakesetup engine = Fixtures.lakesetup(plain, time).build();
        engine.apply(engine.plan(blueprint));

        Plan plan = engine.teardown(blueprint, TeardownOptions.defaults());

        assertThat(ids(plan, Action.DELETE)).isEmpty();
        assertThat(plan.notes()).anyMatch(note -> note.contains("left in place: oauth secret named:acme-graph, "
                + "because no registered executor can delete an oauth secret")
                || note.contains("left in place: oauth secret named:acme-graph, because no registered executor"));
    }

    @Test
    void teardown_whenNamedResourceIsNotDeclared_isRefused() {
        assertThatThrownBy(() -> lakesetup.teardown(blueprint, TeardownOptions.defaults()
                .delete(ResourceId.of("catalog", "other"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("catalog:other");
    }

    @Test
    void apply_whenTeardownPlanAndDeletesNotAllowed_refusesBeforeAnyChangeNamingTheOptions() {
        setUp();
        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults());
        int calls = workspace.calls().size();

        assertThatThrownBy(() -> lakesetup.apply(plan, ApplyOptions.defaults().withRevokesAllowed()))
                .isInstanceOf(ApplyRefusedException.class).hasMessageContaining("withDeletesAllowed()");
        assertThatThrownBy(() -> lakesetup.apply(plan, ApplyOptions.defaults().withDeletesAllowed()))
                .isInstanceOf(ApplyRefusedException.class).hasMessageContaining("withRevokesAllowed()")
                .hasMessageContaining("revoke:catalog:sales");
        assertThat(workspace.calls()).hasSize(calls);
    }

    @Test
    void render_teardownPlan_showsDeleteLines() {
        setUp();
        Plan plan = lakesetup.teardown(blueprint, TeardownOptions.defaults().delete(Catalog.named("profiles")));

        assertThat(PlanFormat.TEXT.render(plan)).contains("- oauth secret named:acme-graph  (delete)")
                .contains("- catalog profiles  (delete)").contains("- grants on catalog sales  (revoke)");
        assertThat(PlanFormat.SQL.render(plan)).contains("DROP CATALOG IF EXISTS `profiles` RESTRICT;")
                .doesNotContain("CASCADE")
                .contains("-- API: DELETE /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets/{secret_id}")
                .contains("REVOKE");
        assertThat(PlanFormat.JSON.render(plan)).contains("\"action\" : \"DELETE\"");
        assertThat(PlanFormat.TEXT.render(plan) + PlanFormat.JSON.render(plan) + PlanFormat.SQL.render(plan))
                .doesNotContain("TOPSECRET");
    }

    static List<String> ids(Plan plan, Action action) {
        return plan.changes().stream().filter(c -> c.action() == action).map(Change::id).map(ChangeId::value)
                .toList();
    }
}
