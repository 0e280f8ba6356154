package dev.lakesetup.core.apply;

import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.testing.Fixtures.APP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.ChangeId;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A grant counts as applied once it shows: in the service's answer to the write, or in bounded read-backs. */
class GrantConfirmationTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
    private final ServicePrincipal sp = Principal.servicePrincipal(APP);

    private static ChangeId id(String value) {
        return ChangeId.of(value);
    }

    @Test
    void apply_whenGrantsAppearLate_readsBackUntilVisible() {
        Plan plan = lakesetup.plan(Blueprint.builder()
                .grant(Grant.on(Securable.catalog("a")).to(sp).privileges(USE_CATALOG)).build());
        workspace.hideGrantsForReads(2);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).isTrue();
        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    private Plan planUseCatalogOnA() {
        return lakesetup.plan(Blueprint.builder()
                .grant(Grant.on(Securable.catalog("a")).to(sp).privileges(USE_CATALOG)).build());
    }

    @Test
    void apply_whenResultConfirmsGrants_readsNothingBack() {
        workspace.reportObservedGrants(InMemoryWorkspace.ObservedAnswer.CURRENT);
        Plan plan = planUseCatalogOnA();
        int readsWhenPlanned = workspace.readGrantsCalls();
        workspace.hideGrantsForReads(100);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.readGrantsCalls()).isEqualTo(readsWhenPlanned);
        assertThat(time.nonZeroSleeps()).isEmpty();
    }

    @Test
    void apply_whenResultShowsStaleGrants_readsBackUntilVisible() {
        workspace.reportObservedGrants(InMemoryWorkspace.ObservedAnswer.STALE);
        Plan plan = planUseCatalogOnA();
        int readsWhenPlanned = workspace.readGrantsCalls();
        workspace.hideGrantsForReads(2);

        ApplyReport report = lakesetup.apply(plan);

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(workspace.readGrantsCalls() - readsWhenPlanned).isEqualTo(3);
        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void apply_whenGrantsNeverAppear_failsAfterBoundedReadBacks() {
        Plan plan = lakesetup.plan(Blueprint.builder()
                .grant(Grant.on(Securable.catalog("a")).to(sp).privileges(USE_CATALOG)).build());
        workspace.hideGrantsForReads(100);

        ApplyReport report = lakesetup.apply(plan);

        ChangeOutcome outcome = report.outcome(id("grant:catalog:a")).orElseThrow();
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcome.reason()).contains("not visible after 5 read-backs");
    }
}
