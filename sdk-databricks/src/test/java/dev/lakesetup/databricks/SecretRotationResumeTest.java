package dev.lakesetup.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.record.MemoryRecordStore;
import dev.lakesetup.core.record.RecordStore;
import dev.lakesetup.testkit.FaultResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Crash and resume: a rotation stopped after each of its steps (its journal store, its vault or the service failing
 * at that point) and run again ends with exactly one new working secret in the vault and the old one deleted, and
 * its journal gone; no journal ever holds a secret.
 */
class SecretRotationResumeTest extends SecretRotationFixture {

    /**
     * A journal store that fails once, at the n-th write (1 started, 2 issue attempt, 3 issued, 4 handed,
     * 5 validated).
     */
    static final class CrashingStore implements RecordStore {
        final MemoryRecordStore inner;
        final int failingWrite;
        final boolean failDelete;
        final AtomicInteger writes = new AtomicInteger();
        boolean failed;

        CrashingStore(MemoryRecordStore inner, int failingWrite, boolean failDelete) {
            this.inner = inner;
            this.failingWrite = failingWrite;
            this.failDelete = failDelete;
        }

        @Override
        public Optional<String> read(String key) {
            return inner.read(key);
        }

        @Override
        public void write(String key, String document) {
            if (!failed && writes.incrementAndGet() == failingWrite) {
                failed = true;
                throw new IllegalStateException("crash before writing step " + failingWrite);
            }
            inner.write(key, document);
        }

        @Override
        public void delete(String key) {
            if (!failed && failDelete) {
                failed = true;
                throw new IllegalStateException("crash before deleting the journal");
            }
            inner.delete(key);
        }

        @Override
        public List<String> keys(String prefix) {
            return inner.keys(prefix);
        }
    }

    private void assertConverged(String old, RotationReport report) {
        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(ids()).containsExactly(report.newSecretId()).doesNotContain(old);
        OAuthCredentials held = vault.current().orElseThrow();
        assertThat(held.secret().reveal()).isNotEqualTo(seeded.secret());
        assertThat(signsIn(held)).isTrue();
        assertThat(journal.keys("")).isEmpty();
    }

    @ParameterizedTest(name = "crash at journal write {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void run_whenStoppedAfterAStepAndRunAgain_endsWithOneNewWorkingSecret(int step) {
        String old = ids().get(0);
        CrashingStore crashing = new CrashingStore(journal, step, false);
        SecretRotation.Builder crashingRun = rotation().journal(crashing, KEY);

        assertThatThrownBy(() -> crashingRun.build().run()).hasMessageContaining("crash");
        journal.keys("").forEach(key -> assertThat(journal.read(key).orElseThrow())
                .doesNotContain(vault.current().orElseThrow().secret().reveal()));
        RotationReport resumed = rotation().build().run();

        assertConverged(old, resumed);
        if (step > 1) {
            assertThat(resumed.notes()).anyMatch(note -> note.contains("interrupted"));
        }
    }

    @Test
    void run_whenStoppedBeforeTheJournalIsDeleted_finishesByCleaningOnly() {
        String old = ids().get(0);

        assertThatThrownBy(() -> rotation().journal(new CrashingStore(journal, 0, true), KEY).build().run())
                .hasMessageContaining("crash");
        RotationReport resumed = rotation().build().run();

        assertConverged(old, resumed);
        assertThat(resumed.deleted()).isEmpty();
    }

    @Test
    void run_whenTheVaultFailsOnce_deletesTheSecretItNeverGotAndIssuesAnother() {
        String old = ids().get(0);
        SecretVault failingOnce = new SecretVault() {
            boolean failed;

            @Override
            public void accept(OAuthCredentials credentials) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("crash in the vault");
                }
                vault.accept(credentials);
            }

