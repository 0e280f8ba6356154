package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.OAuthSecret;
import dev.lakesetup.core.plan.Action;
import dev.lakesetup.core.plan.Plan;
import dev.lakesetup.core.render.PlanFormat;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A declared OAuth secret against the fake on a virtual clock: the plan shows the live secret's expiry, a rotation
 * window plans a new secret only when that expiry falls within it (saying why), and a rotating secret whose create
 * failed transiently converges instead of ending FAILED.
 */
class OAuthSecretExpiryTest extends SecretRotationFixture {
    final List<OAuthCredentials> sink = new ArrayList<>();

    private Plan plan(OAuthSecret secret) {
        return lakesetup.plan(Blueprint.builder().resource(secret).build());
    }

    @Test
    void plan_whenActiveSecretIsNotDue_keepsItAndShowsItsExpiry() {
        String expiry = f.fake.secretsOf(seeded.applicationId()).get(0).expireTime().toString();

        Plan plan = plan(OAuthSecret.forPrincipal(principal, sink::add).rotateWhenExpiringWithin(Duration.ofDays(30)));

        assertThat(plan.changes()).singleElement().extracting(c -> c.action()).isEqualTo(Action.NO_OP);
        assertThat(PlanFormat.TEXT.render(plan)).contains("= oauth secret", "(active secret expires " + expiry + ")");
        assertThat(PlanFormat.JSON.render(plan)).contains("\"secret_expiry\"", "\"expire_time\" : \"" + expiry + "\"");
    }

    @Test
    void plan_whenActiveSecretExpiresWithinTheWindow_plansANewSecretAndSaysWhy() {
        clock.sleep(Duration.ofDays(340));

        Plan plan = plan(OAuthSecret.forPrincipal(principal, sink::add).lifetime(Duration.ofDays(90))
                .rotateWhenExpiringWithin(Duration.ofDays(30)));

        assertThat(plan.changes()).singleElement().extracting(c -> c.action()).isEqualTo(Action.CREATE);
        assertThat(PlanFormat.TEXT.render(plan)).contains("rotates: the active secret expires", "within 30 days",
                "new secret expires after 90 days");
        assertThat(PlanFormat.JSON.render(plan)).contains("\"new_secret_lifetime_seconds\" : 7776000",
                "\"reason\" : \"rotates: the active secret expires");
    }

    @Test
    void apply_whenTheWindowIsReached_issuesOneSecretAndThePlanIsEmptyAgain() {
        clock.sleep(Duration.ofDays(340));
        OAuthSecret secret = OAuthSecret.forPrincipal(principal, sink::add)
                .rotateWhenExpiringWithin(Duration.ofDays(30));

        ApplyReport report = lakesetup.apply(plan(secret));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(sink).hasSize(1);
        assertThat(plan(secret).actionableChanges()).isEmpty();
    }

    @Test
    void plan_whenSecretExpired_plansANewSecretWithTheDefaultLifetime() {
        clock.sleep(Duration.ofDays(366));

        Plan plan = plan(OAuthSecret.forPrincipal(principal, sink::add));

        assertThat(plan.changes()).singleElement().extracting(c -> c.action()).isEqualTo(Action.CREATE);
        assertThat(PlanFormat.TEXT.render(plan)).contains("new secret expires after 730 days (the service default)")
                .doesNotContain("rotates");
    }

    @Test
    void apply_whenRotatingSecretCreateFailsTransiently_retriesAndHandsOverOneSecret() {
        f.fake.faults().on("POST", SECRETS_PATH).times(1).respond(FaultResponse.connectionReset());

        ApplyReport report = lakesetup.apply(plan(OAuthSecret.forPrincipal(principal, sink::add).rotate()));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(sink).hasSize(1);
        assertThat(f.fake.secretsOf(seeded.applicationId())).hasSize(2);
    }

    @Test
    void apply_whenRotatingSecretTimesOutTransientlyThenSucceeds_handsOverOneSecret() {
        f.fake.faults().on("POST", SECRETS_PATH).times(1).respond(FaultResponse.status(503));

        ApplyReport report = lakesetup.apply(plan(OAuthSecret.forPrincipal(principal, sink::add).rotate()));

        assertThat(report.isSuccess()).as(report.toString()).isTrue();
        assertThat(sink).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void delete_whenPrincipalHasSecrets_deletesEveryOneAndRepeatsAsDone() {
        OAuthSecrets.of(f.workspace).issue(principal, java.util.Optional.empty());
        OAuthSecret secret = OAuthSecret.forPrincipal(principal, sink::add);
        var handler = (dev.lakesetup.core.spi.ResourceHandler<OAuthSecret>) f.workspace.restExecutor()
                .resourceHandlers().stream().filter(h -> h.type() == OAuthSecret.class).findFirst().orElseThrow();
        var delete = new dev.lakesetup.core.plan.ResourceChange(dev.lakesetup.core.plan.ResourceChange.idOf(secret),
                Action.DELETE, secret, List.of(), java.util.Set.of());

        handler.apply(delete, secret, f.context());
        handler.apply(delete, secret, f.context());

        assertThat(handler.canDelete()).isTrue();
        assertThat(f.fake.secretsOf(seeded.applicationId())).isEmpty();
    }
}
