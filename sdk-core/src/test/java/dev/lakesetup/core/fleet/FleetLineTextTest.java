package dev.lakesetup.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.exception.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A fleet line's summary: escaped once, bounded, and members not wired to the fleet's gate refused. */
class FleetLineTextTest {

    @Test
    void outcome_whenSummaryIsLong_isCutTo500CharactersWithAnEllipsis() {
        FleetOutcome outcome = FleetOutcome.failed("x".repeat(10_000));

        assertThat(outcome.summary()).hasSize(503).endsWith("x...");
    }

    @Test
    void outcome_whenSummaryHoldsControlCharacters_escapesThemOnceBeforeCutting() {
        FleetOutcome outcome = FleetOutcome.changed("a\nb\u001b" + "y".repeat(600));

        assertThat(outcome.summary()).startsWith("a\\u000ab\\u001byyy").hasSize(503).endsWith("...");
        assertThat(FleetOutcome.changed(outcome.summary()).summary()).isEqualTo(outcome.summary());
    }

    @Test
    void outcome_whenCutFallsInASurrogatePair_keepsThePairWhole() {
        String text = "z".repeat(499) + "\uD83D\uDE00" + "tail";

        assertThat(FleetOutcome.ok(text).summary()).isEqualTo("z".repeat(499) + "...");
    }

    @Test
    void run_whenTaskFailsWithAHugeMessage_theLineIsBounded() {
        FleetReport report = Fleet.builder().build().run(List.of(FleetMember.of("a", () -> 1)), i -> {
            throw new IllegalStateException("m\n".repeat(2_000));
        });

        String summary = report.line("a").orElseThrow().summary();
        assertThat(summary).startsWith("IllegalStateException: m\\u000am").hasSize(503).endsWith("...");
    }

    @Test
    void line_whenSummaryIsNotEscaped_isRefusedRatherThanEscapedAgain() {
        assertThatThrownBy(() -> new FleetLine("a", FleetStatus.OK, "two\nlines", Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fleet line summary");
        assertThat(new FleetLine("a", FleetStatus.OK, "a\\u000ab", Duration.ZERO).summary()).isEqualTo("a\\u000ab");
    }

    @Test
    void run_whenAMembersConnectionLacksTheFleetsGate_failsThatMemberWithoutRunningItsTask() {
        Fleet fleet = Fleet.builder().concurrency(2).build();
        CallGate other = CallGate.of(2);
        AtomicInteger ran = new AtomicInteger();
        List<FleetMember<Connection>> members = List.of(
                FleetMember.of("wired", () -> new Connection(fleet.callGate())),
                FleetMember.of("unwired", () -> new Connection(null)),
                FleetMember.of("other-fleet", () -> new Connection(other)));

        FleetReport report = fleet.run(members, connection -> {
            ran.incrementAndGet();
            return FleetOutcome.ok("fine");
        });

        assertThat(ran).hasValue(1);
        assertThat(report.line("wired").orElseThrow().status()).isEqualTo(FleetStatus.OK);
        assertThat(report.line("unwired").orElseThrow().summary()).contains("fleet member 'unwired'")
                .contains("no gate").contains("DatabricksWorkspace.Builder.callGate(fleet.callGate())");
        assertThat(report.line("other-fleet").orElseThrow().status()).isEqualTo(FleetStatus.FAILED);
        assertThat(report.line("other-fleet").orElseThrow().summary()).contains("another gate");
    }

    private record Connection(CallGate gate) implements FleetConnection {
        @Override
        public Optional<CallGate> callGate() {
            return Optional.ofNullable(gate);
        }
    }
}
