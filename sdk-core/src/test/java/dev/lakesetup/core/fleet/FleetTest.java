package dev.lakesetup.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FleetTest {

    private static List<FleetMember<Integer>> members(int n) {
        return IntStream.range(0, n).mapToObj(i -> FleetMember.of("ws-" + i, () -> i)).toList();
    }

    @Test
    void run_whenOneMemberFails_othersRunAndTheFailureIsOnItsLine() {
        Fleet fleet = Fleet.builder().concurrency(4).build();
        List<FleetMember<Integer>> members = new ArrayList<>(members(5));
        members.add(FleetMember.of("broken-connection", () -> {
            throw new IllegalStateException("cannot connect");
        }));

        FleetReport report = fleet.run(members, i -> {
            if (i == 2) {
                throw ServiceException.builder(ServiceException.Failure.FATAL, "workspace 2 refused").build();
            }
            return i % 2 == 0 ? FleetOutcome.ok("nothing to do") : FleetOutcome.changed(i + " changes applied");
        });

        assertThat(report.lines()).extracting(FleetLine::key)
                .containsExactly("ws-0", "ws-1", "ws-2", "ws-3", "ws-4", "broken-connection");
        assertThat(report.count(FleetStatus.FAILED)).isEqualTo(2);
        assertThat(report.count(FleetStatus.OK)).isEqualTo(2);
        assertThat(report.count(FleetStatus.CHANGED)).isEqualTo(2);
        assertThat(report.line("ws-2").orElseThrow().summary()).startsWith("ServiceException: ")
                .contains("workspace 2 refused");
        assertThat(report.line("broken-connection").orElseThrow().summary())
                .isEqualTo("IllegalStateException: cannot connect");
        assertThat(report.isSuccess()).isFalse();
        assertThat(report.problems()).extracting(FleetLine::key).containsExactly("ws-2", "broken-connection");
    }

    @Test
    void run_withMembersInFlight_neverRunsMoreTasksAtOnce() {
        Fleet fleet = Fleet.builder().concurrency(8).membersInFlight(3).build();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch firstThree = new CountDownLatch(3);

        FleetReport report = fleet.run(members(20), i -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            firstThree.countDown();
            try {
                // the first three wait for each other, so the bound is reached, not just respected
                firstThree.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FleetOutcome.ok("done");
        });

        assertThat(report.count(FleetStatus.OK)).isEqualTo(20);
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void callGate_whenManyThreadsCall_holdsTheLimit() throws InterruptedException {
        Fleet fleet = Fleet.builder().concurrency(4).membersInFlight(16).build();
        CallGate gate = fleet.callGate();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();

        FleetReport report = fleet.run(members(16), i -> {
            for (int call = 0; call < 50; call++) {
                gate.enter();
                try {
                    peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                } finally {
                    gate.exit();
                }
            }
            return FleetOutcome.ok("50 calls");
        });

        assertThat(report.isSuccess()).isTrue();
        assertThat(peak.get()).isLessThanOrEqualTo(4);
        assertThat(gate.peakInFlight()).isLessThanOrEqualTo(4).isPositive();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void run_tellsTheListenerEachStartAndEnd() {
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<FleetProgress> last = new AtomicReference<>();
        FleetListener listener = new FleetListener() {
            @Override
            public void memberStarted(String key, FleetProgress progress) {
                events.add("start " + key);
            }

            @Override
            public void memberFinished(FleetLine line, FleetProgress progress) {
                events.add("end " + line.key() + " " + line.status());
                if (progress.finished() == progress.total()) {
                    last.set(progress);
                }
                throw new IllegalStateException("a listener that throws does not stop the run");
            }
        };
        Fleet fleet = Fleet.builder().concurrency(1).listener(listener).build();

        FleetReport report = fleet.run(members(3), i -> i == 1 ? FleetOutcome.failed("validation failed")
                : FleetOutcome.drift(i + " changes pending"));

        assertThat(events).containsExactly("start ws-0", "end ws-0 DRIFT", "start ws-1", "end ws-1 FAILED",
                "start ws-2", "end ws-2 DRIFT");
        assertThat(last.get()).isEqualTo(new FleetProgress(3, 3, 3, 1));
        assertThat(last.get().inFlight()).isZero();
        assertThat(report.count(FleetStatus.DRIFT)).isEqualTo(2);
    }

    @Test
    void run_whenTheCallerIsInterrupted_cancelsTheRestAndReturnsTheReport() throws Exception {
        Fleet fleet = Fleet.builder().concurrency(1).build();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<FleetReport> report = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            report.set(fleet.run(members(3), i -> {
                firstStarted.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException("stopped waiting", e);
                }
                return FleetOutcome.ok("unreachable");
            }));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(report.get().lines()).extracting(FleetLine::status).containsOnly(FleetStatus.CANCELLED);
        assertThat(report.get().line("ws-0").orElseThrow().summary()).startsWith("interrupted: ");
        assertThat(report.get().line("ws-2").orElseThrow().summary()).contains("not started");
        assertThat(flagAfter.get()).isTrue();
    }

    @Test
    void render_escapesServiceTextInBothFormats() throws Exception {
        String hostile = "bad\n\u001b[31mFORGED OK line\u2028end";
        FleetReport report = Fleet.builder().build().run(members(2), i -> {
            if (i == 0) {
                throw new IllegalArgumentException(hostile);
            }
            return FleetOutcome.changed(hostile);
        });

        String text = FleetFormat.TEXT.render(report);
        assertThat(text.split("\n")).hasSize(3);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u2028").contains("\\u001b[31mFORGED");
        JsonNode json = new ObjectMapper().readTree(FleetFormat.JSON.render(report));
        assertThat(json.get("schema").asText()).isEqualTo("lakesetup.fleet-report/v1");
        assertThat(json.get("counts").get("FAILED").asInt()).isEqualTo(1);
        assertThat(json.get("members").get(1).get("summary").asText()).doesNotContain("\n").doesNotContain("\u001b");
        assertThat(json.get("members").get(0).get("summary").asText()).startsWith("IllegalArgumentException: bad\\u000a");
    }

    @Test
    void run_whenTwoMembersShareAKey_isRefused() {
        Fleet fleet = Fleet.builder().build();
        List<FleetMember<Integer>> twice = List.of(FleetMember.of("a", () -> 1), FleetMember.of("a", () -> 2));

        assertThatThrownBy(() -> fleet.run(twice, i -> FleetOutcome.ok("x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fleet member key");
    }

    @Test
    void builder_whenOutOfRange_namesTheField() {
        assertThatThrownBy(() -> Fleet.builder().concurrency(0)).hasMessageContaining("fleet concurrency");
        assertThatThrownBy(() -> Fleet.builder().membersInFlight(20_000)).hasMessageContaining("members in flight");
        assertThatThrownBy(() -> FleetMember.of("line\nbreak", () -> 1)).hasMessageContaining("fleet member key");
        assertThatThrownBy(() -> new FleetOutcome(FleetStatus.CANCELLED, "x"))
                .hasMessageContaining("only the fleet cancels");
        assertThat(Fleet.builder().concurrency(64).build().membersInFlight()).isEqualTo(64);
        assertThat(Fleet.builder().build().run(List.<FleetMember<Integer>>of(), i -> FleetOutcome.ok("x"))
                .lines()).isEmpty();
        assertThat(FleetReport.of(List.of(new FleetLine("a", FleetStatus.OK, "fine", Duration.ofMillis(5))),
                Duration.ofSeconds(1)).toString()).isEqualTo("FleetReport[1 members in 1000 ms, 1 OK]");
    }
}
