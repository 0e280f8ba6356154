package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.WarehouseAccessControlRequest;
import com.databricks.sdk.service.sql.WarehousePermissionLevel;
import com.databricks.sdk.service.sql.WarehousePermissionsRequest;
import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.CatalogName;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.testkit.FakeSecret;
import dev.lakesetup.testkit.FakeWorkspace;
import dev.lakesetup.testkit.FaultResponse;
import dev.lakesetup.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SecretRotation} against the fake workspace on a virtual clock: issue, hand over, validate, clean, with a
 * keep window, the five-secret limit, a failed validation, and a rotation due only within a window.
 */
class SecretRotationTest extends SecretRotationFixture {

    @Test
    void run_whenPrincipalHasOneSecret_handsValidatesAndDeletesTheOldOne() {
        String old = ids().get(0);

        RotationReport report = rotation().build().run();

        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(report.deleted()).containsExactly(old);
        assertThat(ids()).containsExactly(report.newSecretId());
        assertThat(vault.current().orElseThrow().secret().reveal()).isNotEqualTo(seeded.secret());
        assertThat(signsIn(vault.current().orElseThrow())).isTrue();
        assertThat(report.validationReport().orElseThrow().passed()).isTrue();
        assertThat(journal.keys("")).isEmpty();
        assertThat(report.render()).contains("rotated", report.newSecretId(), "deleted: " + old)
                .doesNotContain(vault.current().orElseThrow().secret().reveal()).doesNotContain(seeded.secret());
    }

    @Test
    void run_withKeepWindow_keepsSecretsCreatedWithinIt() {
        String old = ids().get(0);
        clock.sleep(Duration.ofHours(1));

        RotationReport report = rotation().keepWindow(Duration.ofHours(2)).build().run();

        assertThat(report.deleted()).isEmpty();
        assertThat(report.kept()).singleElement().asString().startsWith(old).contains("keep window");
        assertThat(ids()).containsExactly(old, report.newSecretId());
    }

    @Test
    void run_whenValidationFails_deletesNothingAndSaysSo() {
        RotationReport report = rotation().validator(b -> b.plainHttpForTesting()
                .transport(ValidationTransport.STATEMENT_API).showSchemasIn(CatalogName.of("not_granted"))).build()
                .run();

        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.VALIDATION_FAILED);
        assertThat(report.deleted()).isEmpty();
        assertThat(ids()).hasSize(2).contains(report.newSecretId());
        assertThat(report.render()).contains("validation: failed");
        assertThat(report.render()).contains("no secret was deleted");
        assertThat(journal.read(KEY)).isPresent();
    }

    @Test
    void run_whenFiveWorkingSecrets_refusesBeforeIssuingAndNamesThem() {
        OAuthSecrets secrets = OAuthSecrets.of(f.workspace);
        for (int i = 0; i < 4; i++) {
            secrets.issue(principal, java.util.Optional.empty());
        }
        List<String> before = ids();

        assertThatThrownBy(() -> rotation().build().run()).isInstanceOf(LakesetupException.class)
                .hasMessageContaining("5 OAuth secrets").hasMessageContaining(before.get(0))
                .hasMessageContaining(before.get(4));
        assertThat(ids()).isEqualTo(before);
        assertThat(journal.keys("")).isEmpty();
    }

    @Test
    void run_whenFiveSecretsAndSomeExpired_deletesTheExpiredFirst() {
        OAuthSecrets secrets = OAuthSecrets.of(f.workspace);
        for (int i = 0; i < 4; i++) {
            secrets.issue(principal, java.util.Optional.of(Duration.ofHours(1)));
        }
        List<String> shortLived = ids().subList(1, 5);
        clock.sleep(Duration.ofHours(2));

        RotationReport report = rotation().keepWindow(Duration.ofDays(1)).build().run();

        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(report.deleted()).containsExactlyInAnyOrderElementsOf(shortLived);
        assertThat(ids()).hasSize(2).contains(report.newSecretId());
    }

    @Test
    void run_whenSecretDoesNotExpireWithinTheWindow_isNotDueUntilItDoes() {
        SecretRotation due = rotation().rotateWhenExpiringWithin(Duration.ofDays(30)).build();

        RotationReport early = due.run();
        clock.sleep(Duration.ofDays(340));
        RotationReport late = due.run();

        assertThat(early.outcome()).isEqualTo(RotationReport.Outcome.NOT_DUE);
        assertThat(early.render()).contains("not due", "not within");
        assertThat(late.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(ids()).containsExactly(late.newSecretId());
    }

    @Test
    void signIn_whenSecretExpired_isRefusedAndListedExpired() {
        OAuthCredentials seededCredentials = vault.current().orElseThrow();
        clock.sleep(Duration.ofDays(366));

        assertThat(signsIn(seededCredentials)).isFalse();
        assertThat(f.fake.secretsOf(seeded.applicationId())).singleElement()
                .extracting(FakeSecret::status).isEqualTo("EXPIRED");
        assertThat(OAuthSecrets.of(f.workspace).list(principal)).singleElement()
                .satisfies(info -> assertThat(info.isActiveAt(clock.instant())).isFalse());
    }

    @Test
    void run_whenCreateAnswerIsLost_deletesTheOrphanAndIssuesOnce() {
        f.fake.faults().on("POST", SECRETS_PATH).times(1).respond(FaultResponse.resetAfterApplying());

        RotationReport report = rotation().build().run();

        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(ids()).containsExactly(report.newSecretId());
        assertThat(signsIn(vault.current().orElseThrow())).isTrue();
    }

    @Test
    void build_withoutKeepWindow_isRefusedNamingItAndWhatIsAccepted() {
        SecretRotation.Builder noKeepWindow = SecretRotation.builder(lakesetup, f.workspace).principal(principal)
                .vault(vault).journal(journal, KEY);

        assertThatThrownBy(noKeepWindow::build).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("keep window").hasMessageContaining("keepWindow(")
                .hasMessageContaining("Duration.ZERO");
        assertThat(ids()).hasSize(1);
    }

    @Test
    void builder_withBadWindowOrKey_isRefusedUpFront() {
        assertThatThrownBy(() -> rotation().rotateWhenExpiringWithin(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rotation window");
        assertThatThrownBy(() -> rotation().keepWindow(Duration.ofDays(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keep window");
        assertThatThrownBy(() -> rotation().lifetime(Duration.ofDays(731)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret lifetime");
        assertThatThrownBy(() -> rotation().journal(journal, "../x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void run_withDebugLogging_logsNoSecretAndTheReportShowsNone() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        RotationReport report;
        try {
            report = rotation().build().run();
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        String issued = vault.current().orElseThrow().secret().reveal();

        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(issued).doesNotContain(seeded.secret()));
        assertThat(report.render() + report).doesNotContain(issued);
        assertThat(new NewSecret(new SecretInfo("id", "ACTIVE", java.time.Instant.EPOCH, java.time.Instant.MAX),
                vault.current().orElseThrow()).toString()).doesNotContain(issued).contains("****");
        assertThat(vault.toString()).doesNotContain(issued);
    }
}
