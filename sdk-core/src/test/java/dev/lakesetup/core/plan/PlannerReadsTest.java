package dev.lakesetup.core.plan;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.SecurableType;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;

import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How planning reads: once per handler and grant store, in batches the executor chooses, in parallel up to the
 * concurrency, each batch retried on its own, and only after checking that every declared kind has a handler.
 */
class PlannerReadsTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final ServicePrincipal sp = Principal.servicePrincipal(APP);

    private Change change(Plan plan, String id) {
        return plan.change(ChangeId.of(id)).orElseThrow(() -> new AssertionError("no change " + id + " in " + plan
                .changes()));
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
                    othersStarted.await(10, TimeUnit.SECONDS);
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
                    throw dev.lakesetup.core.exception.ServiceException.builder(
                            dev.lakesetup.core.exception.ServiceException.Failure.TRANSIENT, "reset").build();
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
                allStarted.await(10, TimeUnit.SECONDS);
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
