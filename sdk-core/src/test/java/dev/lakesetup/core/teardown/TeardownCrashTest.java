package dev.lakesetup.core.teardown;

import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.model.WarehousePermission;
import dev.lakesetup.core.model.WorkspaceServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.record.RunRecord;
import dev.lakesetup.core.record.TeardownOptions;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.core.testing.CrashingExecutor;
import dev.lakesetup.core.testing.CrashingExecutor.Crash;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A teardown stopped after each of its changes, before or after sending the next, then re-planned and re-run. */
class TeardownCrashTest {
    private static final int CHANGES = 6;   // 2 revokes, permission, secret, catalog, workspace assignment

    static List<Arguments> crashes() {
        List<Arguments> all = new ArrayList<>();
        for (int k = 0; k < CHANGES; k++) {
            all.add(Arguments.of(k, Crash.BEFORE_SENDING));
            all.add(Arguments.of(k, Crash.AFTER_SENDING));
        }
        return all;
    }

    @ParameterizedTest(name = "crash after {0} changes, {1}")
    @MethodSource("crashes")
    void teardown_whenStoppedAfterAnyChangeAndRunAgain_converges(int k, Crash crash) {
        FakeTime time = new FakeTime();
        InMemoryWorkspace workspace = new InMemoryWorkspace(time).deletable(OAuthSecret.class,
                WarehousePermission.class, WorkspaceServicePrincipal.class, Catalog.class);
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).concurrency(1).build();
        List<OAuthCredentials> sink = new CopyOnWriteArrayList<>();
        WorkspaceServicePrincipal principal = WorkspaceServicePrincipal.named("acme").throughAccount();
        ServicePrincipal named = principal.principal();
        Blueprint blueprint = Blueprint.builder().resource(principal)
                .resource(OAuthSecret.forPrincipal(named, sink::add))
                .resource(WarehousePermission.canUse("wh1", named))
                .resource(Catalog.named("profiles"))
                .grant(Grant.on(TeardownTest.PROFILES).to(named).privileges(USE_CATALOG))
                .grant(Grant.on(TeardownTest.SALES).to(named).privileges(USE_CATALOG, SELECT))
                .build();
        workspace.seedGrant(TeardownTest.SALES, TeardownTest.ANALYSTS, Set.of(SELECT));
        Plan setup = lakesetup.plan(blueprint);
        RunRecord record = RunRecord.of(setup, lakesetup.apply(setup));
        TeardownOptions options = TeardownOptions.defaults().record(record).delete(principal)
                .delete(Catalog.named("profiles"));
        Plan teardown = lakesetup.teardown(blueprint, options);
        assertThat(teardown.actionableChanges()).hasSize(CHANGES);

        Lakesetup crashing = Lakesetup.builder().executor(CrashingExecutor.crashingAfter(k, crash, workspace).get(0))
                .clock(time).sleeper(time).retryPolicy(Fixtures.exactPolicy()).concurrency(1).build();
        ApplyReport stopped = crashing.apply(teardown, TeardownTest.teardownOptions());
        Plan rest = lakesetup.teardown(blueprint, options);
        ApplyReport finished = lakesetup.apply(rest, TeardownTest.teardownOptions());

        assertThat(stopped.isSuccess()).isFalse();
        assertThat(rest.actionableChanges().size()).isLessThanOrEqualTo(CHANGES - k);
        assertThat(finished.isSuccess()).as(finished.toString()).isTrue();
        assertThat(lakesetup.teardown(blueprint, options).changes()).as(PlanFormat.TEXT.render(rest)).isEmpty();
        assertThat(workspace.object(principal.id())).isEmpty();
        assertThat(workspace.privileges(TeardownTest.SALES, TeardownTest.ANALYSTS)).containsExactly(SELECT);
        assertThat(workspace.privileges(TeardownTest.SALES,
                Principal.servicePrincipal(InMemoryWorkspace.idFor("acme")))).isEmpty();
    }
}