            @Override
            public Optional<OAuthCredentials> current() {
                return vault.current();
            }
        };
        SecretRotation crashing = rotation().vault(failingOnce).build();

        assertThatThrownBy(crashing::run).hasMessageContaining("crash");
        String orphan = ids().get(1);
        RotationReport resumed = crashing.run();

        assertConverged(old, resumed);
        assertThat(resumed.deleted()).contains(orphan, old);
    }

    @Test
    void run_whenCleaningFailsForGood_finishesTheCleaningWhenRunAgain() {
        String old = ids().get(0);
        f.fake.faults().on("DELETE", SECRETS_PATH + "/.*").always().respond(FaultResponse.status(503));

        assertThatThrownBy(() -> rotation().build().run()).isInstanceOf(RuntimeException.class);
        f.fake.faults().clear();
        RotationReport resumed = rotation().build().run();

        assertConverged(old, resumed);
        assertThat(resumed.deleted()).containsExactly(old);
        assertThat(resumed.validationReport()).isEmpty();
    }

    @Test
    void run_whenASecretIsMadeByHandWhileTheJournalSitsAtStarted_deletesOnlyTheOrphanAndKeepsTheOther() {
        String old = ids().get(0);
        assertThatThrownBy(() -> rotation().journal(new CrashingStore(journal, 3, false), KEY).build().run())
                .hasMessageContaining("crash");
        String orphan = ids().get(1);
        clock.sleep(Duration.ofDays(3));
        String byHand = OAuthSecrets.of(f.workspace).issue(principal, Optional.empty()).info().id();

        RotationReport resumed = rotation().build().run();

        assertThat(resumed.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(resumed.deleted()).containsExactlyInAnyOrder(orphan, old);
        assertThat(ids()).containsExactlyInAnyOrder(resumed.newSecretId(), byHand);
        assertThat(resumed.kept()).singleElement().asString().startsWith(byHand).contains("by others");
        assertThat(journal.keys("")).isEmpty();
    }

    @Test
    void run_whenASecretIsMadeByHandBeforeAnyIssueAttemptWasJournaled_deletesNoNewSecret() {
        String old = ids().get(0);
        assertThatThrownBy(() -> rotation().journal(new CrashingStore(journal, 2, false), KEY).build().run())
                .hasMessageContaining("crash");
        assertThat(ids()).containsExactly(old);
        clock.sleep(Duration.ofDays(3));
        String byHand = OAuthSecrets.of(f.workspace).issue(principal, Optional.empty()).info().id();

        RotationReport resumed = rotation().build().run();

        assertThat(resumed.deleted()).containsExactly(old);
        assertThat(ids()).containsExactlyInAnyOrder(resumed.newSecretId(), byHand);
        assertThat(resumed.kept()).singleElement().asString().startsWith(byHand);
    }

    @Test
    void run_whenAnOrphanCandidateHasNoCreateTime_keepsAndReportsIt() {
        String old = ids().get(0);
        assertThatThrownBy(() -> rotation().journal(new CrashingStore(journal, 3, false), KEY).build().run())
                .hasMessageContaining("crash");
        String unknown = ids().get(1);
        f.fake.faults().on("GET", SECRETS_PATH).times(1).respond(FaultResponse.raw(200, "application/json",
                listing(old, true, unknown, false)));

        RotationReport resumed = rotation().build().run();

        assertThat(resumed.deleted()).containsExactly(old);
        assertThat(ids()).containsExactlyInAnyOrder(resumed.newSecretId(), unknown);
        assertThat(resumed.kept()).singleElement().asString().startsWith(unknown).contains("no create time");
    }

    @Test
    void run_whenAnOldSecretHasNoCreateTime_keepsItWhateverTheKeepWindow() {
        String old = ids().get(0);
        SecretVault listingWithoutCreateTime = new SecretVault() {
            @Override
            public void accept(OAuthCredentials credentials) {
                vault.accept(credentials);
                String fresh = ids().stream().filter(id -> !id.equals(old)).findFirst().orElseThrow();
                f.fake.faults().on("GET", SECRETS_PATH).times(1).respond(FaultResponse.raw(200,
                        "application/json", listing(old, false, fresh, true)));
            }

            @Override
            public Optional<OAuthCredentials> current() {
                return vault.current();
            }
        };
        clock.sleep(Duration.ofDays(30));

        RotationReport report = rotation().vault(listingWithoutCreateTime).keepWindow(Duration.ZERO).build().run();

        assertThat(report.outcome()).isEqualTo(RotationReport.Outcome.ROTATED);
        assertThat(report.deleted()).isEmpty();
        assertThat(ids()).containsExactlyInAnyOrder(old, report.newSecretId());
        assertThat(report.kept()).singleElement().asString().startsWith(old).contains("no create time");
    }

    /** A secrets listing as the service sends it, each secret with or without its create time. */
    private String listing(String first, boolean firstTimed, String second, boolean secondTimed) {
        return "{\"secrets\":[" + secretJson(first, firstTimed) + "," + secretJson(second, secondTimed) + "]}";
    }

    private String secretJson(String id, boolean timed) {
        Instant now = clock.instant();
        return "{\"id\":\"" + id + "\",\"status\":\"ACTIVE\"," + (timed ? "\"create_time\":\"" + now + "\"," : "")
                + "\"expire_time\":\"" + now.plus(Duration.ofDays(300)) + "\"}";
    }
}
