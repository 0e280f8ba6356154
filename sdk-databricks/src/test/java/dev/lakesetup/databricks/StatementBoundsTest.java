package dev.lakesetup.databricks;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.databricks.internal.StatementRows;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A statement run over REST that never finishes fails at its deadline, is cancelled, and is not retried. */
class StatementBoundsTest {
    private final FakeFixture f = FakeFixture.start();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void query_whenTheStatementNeverFinishes_failsFatallyAtItsDeadlineAndCancelsIt() {
        f.fake.faults().statementsPendingFor(Integer.MAX_VALUE);
        FakeTime time = new FakeTime();
        StatementRows rows = new StatementRows(f.workspace::adminClient, FakeFixture.WAREHOUSE,
                Duration.ofMinutes(1), CallPolicy.builder().clock(time).sleeper(time).build());

        assertThatThrownBy(() -> rows.query("read grants", "SELECT 1"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("did not finish within PT1M")
                .hasMessageContaining("statementTimeout")
                .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
        assertThat(time.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(1))
                .isLessThan(Duration.ofMinutes(1).plusSeconds(3));
        assertThat(f.fake.requests().count("POST /api/2.0/sql/statements/{id}/cancel")).isEqualTo(1);
    }

    @Test
    void query_whenTheStatementFinishesBeforeItsDeadline_returnsItsRows() {
        f.fake.seedCatalog("bounds").seedSchema("bounds.sales");
        f.fake.faults().statementsPendingFor(3);
        FakeTime time = new FakeTime();
        StatementRows rows = new StatementRows(f.workspace::adminClient, FakeFixture.WAREHOUSE,
                Duration.ofMinutes(1), CallPolicy.builder().clock(time).sleeper(time).build());

        assertThat(rows.query("list schemas", "SHOW SCHEMAS IN bounds")).isNotEmpty();
        assertThat(time.elapsed()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void query_whenInterruptedWhilePolling_cancelsTheStatementAndKeepsTheInterrupt() {
        f.fake.faults().statementsPendingFor(Integer.MAX_VALUE);
        FakeTime time = new FakeTime();
        // permit waits (a tenth of a millisecond at this rate) pass on the fake clock; the first poll's pause is
        // where the interrupt arrives
        Sleeper interruptingPolls = pause -> {
            if (pause.compareTo(Duration.ofMillis(10)) >= 0) {
                throw new InterruptedException();
            }
            time.sleep(pause);
        };
        StatementRows rows = new StatementRows(f.workspace::adminClient, FakeFixture.WAREHOUSE,
                Duration.ofMinutes(1), CallPolicy.builder().rateLimitPerSecond(10_000).clock(time)
                        .sleeper(interruptingPolls).build());

        try {
            assertThatThrownBy(() -> rows.query("read grants", "SELECT 1"))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("interrupted")
                    .satisfies(e -> assertThat(((ServiceException) e).failure()).isEqualTo(Failure.FATAL));
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(f.fake.requests().count("POST /api/2.0/sql/statements/{id}/cancel")).isEqualTo(1);
    }

    @Test
    void query_whenLessThanFiveSecondsAreLeft_asksForAnAnswerAtOnceAndPollsWithinTheDeadline() {
        f.fake.seedCatalog("short").seedSchema("short.sales");
        FakeTime time = new FakeTime();
        StatementRows rows = new StatementRows(f.workspace::adminClient, FakeFixture.WAREHOUSE,
                Duration.ofSeconds(3), CallPolicy.builder().clock(time).sleeper(time).build());

        assertThat(rows.query("list schemas", "SHOW SCHEMAS IN short")).isNotEmpty();
        // wait_timeout=0s: the fake answers PENDING at once and the statement is polled (with 30s it answers rows)
        assertThat(f.fake.requests().count("GET /api/2.0/sql/statements/{id}")).isPositive();
        assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(3));
    }
}
