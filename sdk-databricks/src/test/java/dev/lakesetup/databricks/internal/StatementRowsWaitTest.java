package dev.lakesetup.databricks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server-side wait of a statement request never outlasts the statement's deadline, within the API's values. */
class StatementRowsWaitTest {

    @Test
    void waitTimeout_whenMoreThanThirtySecondsAreLeft_isThirtySeconds() {
        assertThat(StatementRows.waitTimeout(Duration.ofMinutes(2))).isEqualTo("30s");
        assertThat(StatementRows.waitTimeout(Duration.ofSeconds(30))).isEqualTo("30s");
    }

    @Test
    void waitTimeout_whenFiveToThirtySecondsAreLeft_isTheWholeSecondsLeft() {
        assertThat(StatementRows.waitTimeout(Duration.ofMillis(12_900))).isEqualTo("12s");
        assertThat(StatementRows.waitTimeout(Duration.ofSeconds(5))).isEqualTo("5s");
    }

    @Test
    void waitTimeout_whenLessThanFiveSecondsAreLeft_isZeroForAnAnswerAtOnce() {
        assertThat(StatementRows.waitTimeout(Duration.ofMillis(4_999))).isEqualTo("0s");
        assertThat(StatementRows.waitTimeout(Duration.ZERO)).isEqualTo("0s");
        assertThat(StatementRows.waitTimeout(Duration.ofSeconds(-1))).isEqualTo("0s");
    }
}
