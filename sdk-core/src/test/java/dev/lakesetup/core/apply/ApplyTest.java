package dev.lakesetup.core.apply;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Entitlement;
import dev.lakesetup.core.model.ExternalLocation;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Schema;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import dev.lakesetup.core.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApplyTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final RecordingListener events = new RecordingListener();
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time, events).build();
    private final ServicePrincipal sp = Principal.servicePrincipal(APP);

    private static ChangeId id(String value) {
        return ChangeId.of(value);
    }

    private Blueprint dataGraphLike(List<OAuthCredentials> sink) {
        WorkspaceServicePrincipal principal = WorkspaceServicePrincipal.named("segment-graph")
                .entitlements(Entitlement.DATABRICKS_SQL_ACCESS);
        ServicePrincipal named = principal.principal();
        return Blueprint.builder()
                .resource(principal)
                .resource(OAuthSecret.forPrincipal(named, sink::add))
                .resource(WarehousePermission.canUse("abc123", named))
                .resource(Catalog.named("profiles").comment("bookkeeping"))
                .resource(Schema.named("profiles", "sync"))
                .grant(Grant.on(Securable.catalog("profiles")).to(named).privileges(USE_CATALOG))
                .grant(Grant.on(Securable.schema("profiles", "sync")).to(named).privileges(USE_SCHEMA, SELECT))
                .grant(Grant.on(Securable.catalog("sales")).to(named).privileges(USE_CATALOG, SELECT))
                .build();
    }

    @Test
    void apply_thenPlanAgain_isEmpty() {
        List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();
        Blueprint blueprint = dataGraphLike(sink);

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));
        Plan again = lakesetup.plan(blueprint);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(again.isEmpty()).as(PlanFormat.TEXT.render(again)).isTrue();
        assertThat(workspace.privileges(Securable.catalog("sales"),
                Principal.servicePrincipal(InMemoryWorkspace.idFor("segment-graph")))).containsExactly(USE_CATALOG,
                SELECT);
        assertThat(lakesetup.apply(again).summary().get(Outcome.APPLIED)).isZero();
        assertThat(workspace.secretsIssued()).isEqualTo(1);
    }

    @Test
    void apply_whenPrincipalCreatedInSamePlan_grantsUseItsApplicationId() {
        List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();

        lakesetup.apply(lakesetup.plan(dataGraphLike(sink)));

        assertThat(sink).singleElement().satisfies(credentials -> {
            assertThat(credentials.clientId()).isEqualTo(InMemoryWorkspace.idFor("segment-graph"));
            assertThat(credentials.secret().reveal()).startsWith("TOPSECRET-");
        });
        List<ChangeId> order = workspace.appliedIds();
        assertThat(order.indexOf(id("service_principal:named:segment-graph")))
                .isLessThan(order.indexOf(id("grant:catalog:sales")))
                .isLessThan(order.indexOf(id("oauth_secret:named:segment-graph")));
    }

    @Test
    void apply_neverShowsTheSecretInReportOrEvents() {
        List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();
        Plan plan = lakesetup.plan(dataGraphLike(sink));

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.toString() + report.outcomes() + events.events() + PlanFormat.TEXT.render(plan)
                + PlanFormat.JSON.render(plan) + PlanFormat.SQL.render(plan)).doesNotContain("TOPSECRET");
    }

    @Test
    void apply_runsChangesInDependencyOrder() {
        Blueprint blueprint = Blueprint.builder()
                .resource(Schema.named("c", "s")).resource(Catalog.named("c"))
                .grant(Grant.on(Securable.schema("c", "s")).to(sp).privileges(USE_SCHEMA)).build();

        lakesetup.apply(lakesetup.plan(blueprint));

        assertThat(workspace.appliedIds()).containsExactly(id("catalog:c"), id("schema:c.s"),
                id("grant:schema:c.s"));
    }

    @Test
    void apply_whenChangeFails_skipsDependentsAndContinuesIndependentBranches() {
        workspace.failNext(id("catalog:a"), ServiceException.builder(Failure.FATAL, "permission denied")
                .status(403).errorCode("PERMISSION_DENIED").requestId("req-1").build());
        Blueprint blueprint = Blueprint.builder()
                .resource(Catalog.named("a")).resource(Schema.named("a", "s")).resource(Catalog.named("b"))
                .grant(Grant.on(Securable.schema("a", "s")).to(sp).privileges(USE_SCHEMA))
                .grant(Grant.on(Securable.catalog("b")).to(sp).privileges(USE_CATALOG))
                .build();

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint));

        ChangeOutcome failed = report.outcome(id("catalog:a")).orElseThrow();
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("FATAL", "403", "PERMISSION_DENIED", "req-1", "permission denied");
        assertThat(report.outcome(id("schema:a.s")).orElseThrow().outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.outcome(id("schema:a.s")).orElseThrow().reason()).contains("catalog:a", "failed");
        assertThat(report.outcome(id("grant:schema:a.s")).orElseThrow().outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.outcome(id("catalog:b")).orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.outcome(id("grant:catalog:b")).orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.isSuccess()).isFalse();
        assertThat(report.summary()).containsEntry(Outcome.FAILED, 1).containsEntry(Outcome.SKIPPED, 2)
                .containsEntry(Outcome.APPLIED, 2);
        assertThat(workspace.appliedIds()).doesNotContain(id("schema:a.s"), id("grant:schema:a.s"));
    }

    @Test
    void apply_whenPlanHasRevokes_refusesUnlessAllowed() {
        workspace.seedGrant(Securable.catalog("a"), Principal.group("old"), Set.of(SELECT));
        Plan plan = lakesetup.plan(Blueprint.builder().exclusive(Securable.catalog("a")).build());

        assertThatThrownBy(() -> lakesetup.apply(plan)).isInstanceOf(ApplyRefusedException.class)
                .hasMessageContaining("revoke:catalog:a").hasMessageContaining("withRevokesAllowed");
        assertThat(workspace.calls()).isEmpty();

        ApplyReport report = lakesetup.apply(plan, ApplyOptions.defaults().withRevokesAllowed());
        assertThat(report.isSuccess()).isTrue();
        assertThat(workspace.privileges(Securable.catalog("a"), Principal.group("old"))).isEmpty();
    }

    @Test
    void apply_whenPlanHasConflicts_refusesUnlessAllowed_andThenLeavesTheObject() {
        workspace.seed(ExternalLocation.named("landing", "abfss://a@acct.dfs.core.windows.net/x", "cred"));
        Plan plan = lakesetup.plan(Blueprint.builder()
                .resource(ExternalLocation.named("landing", "abfss://b@acct.dfs.core.windows.net/x", "cred"))
                .resource(Catalog.named("other")).build());

        assertThatThrownBy(() -> lakesetup.apply(plan)).isInstanceOf(ApplyRefusedException.class)
                .hasMessageContaining("external_location:landing");
        assertThat(workspace.calls()).isEmpty();

        ApplyReport report = lakesetup.apply(plan, ApplyOptions.defaults().withConflictsAllowed());
        assertThat(report.outcome(id("external_location:landing")).orElseThrow().outcome())
                .isEqualTo(Outcome.SKIPPED);
        assertThat(report.outcome(id("catalog:other")).orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(workspace.appliedIds()).containsExactly(id("catalog:other"));
    }

    @Test
    void apply_neverRunsMoreThanConcurrencyAtOnce() {
        int concurrency = 4;
        CountDownLatch gate = new CountDownLatch(concurrency);
        workspace.onApply(change -> {
            gate.countDown();
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < 40; i++) {
            builder.resource(Catalog.named("c" + i));
        }
        Lakesetup bounded = lakesetup.toBuilder().concurrency(concurrency).build();

        ApplyReport report = bounded.apply(bounded.plan(builder.build()));

        assertThat(report.isSuccess()).isTrue();
        assertThat(workspace.maxInFlight()).isEqualTo(concurrency);
    }

    @Test
    void apply_takesNoRateLimitPermits_theConnectionsTransportDoes() {
        // the rate limit per request moved to the connection (CallPolicy.rateLimiter(), see RateLimiterTest): the
        // engine itself never waits between calls that do not fail
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < 45; i++) {
            builder.resource(Catalog.named("c" + i));
        }
        Lakesetup serial = lakesetup.toBuilder().concurrency(1).build();
        Plan plan = serial.plan(builder.build());

        serial.apply(plan);

        assertThat(workspace.applyTimes()).hasSize(45);
        assertThat(time.nonZeroSleeps()).isEmpty();
    }

    @Test
    void apply_whenInterrupted_stopsNewWorkAndReportsWhatRan() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        workspace.onApply(change -> {
            if (change.id().equals(id("catalog:c0")) && running.getCount() > 0) {
                running.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw ServiceException.builder(Failure.TRANSIENT, "call interrupted").build();
                }
            }
        });
        Blueprint.Builder builder = Blueprint.builder();
        for (int i = 0; i < 10; i++) {
            builder.resource(Catalog.named("c" + i));
        }
        Lakesetup serial = lakesetup.toBuilder().concurrency(1).build();
        Plan plan = serial.plan(builder.build());
        AtomicReference<ApplyReport> result = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            result.set(serial.apply(plan));
            flag.set(Thread.currentThread().isInterrupted());
        });

        caller.start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5000);

        ApplyReport report = result.get();
        assertThat(report).isNotNull();
        assertThat(report.interrupted()).isTrue();
        assertThat(flag.get()).isTrue();
        assertThat(report.outcome(id("catalog:c0")).orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(report.outcomes()).filteredOn(o -> o.outcome() == Outcome.SKIPPED).hasSize(9)
                .allSatisfy(o -> assertThat(o.reason()).contains("interrupted"));
        assertThat(workspace.calls()).containsExactly("apply catalog:c0");
        assertThat(events.events()).last().isEqualTo("finished");
    }

    @Test
    void apply_reportsEachChangeAndEmitsEvents() {
        workspace.failNext(id("catalog:a"), ServiceException.builder(Failure.THROTTLED, "slow down").status(429)
                .retryAfter(Duration.ofSeconds(3)).build());
        workspace.seed(Catalog.named("b"));
        Plan plan = lakesetup.plan(Blueprint.builder().resource(Catalog.named("a")).resource(Catalog.named("b"))
                .build());

        ApplyReport report = lakesetup.apply(plan);

        ChangeOutcome a = report.outcome(id("catalog:a")).orElseThrow();
        assertThat(a.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(a.duration()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(3).plusMillis(1));
        assertThat(a.reason()).isEmpty();
        ChangeOutcome b = report.outcome(id("catalog:b")).orElseThrow();
        assertThat(b.outcome()).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(b.attempts()).isZero();
        assertThat(report.summary()).containsEntry(Outcome.APPLIED, 1).containsEntry(Outcome.ALREADY_DONE, 1);
        assertThat(report.toString()).contains("succeeded", "1 applied", "1 already done");
        assertThat(events.events()).hasSize(6).startsWith("planned 2").endsWith("finished")
                .containsSubsequence("started catalog:a", "retrying catalog:a after attempt 1 in 3000 ms",
                        "done catalog:a APPLIED")
                .contains("done catalog:b ALREADY_DONE");
        assertThat(events.report()).isEqualTo(report);
    }

    @Test
    void apply_whenSecretSinkFails_failsTheChangeWithoutShowingTheSecret() {
        OAuthSecret secret = OAuthSecret.forPrincipal(sp, credentials -> {
            throw new IllegalStateException("vault down " + credentials.secret().reveal());
        });

        ApplyReport report = lakesetup.apply(lakesetup.plan(Blueprint.builder().resource(secret).build()));

        ChangeOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.reason()).contains("secret sink").doesNotContain("TOPSECRET");
    }

    @Test
    void apply_whenPlanIsEmpty_callsNoExecutor() {
        workspace.seed(Catalog.named("a"));
        Plan plan = lakesetup.plan(Blueprint.builder().resource(Catalog.named("a")).build());

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).isTrue();
        assertThat(workspace.calls()).isEmpty();
        assertThat(plan.summary().count(Action.NO_OP)).isEqualTo(1);
    }
}
