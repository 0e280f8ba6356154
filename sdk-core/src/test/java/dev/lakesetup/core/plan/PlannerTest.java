package dev.lakesetup.core.plan;

import static dev.lakesetup.core.model.Privilege.ALL_PRIVILEGES;
import static dev.lakesetup.core.model.Privilege.CREATE_SCHEMA;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static dev.lakesetup.core.testing.Fixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.LakesetupException;
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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    void plan_readsInBulkOncePerHandlerAndStore() {
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("a")).resource(Catalog.named("b")).resource(Schema.named("a", "s"))
                .grant(Grant.on(Securable.catalog("a")).to(sp).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.catalog("b")).to(sp).privileges(USE_CATALOG))
                .build();

        lakesetup.plan(blueprint);

        // one call for the catalogs, one for the schemas, one for all grants
        assertThat(workspace.readResourcesCalls()).isEqualTo(2);
        assertThat(workspace.readGrantsCalls()).isEqualTo(1);
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
    void plan_whenNoExecutorHandlesSomeKinds_failsNamingEveryOneBeforeReading() {
        InMemoryWorkspace picky = new InMemoryWorkspace(time) {
            @Override
            protected List<Class<? extends dev.lakesetup.core.model.Resource>> kinds() {
                return List.of(Schema.class);
            }
        };
        Lakesetup only = Fixtures.lakesetup(picky, time).build();
        Blueprint blueprint = Blueprint.builder().resource(Catalog.named("a")).resource(Schema.named("a", "s"))
                .resource(WorkspaceServicePrincipal.named("vendor")).resource(Catalog.named("b")).build();

        assertThatThrownBy(() -> only.plan(blueprint)).isInstanceOf(LakesetupException.class)
                .hasMessage("no registered executor handles resources of kind catalog, resources of kind "
                        + "service_principal; registered: [in-memory]");
        assertThat(picky.readResourcesCalls()).isZero();
        assertThat(picky.readGrantsCalls()).isZero();
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

    private static Blueprint grantsOnCatalogs(ServicePrincipal principal, int count) {
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < count; i++) {
            builder.grant(Grant.on(Securable.catalog("c" + i)).to(principal).privileges(USE_CATALOG));
        }
        return builder.build();
    }

    @Test
    void plan_whenExecutorReadsInBatches_makesOneCallPerBatchAndTheSamePlan() {
        for (int i = 0; i < 10; i += 2) {
            workspace.seedGrant(Securable.catalog("c" + i), sp, Set.of(USE_CATALOG));
        }
        Blueprint blueprint = grantsOnCatalogs(sp, 10);
        List<Change> bulk = lakesetup.plan(blueprint).changes();
        int bulkCalls = workspace.readGrantsCalls();

        workspace.readBatchSize(3);
        List<Change> batched = lakesetup.plan(blueprint).changes();
        int batchedCalls = workspace.readGrantsCalls() - bulkCalls;
        workspace.readBatchSize(1);
        List<Change> single = lakesetup.plan(blueprint).changes();
        int singleCalls = workspace.readGrantsCalls() - bulkCalls - batchedCalls;

        assertThat(bulkCalls).isEqualTo(1);
        assertThat(batchedCalls).isEqualTo(4);
        assertThat(singleCalls).isEqualTo(10);
        assertThat(batched).isEqualTo(bulk);
        assertThat(single).isEqualTo(bulk);
        assertThat(bulk).filteredOn(change -> change.action() == Action.GRANT).hasSize(5);
    }

    @Test
    void plan_whenExecutorReadsOneAtATime_runsTheReadsInParallelUpToTheConcurrency() {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch othersStarted = new CountDownLatch(4);
        workspace.readBatchSize(1).onReadGrants(securables -> {
            String name = securables.iterator().next().fullName();
            log.add("start " + name);
            if (!name.equals("c0")) {
                othersStarted.countDown();
                try {
                    othersStarted.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            log.add("end " + name);
        });
        Lakesetup four = lakesetup.toBuilder().concurrency(4).build();

        four.plan(grantsOnCatalogs(sp, 13));

        // no read runs alone first: the engine keeps no state between plans and gives no call special treatment
        assertThat(log).hasSize(26);
        assertThat(othersStarted.getCount()).isZero();
        assertThat(workspace.maxReadsInFlight()).isEqualTo(4);
    }

    @Test
    void plan_whenOneBatchFailsTransiently_retriesThatBatch() {
        int[] calls = {0};
        workspace.readBatchSize(1).onReadGrants(securables -> {
            synchronized (calls) {
                if (securables.contains(Securable.catalog("c3")) && calls[0]++ == 0) {
                    throw dev.lakesetup.core.ServiceException.builder(
                            dev.lakesetup.core.ServiceException.Failure.TRANSIENT, "reset").build();
                }
            }
        });
        workspace.seedGrant(Securable.catalog("c3"), sp, Set.of(USE_CATALOG));

        Plan plan = lakesetup.plan(grantsOnCatalogs(sp, 5));

        assertThat(workspace.readGrantsCalls()).isEqualTo(6);
        assertThat(change(plan, "grant:catalog:c3").action()).isEqualTo(Action.NO_OP);
        assertThat(plan.summary().count(Action.GRANT)).isEqualTo(4);
    }

    @Test
    void plan_whenPlannedBefore_runsAllReadsAtOnceAgain() {
        Lakesetup four = lakesetup.toBuilder().concurrency(4).build();
        workspace.readBatchSize(1);
        four.plan(grantsOnCatalogs(sp, 4));
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch allStarted = new CountDownLatch(4);
        workspace.onReadGrants(securables -> {
            log.add("start " + securables.iterator().next().fullName());
            allStarted.countDown();
            try {
                allStarted.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add("end");
        });

        four.plan(grantsOnCatalogs(sp, 4));

        assertThat(allStarted.getCount()).isZero();
        assertThat(log.subList(0, 4)).allMatch(entry -> entry.startsWith("start "));
    }

    @Test
    void plan_whenGrantsOnSeveralTypes_readsEachTypeInCallsOfItsOwn() {
        List<Set<SecurableType>> typesPerCall = new CopyOnWriteArrayList<>();
        workspace.onReadGrants(securables -> {
            Set<SecurableType> types = new java.util.HashSet<>();
            securables.forEach(securable -> types.add(securable.type()));
            typesPerCall.add(types);
        });
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < 3; i++) {
            builder.grant(Grant.on(Securable.catalog("c" + i)).to(sp).privileges(USE_CATALOG));
            builder.grant(Grant.on(Securable.schema("c" + i, "s")).to(sp).privileges(USE_SCHEMA));
        }

        Plan plan = lakesetup.plan(builder.build());

        assertThat(typesPerCall).containsExactlyInAnyOrder(Set.of(SecurableType.CATALOG), Set.of(SecurableType.SCHEMA));
        assertThat(plan.summary().count(Action.GRANT)).isEqualTo(6);
    }
}
