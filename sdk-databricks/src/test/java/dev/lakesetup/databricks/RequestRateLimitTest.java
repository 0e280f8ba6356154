package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.CallPolicy;
import static dev.lakesetup.core.model.Privilege.SELECT;
import static dev.lakesetup.core.model.Privilege.USE_CATALOG;
import static dev.lakesetup.core.model.Privilege.USE_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Grant;
import dev.lakesetup.core.model.Principal;
import dev.lakesetup.core.model.Securable;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.RequestStats;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The workspace's rate limit holds per HTTP request for the REST executor: a cold executor's start-up discovery
 * requests and metastore check take permits like any other request, and no sliding second at the fake service holds
 * more requests than the limit.
 *
 * <p>The workspace's call policy, shared with the engine, runs on a virtual clock that moves only when the rate
 * limiter (or a retry) waits, one call at a time, so each
 * request the fake workspace receives happened at the virtual time of the latest wait before it. A request that
 * took no permit of its own would share its virtual time with the one before it.
 */
class RequestRateLimitTest {
    private static final int RATE = 5;
    private static final int CATALOGS = 3;

    /** A wait of the engine: when it ended, in real and in virtual time. */
    private record Wait(long realNanos, Duration virtual) {
    }

    /** Returns the virtual time of each real request start: that of the latest wait that ended before it. */
    private static List<Duration> virtualTimes(List<Long> realStarts, List<Wait> waits) {
        List<Duration> out = new ArrayList<>();
        for (long start : realStarts.stream().sorted().toList()) {
            Duration at = Duration.ZERO;
            for (Wait wait : waits) {
                if (wait.realNanos() <= start) {
                    at = wait.virtual();
                }
            }
            out.add(at);
        }
        return out;
    }

    /** Returns the most times in any half-open one-second window, sliding; the times are sorted. */
    private static int perSlidingSecond(List<Duration> times) {
        int most = 0;
        int oldest = 0;
        for (int newest = 0; newest < times.size(); newest++) {
            while (times.get(newest).minus(times.get(oldest)).compareTo(Duration.ofSeconds(1)) >= 0) {
                oldest++;
            }
            most = Math.max(most, newest - oldest + 1);
        }
        return most;
    }

    @Test
    void planAndApply_throughAColdRestExecutor_takeOnePermitPerRequestIncludingStartUpRequests() {
        try (FakeFixture f = FakeFixture.start(FakeWorkspace.builder())) {
            Blueprint.Builder blueprint = Blueprint.builder();
            ServicePrincipal sp = Principal.servicePrincipal(
                    ApplicationId.of(f.fake.seedServicePrincipal("reader").applicationId()));
            for (int i = 0; i < CATALOGS; i++) {
                f.fake.seedCatalog("c" + i).seedSchema("c" + i + ".s");
                blueprint.grant(Grant.on(Securable.catalog("c" + i)).to(sp).privileges(USE_CATALOG, USE_SCHEMA));
                blueprint.grant(Grant.on(Securable.schema("c" + i, "s")).to(sp).privileges(SELECT));
            }
            VirtualClock clock = new VirtualClock();
            List<Wait> waits = new CopyOnWriteArrayList<>();
            CallPolicy calls = CallPolicy.builder().concurrency(1).rateLimitPerSecond(RATE).clock(clock).sleeper(d -> {
                clock.sleep(d);
                waits.add(new Wait(System.nanoTime(), clock.elapsed()));
            }).build();
            DatabricksWorkspace cold = DatabricksWorkspace.builder().host(f.fake.host()).plainHttpForTesting()
                    .pat(f.fake.adminToken()).workspaceId(f.fake.workspaceId()).httpTimeout(Duration.ofSeconds(20))
                    .callPolicy(calls).build();
            Lakesetup lakesetup = Lakesetup.builder().executor(cold.restExecutor()).callPolicy(calls).build();
            f.fake.resetRequests();

            Plan plan = lakesetup.plan(blueprint.build());
            assertThat(lakesetup.apply(plan).isSuccess()).isTrue();

            RequestStats requests = f.fake.requests();
            assertThat(requests.count("GET /.well-known/databricks-config")).as("the executor started cold")
                    .isEqualTo(1);
            assertThat(requests.count("GET /api/2.1/unity-catalog/current-metastore-assignment")).isEqualTo(1);
            List<Duration> times = virtualTimes(f.fake.requestStartTimes(), waits);
            assertThat(times).hasSize((int) requests.total()).hasSizeGreaterThan(2 * CATALOGS * 2);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i).minus(times.get(i - 1))).as("gap before request %d of %s", i, times)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1000 / RATE));
            }
            assertThat(perSlidingSecond(times)).isEqualTo(RATE);
        }
    }
}
