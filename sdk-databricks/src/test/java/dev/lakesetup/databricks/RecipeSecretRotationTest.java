package dev.lakesetup.databricks;

import static dev.lakesetup.databricks.RecipeTestRuns.FAKE_OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.testkit.FakeSecret;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipes' secret lifecycle: a secret declared with a rotation window is issued anew by a scheduled run only
 * when due, and {@code rotateSecret(..)} rotates the recipe principal's secret with the recipe's own checks.
 */
class RecipeSecretRotationTest {
    private final VirtualClock clock = new VirtualClock();
    private final SecretVault vault = SecretVault.inMemory();
    private FakeFixture f;
    private Lakesetup lakesetup;

    @BeforeEach
    void start() {
        f = FakeFixture.start(FakeWorkspace.builder().clock(clock));
        lakesetup = Lakesetup.builder().executor(f.workspace.restExecutor())
                .callPolicy(CallPolicy.builder().clock(clock).sleeper(clock::sleep).build()).build();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private DatabricksDestinationSetup recipe() {
        return DatabricksDestinationSetup.builder().servicePrincipalNamed("segment-destination")
                .warehouse(FakeFixture.WAREHOUSE).catalog("segment_events").secretSink(vault)
                .secretLifetime(Duration.ofDays(90)).rotateWhenExpiringWithin(Duration.ofDays(14)).build();
    }

    private List<FakeSecret> secrets() {
        return f.fake.secretsOf(RecipeTestRuns.appId(f.fake.snapshot(), "segment-destination"));
    }

    @Test
    void run_withRotationWindow_issuesANewSecretOnlyWhenDue() {
        DatabricksDestinationSetup setup = recipe();
        assertThat(setup.run(lakesetup, f.workspace, FAKE_OPTIONS).succeeded()).isTrue();

        clock.sleep(Duration.ofDays(60));
        assertThat(setup.plan(lakesetup, f.workspace).actionableChanges()).isEmpty();
        clock.sleep(Duration.ofDays(20));
        var due = setup.run(lakesetup, f.workspace, FAKE_OPTIONS);

        assertThat(due.plan().changes()).filteredOn(c -> c.kind().equals("oauth_secret"))
                .singleElement().extracting(c -> c.action()).isEqualTo(Action.CREATE);
        assertThat(due.succeeded()).as(due.toString()).isTrue();
        assertThat(secrets()).hasSize(2);
    }

    @Test
    void rotateSecret_afterARun_rotatesWithTheRecipesChecksAndDeletesTheOldSecret() {
        DatabricksDestinationSetup setup = recipe();
        setup.run(lakesetup, f.workspace, FAKE_OPTIONS);
        String old = secrets().get(0).id();
        clock.sleep(Duration.ofDays(1));

        RotationReport report = setup.rotateSecret(lakesetup, f.workspace, FAKE_OPTIONS, rotation -> rotation
                .vault(vault).journal(new MemoryRecordStore(), "rotations/destination").keepWindow(Duration.ZERO));

        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(report.deleted()).containsExactly(old);
        assertThat(report.validationReport().orElseThrow().checks()).extracting(ValidationCheck::name)
                .contains("SHOW SCHEMAS IN segment_events");
        assertThat(secrets()).extracting(FakeSecret::id).containsExactly(report.newSecretId());
    }

    @Test
    void rotateSecret_beforeThePrincipalExists_saysToRunTheRecipeFirst() {
        assertThatThrownBy(() -> recipe().rotateSecret(lakesetup, f.workspace, rotation -> rotation.vault(vault)
                .journal(new MemoryRecordStore(), "k").keepWindow(Duration.ofHours(1)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run the recipe first");
    }

    @Test
    void builders_withRotationWindowForAnExistingPrincipalOrOutOfRange_areRefused() {
        assertThatThrownBy(() -> DatabricksDestinationSetup.builder().existingServicePrincipal(
                ApplicationId.of("9f0c0000-0000-4000-8000-000000000001")).warehouse("w").catalog("c")
                .rotateWhenExpiringWithin(Duration.ofDays(1)).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rotation window");
        assertThatThrownBy(() -> DataGraphSetup.builder().rotateWhenExpiringWithin(OAuthSecret.MAX_LIFETIME
                .plusDays(1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void dataGraph_withRotationWindow_declaresItsSecretWithTheWindowAndRotatesOnlyAfterARun() {
        DataGraphSetup setup = DataGraphSetup.builder().servicePrincipalNamed("segment-graph")
                .warehouse(FakeFixture.WAREHOUSE).profilesSyncCatalog("profiles").secretSink(vault)
                .rotateWhenExpiringWithin(Duration.ofDays(14)).build();

        assertThat(setup.blueprint(schema -> false).resources()).filteredOn(OAuthSecret.class::isInstance)
                .singleElement().satisfies(secret -> assertThat(((OAuthSecret) secret).rotateWithin())
                        .contains(Duration.ofDays(14)));
        assertThatThrownBy(() -> setup.rotateSecret(lakesetup, f.workspace, FAKE_OPTIONS, rotation -> rotation
                .vault(vault).journal(new MemoryRecordStore(), "k").keepWindow(Duration.ofHours(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("run the recipe first");
    }

    @Test
    void dataGraphRotateSecret_withoutRunOptions_rotatesLikeTheOAuthSetupRecipes() {
        DataGraphSetup setup = DataGraphSetup.builder().servicePrincipalNamed("segment-graph")
                .warehouse(FakeFixture.WAREHOUSE).profilesSyncCatalog("profiles").secretSink(vault).build();

        assertThatThrownBy(() -> setup.rotateSecret(lakesetup, f.workspace, rotation -> rotation
                .vault(vault).journal(new MemoryRecordStore(), "k").keepWindow(Duration.ofHours(1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("run the recipe first");
    }
}
