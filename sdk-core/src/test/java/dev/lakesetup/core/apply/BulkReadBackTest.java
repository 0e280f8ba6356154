package dev.lakesetup.core.apply;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.GrantChange;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.plan.PrincipalPrivileges;
import dev.lakesetup.core.plan.ResourceChange;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import dev.lakesetup.core.testing.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Grant changes confirmed by bulk read-backs: written grants nothing depends on are read back together, a few
 * securables per call, re-reading only the ones still missing.
 */
class BulkReadBackTest {
    private final FakeTime time = new FakeTime();
    private final Workspace workspace = new Workspace(time);
    private final RecordingListener events = new RecordingListener();
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time, events).build();
    private final ServicePrincipal sp = Principal.servicePrincipal(APP);

    /** An in-memory workspace that records what each grants read asked for and can hide one securable's grants. */
    private static final class Workspace extends InMemoryWorkspace {
        private final List<List<Securable>> grantReads = new CopyOnWriteArrayList<>();
        private final Map<Securable, AtomicInteger> hidden = new HashMap<>();

        Workspace(FakeTime time) {
            super(time);
        }

        /** Makes the next {@code reads} grants reads not show the grants on a securable. */
        void hide(Securable securable, int reads) {
            hidden.put(securable, new AtomicInteger(reads));
        }

        List<List<Securable>> grantReads() {
            return List.copyOf(grantReads);
        }

        @Override
        public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                ExecutionContext context) {
            grantReads.add(List.copyOf(securables));
            Map<Securable, List<PrincipalPrivileges>> found = new HashMap<>(super.readGrants(securables, context));
            hidden.forEach((securable, reads) -> {
                if (securables.contains(securable) && reads.getAndDecrement() > 0) {
                    found.remove(securable);
                }
            });
            return found;
        }
    }

    private static Securable catalog(int i) {
        return Securable.catalog("c" + i);
    }

    private static ChangeId grantId(int i) {
        return ChangeId.of("grant:catalog:c" + i);
    }

    private Plan planGrants(int count) {
        Blueprint.Builder blueprint = Blueprint.builder();
        for (int i = 0; i < count; i++) {
            blueprint.grant(Grant.on(catalog(i)).to(sp).privileges(USE_CATALOG));
        }
        Plan plan = lakesetup.plan(blueprint.build());
        workspace.grantReads.clear();
        return plan;
    }

    @Test
    void apply_whenIndependentGrantsNeedReadBack_readsThemBackInBatchesNotOneByOne() {
        workspace.readBatchSize(3);
        Plan plan = planGrants(7);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(report.outcomes()).extracting(ChangeOutcome::outcome).containsOnly(Outcome.APPLIED);
        assertThat(workspace.calls()).hasSize(7);
        assertThat(workspace.grantReads()).as("ceil(7 / 3) read calls, batched in plan order")
                .containsExactlyInAnyOrder(List.of(catalog(0), catalog(1), catalog(2)),
                        List.of(catalog(3), catalog(4), catalog(5)), List.of(catalog(6)));
        assertThat(time.nonZeroSleeps()).isEmpty();
    }

    @Test
    void apply_whenReaderAnswersInBulk_readsEveryWrittenGrantBackInOneCall() {
        Plan plan = planGrants(20);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.calls()).hasSize(20);
        assertThat(workspace.grantReads()).hasSize(1);
        assertThat(workspace.grantReads().get(0)).hasSize(20);
    }

    @Test
    void apply_whenDeferredGrantsAreConfirmed_reportsThemDoneOnlyAfterTheReadBack() {
        Plan plan = planGrants(3);
        List<List<String>> eventsAtReadBack = new CopyOnWriteArrayList<>();
        workspace.onReadGrants(securables -> eventsAtReadBack.add(events.events()));

        ApplyReport report = lakesetup.apply(plan);

        assertThat(eventsAtReadBack).hasSize(1);
        assertThat(eventsAtReadBack.get(0)).as("all written, none reported yet")
                .filteredOn(e -> e.startsWith("started")).hasSize(3);
        assertThat(eventsAtReadBack.get(0)).noneMatch(e -> e.startsWith("done") || e.startsWith("failed"));
        assertThat(events.events()).contains("done grant:catalog:c0 APPLIED", "done grant:catalog:c1 APPLIED",
                "done grant:catalog:c2 APPLIED").last().isEqualTo("finished");
        assertThat(report.outcomes()).extracting(o -> o.change().id())
                .containsExactly(grantId(0), grantId(1), grantId(2));
    }

    @Test
    void apply_whenOneGrantShowsLate_pollsOnlyThatOneUntilItShows() {
        Plan plan = planGrants(5);
        workspace.hide(catalog(2), 2);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.grantReads()).hasSize(3);
        assertThat(workspace.grantReads().get(0)).hasSize(5);
        assertThat(workspace.grantReads().subList(1, 3)).containsOnly(List.of(catalog(2)));
        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void apply_whenOneGrantNeverShows_failsItNamingWhatIsMissingAndAppliesTheOthers() {
        Plan plan = planGrants(4);
        workspace.hide(catalog(1), 100);

        ApplyReport report = lakesetup.apply(plan);

        ChangeOutcome missing = report.outcome(grantId(1)).orElseThrow();
        assertThat(missing.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(missing.attempts()).isEqualTo(1);
        assertThat(missing.reason()).contains("grants on c1 were applied but not visible after 5 read-backs",
                "missing", "USE CATALOG");
        assertThat(report.outcomes()).filteredOn(o -> o.outcome() == Outcome.APPLIED).hasSize(3);
        assertThat(workspace.grantReads()).hasSize(5);
        assertThat(workspace.grantReads().subList(1, 5)).containsOnly(List.of(catalog(1)));
        assertThat(events.events()).contains("failed grant:catalog:c1 FAILED");
    }

    @Test
    void apply_whenReadingOneAnswerFailsMidRound_decidesEveryGrantOnceKeepingThoseAlreadyConfirmed() {
        Plan plan = planGrants(3);
        dev.lakesetup.core.spi.Executor broken = new dev.lakesetup.core.testing.InterceptingExecutor(workspace) {
            @Override
            public Map<Securable, List<PrincipalPrivileges>> readGrants(Collection<? extends Securable> securables,
                    ExecutionContext context) {
                Map<Securable, List<PrincipalPrivileges>> answer = workspace.readGrants(securables, context);
                // an executor whose answer breaks on the second securable it is asked about
                return new HashMap<>(answer) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public List<PrincipalPrivileges> getOrDefault(Object key, List<PrincipalPrivileges> fallback) {
                        if (catalog(1).equals(key)) {
                            throw new IllegalStateException("malformed answer for c1");
                        }
                        return super.getOrDefault(key, fallback);
                    }
                };
            }
        };
        Lakesetup withBrokenReads = Lakesetup.builder().executor(broken).clock(time).sleeper(time)
                .retryPolicy(Fixtures.exactPolicy()).listener(events).build();

        ApplyReport report = withBrokenReads.apply(plan);

        assertThat(report.outcome(grantId(0)).orElseThrow().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.outcome(grantId(1)).orElseThrow().reason())
                .isEqualTo("applied, but reading the grants back failed: malformed answer for c1");
        assertThat(report.outcome(grantId(2)).orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(events.events()).filteredOn(e -> e.matches(".* grant:catalog:c0( .*)?"))
                .containsExactly("started grant:catalog:c0", "done grant:catalog:c0 APPLIED");
    }

    @Test
    void apply_whenDeferredReadBackFailsForGood_failsEveryGrantOfThatStoreSayingTheWriteWasMade() {
        workspace.readBatchSize(2);
        Plan plan = planGrants(3);
        workspace.onReadGrants(securables -> {
            if (securables.contains(catalog(2))) {
                throw ServiceException.builder(Failure.FATAL, "no access to information_schema")
                        .errorCode("PERMISSION_DENIED").build();
            }
        });

        ApplyReport report = lakesetup.apply(plan);

        // the store reads its batches in one fan-out: a batch that fails for good fails the store's read back
        for (int i = 0; i < 3; i++) {
            ChangeOutcome failed = report.outcome(grantId(i)).orElseThrow();
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.reason()).startsWith("applied, but reading the grants back failed: FATAL")
                    .contains("PERMISSION_DENIED");
        }
        assertThat(workspace.grantReads()).isNotEmpty();
    }

    @Test
    void apply_whenAChangeDependsOnAGrant_confirmsTheGrantBeforeTheDependentStarts() {
        GrantChange grant = new GrantChange(GrantChange.idOf(Action.GRANT, catalog(0)), Action.GRANT, catalog(0),
                List.of(new PrincipalPrivileges(sp, Set.of(USE_CATALOG, SELECT))), Set.of());
        ResourceChange dependent = ResourceChange.create(Catalog.named("after"), Set.of(grant.id()));
        GrantChange independent = new GrantChange(GrantChange.idOf(Action.GRANT, catalog(1)), Action.GRANT,
                catalog(1), List.of(new PrincipalPrivileges(sp, Set.of(USE_CATALOG))), Set.of());
        workspace.hide(catalog(0), 1);
        List<Integer> readsBeforeDependent = new ArrayList<>();
        workspace.onApply(change -> {
            if (change.id().equals(dependent.id())) {
                readsBeforeDependent.add(workspace.grantReads().size());
            }
        });

        ApplyReport report = lakesetup.toBuilder().concurrency(1).build()
                .apply(Plan.of(List.of(grant, dependent, independent)));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(readsBeforeDependent).as("the grant was read back, polling once, before the dependent")
                .containsExactly(2);
        assertThat(workspace.grantReads()).containsExactly(List.of(catalog(0)), List.of(catalog(0)),
                List.of(catalog(1)));
        assertThat(events.events()).containsSubsequence("done " + grant.id() + " APPLIED",
                "started " + dependent.id());
    }

    @Test
    void apply_whenInterruptedDuringDeferredReadBack_reportsEveryChange() throws Exception {
        Plan plan = planGrants(4);
        CountDownLatch reading = new CountDownLatch(1);
        workspace.onReadGrants(securables -> {
            reading.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("read interrupted");
            }
        });
        AtomicReference<ApplyReport> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(lakesetup.apply(plan)));

        caller.start();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5000);

        ApplyReport report = result.get();
        assertThat(report).isNotNull();
        assertThat(report.interrupted()).isTrue();
        assertThat(report.outcomes()).extracting(o -> o.change().id())
                .containsExactly(grantId(0), grantId(1), grantId(2), grantId(3));
        assertThat(report.outcomes()).allSatisfy(o -> {
            assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(o.attempts()).isEqualTo(1);
            assertThat(o.reason()).contains("interrupted", "written");
        });
        assertThat(workspace.calls()).hasSize(4);
        assertThat(events.events()).filteredOn(e -> e.startsWith("failed")).hasSize(4);
        assertThat(events.events()).last().isEqualTo("finished");
    }

    @Test
    void apply_whenInterruptedBeforeDeferredReadBackStarts_reportsWrittenGrantsAsNotConfirmed() throws Exception {
        Plan plan = planGrants(3);
        CountDownLatch lastWrite = new CountDownLatch(1);
        AtomicReference<Thread> callerRef = new AtomicReference<>();
        workspace.onApply(change -> {
            if (change.id().equals(grantId(2))) {
                callerRef.get().interrupt();
                lastWrite.countDown();
            }
        });
        AtomicReference<ApplyReport> result = new AtomicReference<>();
        Thread caller = new Thread(() -> result.set(lakesetup.toBuilder().concurrency(1).build().apply(plan)));
        callerRef.set(caller);

        caller.start();
        assertThat(lastWrite.await(5, TimeUnit.SECONDS)).isTrue();
        caller.join(5000);

        ApplyReport report = result.get();
        assertThat(report).isNotNull();
        assertThat(report.interrupted()).isTrue();
        assertThat(report.outcomes()).hasSize(3).allSatisfy(o -> {
            assertThat(o.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(o.attempts()).isEqualTo(1);
            assertThat(o.reason()).contains("interrupted", "written");
        });
        assertThat(workspace.calls()).hasSize(3);
        assertThat(workspace.grantReads()).isEmpty();
    }
}
