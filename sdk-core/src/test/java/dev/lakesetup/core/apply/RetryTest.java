package dev.lakesetup.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Privilege;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.spi.ExecutionContext;

import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final ChangeId CATALOG = ChangeId.of("catalog:sales");

    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();

    private static ServiceException failure(Failure kind) {
        return ServiceException.builder(kind, "simulated " + kind).build();
    }

    private ChangeOutcome applyCatalog(Blueprint blueprint) {
        Plan plan = lakesetup.plan(blueprint);
        return lakesetup.apply(plan).outcome(CATALOG).orElseThrow();
    }

    private ChangeOutcome applyCatalog() {
        return applyCatalog(Blueprint.builder().resource(Catalog.named("sales").comment("c")).build());
    }

    @Test
    void apply_whenThrottledWithHugeRetryAfter_waitsOnlyTheCap() {
        workspace.failNext(CATALOG, ServiceException.builder(Failure.THROTTLED, "slow down").status(429)
                .retryAfter(Duration.ofSeconds(86_400)).build());

        ChangeOutcome outcome = applyCatalog();

        assertThat(outcome.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void apply_whenRetryAfterIsInThePast_retriesAtOnce() {
        workspace.failNext(CATALOG, ServiceException.builder(Failure.THROTTLED, "slow down").status(429)
                .retryAfter(Duration.ofSeconds(-3600)).build());

        ChangeOutcome outcome = applyCatalog();

        assertThat(outcome.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(time.nonZeroSleeps()).isEmpty();
    }

    @Test
    void apply_whenTransientFailuresPersist_givesUpAfterMaxAttemptsWithBackoff() {
        workspace.failNext(CATALOG, Collections.nCopies(10, failure(Failure.TRANSIENT)).toArray(RuntimeException[]::new));

        ChangeOutcome outcome = applyCatalog();

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.attempts()).isEqualTo(5);
        assertThat(outcome.reason()).startsWith("TRANSIENT");
        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void apply_whenIoFailureNotWrapped_treatsItAsTransient() {
        workspace.failNext(CATALOG, new LakesetupException("call failed", new IOException("connection reset")));

        ChangeOutcome outcome = applyCatalog();

        assertThat(outcome.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(outcome.attempts()).isEqualTo(2);
    }

    @Test
    void apply_whenFatal_doesNotRetry() {
        workspace.failNext(CATALOG, failure(Failure.FATAL));

        ChangeOutcome outcome = applyCatalog();

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(time.nonZeroSleeps()).isEmpty();
    }

    @Test
    void apply_whenPrincipalNotYetVisible_retriesWithinItsOwnWindow() {
        workspace.failNext(CATALOG, Collections.nCopies(7, failure(Failure.NOT_YET_VISIBLE))
                .toArray(RuntimeException[]::new));

        ChangeOutcome outcome = applyCatalog();

        assertThat(outcome.outcome()).as(outcome.reason()).isEqualTo(Outcome.APPLIED);
        assertThat(outcome.attempts()).as("more than the 5 attempts of transient failures").isEqualTo(8);
    }

    @Test
    void apply_whenPrincipalNeverVisible_stopsAtTheWindow() {
        Lakesetup shortWindow = lakesetup.toBuilder().retryPolicy(Fixtures.exactPolicy().toBuilder()
                .notYetVisibleWindow(Duration.ofSeconds(3)).notYetVisibleMaxAttempts(100).build()).build();
        workspace.failNext(CATALOG, Collections.nCopies(100, failure(Failure.NOT_YET_VISIBLE))
                .toArray(RuntimeException[]::new));

        ChangeOutcome outcome = shortWindow.apply(shortWindow.plan(Blueprint.builder()
                .resource(Catalog.named("sales")).build())).outcome(CATALOG).orElseThrow();

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.reason()).startsWith("NOT_YET_VISIBLE");
        long waited = time.nonZeroSleeps().stream().mapToLong(Duration::toMillis).sum();
        assertThat(waited).isLessThanOrEqualTo(3000);
        assertThat(outcome.attempts()).isBetween(3, 10);
    }

    @Test
    void apply_whenAlreadyExistsWithSameSettings_countsAsDone() {
        Blueprint blueprint = Blueprint.builder().resource(Catalog.named("sales").comment("c")).build();
        Plan plan = lakesetup.plan(blueprint);
        workspace.seed(Catalog.named("sales").comment("c"));

        ChangeOutcome outcome = lakesetup.apply(plan).outcome(CATALOG).orElseThrow();

        assertThat(outcome.outcome()).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(outcome.reason()).contains("already existed");
    }

    @Test
    void apply_whenAlreadyExistsWithOtherSettings_failsNamingTheDifference() {
        Plan plan = lakesetup.plan(Blueprint.builder().resource(Catalog.named("sales").comment("mine")).build());
        workspace.seed(Catalog.named("sales").comment("theirs"));

        ChangeOutcome outcome = lakesetup.apply(plan).outcome(CATALOG).orElseThrow();

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.reason()).contains("different settings", "comment: theirs -> mine");
    }

    @Test
    void apply_whenNamedPrincipalAlreadyExists_learnsItsIdForDependents() {
        WorkspaceServicePrincipal principal = WorkspaceServicePrincipal.named("late");
        Plan plan = lakesetup.plan(Blueprint.builder().resource(principal)
                .grant(Grant.on(Securable.catalog("c"))
                        .to(principal.principal()).privileges(Privilege.USE_CATALOG))
                .build());
        workspace.seed(principal);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.outcomes().toString()).isTrue();
        assertThat(report.outcome(ChangeId.of("service_principal:named:late")).orElseThrow().outcome())
                .isEqualTo(Outcome.ALREADY_DONE);
    }

    @Test
    void plan_whenReadIsThrottled_retriesTheRead() {
        InMemoryWorkspace flaky = new InMemoryWorkspace(time) {
            private int reads;

            @Override
            public Map<ResourceId, Resource> readResources(Collection<? extends Resource> resources,
                    ExecutionContext context) {
                if (reads++ == 0) {
                    throw ServiceException.builder(Failure.THROTTLED, "429").retryAfter(Duration.ofSeconds(2)).build();
                }
                return super.readResources(resources, context);
            }
        };
        Lakesetup withFlaky = Fixtures.lakesetup(flaky, time).build();

        Plan plan = withFlaky.plan(Blueprint.builder().resource(Catalog.named("sales")).build());

        assertThat(plan.changes()).hasSize(1);
        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void plan_whenAReadFailsWithAnUnwrappedExceptionCarryingServiceText_failsWithItEscaped() {
        InMemoryWorkspace broken = new InMemoryWorkspace(time) {
            @Override
            public Map<ResourceId, Resource> readResources(Collection<? extends Resource> resources,
                    ExecutionContext context) {
                throw new IllegalStateException("bad answer: ok\nINFO applied everything\u001b[2K");
            }
        };
        Lakesetup withBroken = Fixtures.lakesetup(broken, time).build();

        assertThatThrownBy(() -> withBroken.plan(Blueprint.builder().resource(Catalog.named("sales")).build()))
                .isInstanceOf(LakesetupException.class)
                .hasMessageContaining("bad answer: ok\\u000aINFO applied everything\\u001b[2K")
                .message().doesNotContain("\n").doesNotContain("\u001b");
    }

    @Test
    void retryPolicy_rejectsOutOfRangeBounds() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
                .hasMessageContaining("max attempts");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder()
                .maxRetryAfter(Duration.ofSeconds(-1))).hasMessageContaining("max Retry-After");
    }
}
