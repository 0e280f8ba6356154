package dev.lakesetup.databricks.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.OAuthCredentials;
import dev.lakesetup.core.model.Secret;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.testkit.FakeWorkspace;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A check's statement that is still running at the statement timeout fails the check and is cancelled. */
class StatementApiSessionTest {
    private final FakeWorkspace fake = FakeWorkspace.builder().warehouse("wh1", "Starter").build().start();
    private final FakeWorkspace.SeededPrincipal principal = fake.seedAdminServicePrincipal("checker");
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        fake.close();
    }

    private StatementApiSession open() {
        ValidationTarget target = new ValidationTarget(URI.create(fake.host()), "wh1", new OAuthCredentials(
                ApplicationId.of(principal.applicationId()), Secret.of(principal.secret())), Duration.ofMinutes(1),
                true);
        return StatementApiSession.open(target, CallPolicy.builder().clock(time).sleeper(time).build());
    }

    @Test
    void query_whenTheStatementIsStillPendingAtTheTimeout_failsTheCheckAndCancelsIt() {
        StatementApiSession session = open();
        fake.faults().statementsPendingFor(Integer.MAX_VALUE);

        assertThatThrownBy(() -> session.query("SHOW SCHEMAS IN main")).isInstanceOf(CheckFailedException.class)
                .hasMessageContaining("did not finish within PT1M").hasMessageContaining("cancelled")
                .hasMessageNotContaining(principal.secret());
        assertThat(time.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(1))
                .isLessThan(Duration.ofMinutes(1).plusSeconds(3));
        assertThat(fake.requests().count("POST /api/2.0/sql/statements/{id}/cancel")).isEqualTo(1);
    }

    @Test
    void query_whenTheStatementEndsBeforeTheTimeout_countsItsRows() {
        fake.seedCatalog("bounds").seedSchema("bounds.sales");
        StatementApiSession session = open();
        fake.faults().statementsPendingFor(3);

        assertThat(session.query("SHOW SCHEMAS IN bounds")).isPositive();
        assertThat(time.elapsed()).isLessThan(Duration.ofMinutes(1));
        assertThat(fake.requests().count("POST /api/2.0/sql/statements/{id}/cancel")).isZero();
    }
}
