package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.drift.DriftItem;
import dev.lakesetup.core.drift.DriftReport;
import dev.lakesetup.core.drift.DriftStatus;
import dev.lakesetup.core.drift.VerifyOptions;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verify reads the live secrets' expiry (on the engine's clock, the fake's too) and reports those about to lapse. */
class SecretExpiryVerifyTest {
    private final VirtualClock clock = new VirtualClock();
    private FakeFixture f;
    private Lakesetup lakesetup;

    @BeforeEach
    void start() {
        f = FakeFixture.start(FakeWorkspace.builder().clock(clock));
        lakesetup = Lakesetup.builder().executor(f.workspace.restExecutor()).callPolicy(CallPolicy.builder()
                .clock(clock).sleeper(clock::sleep).retryPolicy(RetryPolicy.builder().maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()).build())
                .build();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @AfterAll
    static void clearDriverTestMode() {
        System.clearProperty("isFakeServiceTest");
    }

    private DriftItem secretItem(DriftReport report) {
        return report.items().stream().filter(item -> item.kind().equals("oauth_secret")).findFirst().orElseThrow();
    }

    @Test
    void verify_whenTheSecretExpiresWithinTheWindow_reportsItExpiringAndOnceExpiredMissing() {
        DatabricksDestinationSetup setup = DatabricksDestinationSetup.builder().servicePrincipalNamed("loader")
                .warehouse(FakeFixture.WAREHOUSE).catalog("events").secretLifetime(Duration.ofDays(20))
                .secretSink(credentials -> { }).build();
        assertThat(setup.run(lakesetup, f.workspace, FAKE_OPTIONS).succeeded()).isTrue();

        DriftItem month = secretItem(setup.verify(lakesetup, f.workspace));
        DriftItem week = secretItem(setup.verify(lakesetup, f.workspace,
                VerifyOptions.defaults().expiringWithin(Duration.ofDays(7))));
        clock.sleep(Duration.ofDays(21));
        DriftItem lapsed = secretItem(setup.verify(lakesetup, f.workspace));

        assertThat(month.status()).isEqualTo(DriftStatus.EXPIRING);
        assertThat(month.reason().orElseThrow()).startsWith("expires in 20 days, within the window of 30 days");
        assertThat(week.status()).isEqualTo(DriftStatus.OK);
        assertThat(week.reason().orElseThrow()).startsWith("expires 20");
        assertThat(lapsed.status()).isEqualTo(DriftStatus.MISSING);
        assertThat(lapsed.reason()).contains("the principal has no active OAuth secret");
    }
}
