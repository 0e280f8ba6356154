package dev.lakesetup.core.plan;

import static dev.lakesetup.core.model.Privilege.ALL_PRIVILEGES;
import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static dev.lakesetup.core.testing.Fixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;

import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final ServicePrincipal sp = Principal.servicePrincipal(APP);

    private Change change(Plan plan, String id) {
        return plan.change(ChangeId.of(id)).orElseThrow(() -> new AssertionError("no change " + id + " in " + plan
                .changes()));
    }

    @Test
    void plan_whenNothingExists_createsResourcesAndGrants() {
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("sales").comment("bookkeeping"))
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, SELECT))
                .build();

        Plan plan = lakesetup.plan(blueprint);

        assertThat(change(plan, "catalog:sales").action()).isEqualTo(Action.CREATE);
        GrantChange grant = (GrantChange) change(plan, "grant:catalog:sales");
        assertThat(grant.action()).isEqualTo(Action.GRANT);
        assertThat(grant.privileges()).containsExactly(PrincipalPrivileges.of(sp, Set.of(USE_CATALOG, SELECT)));
        assertThat(grant.dependsOn()).containsExactly(ChangeId.of("catalog:sales"));
        assertThat(plan.summary().count(Action.CREATE)).isEqualTo(1);
        assertThat(plan.summary().count(Action.GRANT)).isEqualTo(1);
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void plan_whenLiveHasUndeclaredGrants_neverRevokes() {
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("admins"), Set.of(ALL_PRIVILEGES));
        workspace.seedGrant(Securable.catalog("sales"), sp, Set.of(USE_CATALOG, SELECT));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG)).build();

        Plan plan = lakesetup.plan(blueprint);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.changes()).extracting(Change::action).containsOnly(Action.NO_OP);
    }

    @Test
    void plan_whenSecurableExclusive_listsEveryRevoke() {
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("Analysts"), Set.of(SELECT, USE_CATALOG));
        workspace.seedGrant(Securable.catalog("sales"), sp, Set.of(USE_CATALOG, SELECT, CREATE_SCHEMA));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, SELECT))
                .exclusive(Securable.catalog("sales")).build();

        Plan plan = lakesetup.plan(blueprint);

        GrantChange revoke = (GrantChange) change(plan, "revoke:catalog:sales");
        assertThat(revoke.action()).isEqualTo(Action.REVOKE);
        assertThat(revoke.privileges()).containsExactlyInAnyOrder(
                PrincipalPrivileges.of(Principal.group("Analysts"), Set.of(USE_CATALOG, SELECT)),
                PrincipalPrivileges.of(sp, Set.of(CREATE_SCHEMA)));
        assertThat(revoke.privileges()).extracting(entry -> entry.principal().grantName())
                .contains("Analysts");
        assertThat(plan.summary().count(Action.REVOKE)).isEqualTo(1);
    }

    @Test
    void plan_whenExclusiveAndGrantMissing_revokeWaitsForGrant() {
        workspace.seedGrant(Securable.catalog("sales"), sp, Set.of(ALL_PRIVILEGES));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(Principal.group("readers")).privileges(SELECT))
                .exclusive(Securable.catalog("sales")).build();

        Plan plan = lakesetup.plan(blueprint);

        assertThat(change(plan, "revoke:catalog:sales").dependsOn()).containsExactly(ChangeId.of(
                "grant:catalog:sales"));
    }

    @Test
    void plan_whenObjectExistsWithSameSettings_isNoOp() {
        Catalog catalog = Catalog.named("sales").comment("bookkeeping");
        workspace.seed(catalog);

        Plan plan = lakesetup.plan(Blueprint.builder().resource(catalog).build());

        assertThat(change(plan, "catalog:sales").action()).isEqualTo(Action.NO_OP);
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void plan_whenMutableSettingDiffers_isUpdate() {
        workspace.seed(Catalog.named("sales").comment("old"));

        Plan plan = lakesetup.plan(Blueprint.builder().resource(Catalog.named("sales").comment("new")).build());

        ResourceChange update = (ResourceChange) change(plan, "catalog:sales");
        assertThat(update.action()).isEqualTo(Action.UPDATE);
        assertThat(update.details()).containsExactly("comment: old -> new");
    }

    @Test
    void plan_whenImmutableSettingDiffers_isConflict() {
        workspace.seed(ExternalLocation.named("landing", "abfss://a@acct.dfs.core.windows.net/x", "cred"));

        Plan plan = lakesetup.plan(Blueprint.builder()
                .resource(ExternalLocation.named("landing", "abfss://b@acct.dfs.core.windows.net/x", "cred")
                        .comment("new"))
                .build());

        ResourceChange conflict = (ResourceChange) change(plan, "external_location:landing");
        assertThat(conflict.action()).isEqualTo(Action.CONFLICT);
        assertThat(conflict.details()).contains("url: abfss://a@acct.dfs.core.windows.net/x -> "
                + "abfss://b@acct.dfs.core.windows.net/x (cannot change in place)");
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void plan_whenLivePrivilegesUseLegacyNamesOrOtherSpelling_normalisesThem() {
        workspace.seedGrant(Securable.catalog("sales"), sp, parsed(SecurableType.CATALOG, "usage", "select"));
        workspace.seedGrant(Securable.schema("sales", "eu"), sp, parsed(SecurableType.SCHEMA, "use_schema"));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, SELECT))
                .grant(Grant.on(Securable.schema("sales", "eu")).to(sp).privileges(USE_SCHEMA))
                .build();

        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    void plan_whenAllPrivilegesHeld_satisfiesAnyPrivilege() {
        workspace.seedGrant(Securable.catalog("sales"), sp, parsed(SecurableType.CATALOG, "all privileges"));
        Blueprint blueprint = Blueprint.builder()
                .grant(Grant.on(Securable.catalog("sales")).to(sp).privileges(USE_CATALOG, CREATE_SCHEMA, SELECT))
                .build();

        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    void plan_whenNamesDifferInCase_matchesThem() {
        workspace.seed(Catalog.named("sales"));
        workspace.seedGrant(Securable.catalog("sales"), Principal.group("data team"), Set.of(USE_CATALOG));
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("Sales"))
                .grant(Grant.on(Securable.catalog("SALES")).to(Principal.group("Data Team")).privileges(USE_CATALOG))
                .build();

        assertThat(lakesetup.plan(blueprint).isEmpty()).isTrue();
    }

    @Test
    void plan_whenGrantToPrincipalThePlanCreates_dependsOnItsCreation() {
        WorkspaceServicePrincipal created = WorkspaceServicePrincipal.named("segment-graph");
        Blueprint blueprint = Blueprint.builder()
                .resource(created)
                .grant(Grant.on(Securable.catalog("sales")).to(created.principal()).privileges(USE_CATALOG))
                .resource(WarehousePermission.canUse("abc123", created.principal()))
                .build();

        Plan plan = lakesetup.plan(blueprint);

        assertThat(change(plan, "grant:catalog:sales").dependsOn())
                .containsExactly(ChangeId.of("service_principal:named:segment-graph"));
        assertThat(change(plan, "warehouse_permission:abc123/segment-graph").dependsOn())
                .containsExactly(ChangeId.of("service_principal:named:segment-graph"));
        assertThat(plan.changes().indexOf(change(plan, "service_principal:named:segment-graph")))
                .isLessThan(plan.changes().indexOf(change(plan, "grant:catalog:sales")));
    }

    @Test
    void plan_whenNamedPrincipalAlreadyExists_usesItsApplicationId() {
        workspace.seed(WorkspaceServicePrincipal.named("segment-graph"));
        ServicePrincipal named = ServicePrincipal.named("segment-graph");
        workspace.seedGrant(Securable.catalog("sales"), Principal.servicePrincipal(
                InMemoryWorkspace.idFor("segment-graph")), Set.of(USE_CATALOG));
        Blueprint blueprint = Blueprint.builder()
                .resource(WorkspaceServicePrincipal.named("segment-graph"))
                .grant(Grant.on(Securable.catalog("sales")).to(named).privileges(USE_CATALOG, SELECT))
                .build();

        Plan plan = lakesetup.plan(blueprint);

        GrantChange grant = (GrantChange) change(plan, "grant:catalog:sales");
        assertThat(grant.privileges()).containsExactly(PrincipalPrivileges.of(
                Principal.servicePrincipal(InMemoryWorkspace.idFor("segment-graph")), Set.of(SELECT)));
        assertThat(plan.resolvedPrincipals()).containsEntry(named, InMemoryWorkspace.idFor("segment-graph"));
    }

    @Test
    void plan_whenPrincipalHasSecret_isNoOpUnlessRotating() {
        OAuthSecret secret = OAuthSecret.forPrincipal(sp, credentials -> { });
        workspace.seed(secret);

        assertThat(change(lakesetup.plan(Blueprint.builder().resource(secret).build()), "oauth_secret:" + APP)
                .action()).isEqualTo(Action.NO_OP);
        assertThat(change(lakesetup.plan(Blueprint.builder().resource(secret.rotate()).build()),
                "oauth_secret:" + APP).action()).isEqualTo(Action.CREATE);
    }

    @Test
    void plan_whenHigherWarehouseLevelHeld_isSatisfied() {
        WarehousePermission permission = WarehousePermission.canUse("abc123", sp);
        workspace.seed(new WarehousePermission("abc123", sp, WarehousePermission.Level.CAN_MANAGE));

        assertThat(lakesetup.plan(Blueprint.builder().resource(permission).build()).isEmpty()).isTrue();
    }

    @Test
    void plan_whenLowerWarehouseLevelHeld_isUpdate() {
        WarehousePermission permission = WarehousePermission.canUse("abc123", sp);
        workspace.seed(new WarehousePermission("abc123", sp, WarehousePermission.Level.CAN_VIEW));

        Plan plan = lakesetup.plan(Blueprint.builder().resource(permission).build());

        assertThat(plan.changes()).singleElement().extracting(Change::action).isEqualTo(Action.UPDATE);
    }

    @Test
    void plan_whenEntitlementMissing_updatesOnlyTheMissingMember() {
        WorkspaceServicePrincipal declared = WorkspaceServicePrincipal.ofApplication(APP, "vendor")
                .entitlements(Entitlement.WORKSPACE_ACCESS, Entitlement.DATABRICKS_SQL_ACCESS);
        workspace.seed(WorkspaceServicePrincipal.ofApplication(APP, "vendor")
                .entitlements(Entitlement.WORKSPACE_ACCESS, Entitlement.ALLOW_CLUSTER_CREATE));

        ResourceChange update = (ResourceChange) lakesetup.plan(Blueprint.builder().resource(declared).build())
                .changes().get(0);

        assertThat(update.action()).isEqualTo(Action.UPDATE);
        assertThat(update.settings()).singleElement().satisfies(setting ->
                assertThat(setting.missing()).containsExactly("databricks-sql-access"));
    }

    @Test
    void plan_givesStableIdsAcrossRuns() {
        Blueprint blueprint = Blueprint.builder().resource(Schema.named("a", "s")).resource(Catalog.named("a"))
                .grant(Grant.on(Securable.schema("a", "s")).to(sp).privileges(USE_SCHEMA)).build();

        assertThat(lakesetup.plan(blueprint).changes()).extracting(Change::id)
                .isEqualTo(lakesetup.plan(blueprint).changes().stream().map(Change::id).toList())
                .containsExactly(ChangeId.of("catalog:a"), ChangeId.of("schema:a.s"), ChangeId.of("grant:schema:a.s"));
    }

    @Test
    void plan_whenManyGrants_staysFast() {
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < 4000; i++) {
            Securable catalog = Securable.catalog("c" + i);
            for (int p = 0; p < 5; p++) {
                Principal group = Principal.group("g" + p);
                builder.grant(Grant.on(catalog).to(group).privileges(USE_CATALOG, SELECT));
                workspace.seedGrant(catalog, group, Set.of(USE_CATALOG));
            }
        }
        Blueprint blueprint = builder.build();

        long start = System.nanoTime();
        Plan plan = lakesetup.plan(blueprint);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(plan.summary().count(Action.GRANT)).isEqualTo(4000);
        assertThat(millis).as("planning 20000 grants").isLessThan(5000);
    }

}
