package dev.lakesetup.core.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limit over sliding one-second windows, on fake time: calls that take one permit each. */
class RateLimitTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final FakeTime time = new FakeTime();
    private final List<Instant> calls = new ArrayList<>();

    private CallGuard guard(int rate) {
        return new CallGuard(Fixtures.exactPolicy(), rate, time, time, () -> 0.5);
    }

    private void call(CallGuard guard, int times) {
        for (int i = 0; i < times; i++) {
            guard.callWithPermit("call", () -> calls.add(time.instant()), (attempt, delay, cause) -> { });
        }
    }

    /** Returns the most calls whose start falls in any half-open window [t, t + 1 s). */
    static int peakPerSecond(List<Instant> starts) {
        int peak = 0;
        int from = 0;
        for (int to = 0; to < starts.size(); to++) {
            while (!starts.get(from).plus(SECOND).isAfter(starts.get(to))) {
                from++;
            }
            peak = Math.max(peak, to - from + 1);
        }
        return peak;
    }

    @Test
    void call_whenCallsRunBackToBack_spacesThemEvenlyAtTheRate() {
        CallGuard guard = guard(15);

        call(guard, 60);

        assertThat(peakPerSecond(calls)).isEqualTo(15);
        Duration span = Duration.between(calls.get(0), calls.get(59));
        // 59 intervals of (1 s + the arrival margin) / 15: 4,012.7 ms
        assertThat(span).isBetween(Duration.ofMillis(59 * 1_030 / 15), Duration.ofMillis(59 * 1_030 / 15 + 1));
        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - 1), calls.get(i))).as("gap before call %d", i)
                    .isEqualTo(CallGuard.permitInterval(15));
        }
    }

    @Test
    void call_whenABurstStraddlesASecondBoundary_staysWithinTheRateInEverySlidingSecond() {
        CallGuard guard = guard(15);
        call(guard, 1);
        time.advance(Duration.ofMillis(950));

        call(guard, 40);

        // A limiter refilling 15 permits at the start of each second hands out 14 calls at 0.95 s and 15 more at
        // 1.0 s: 29 within one sliding second.
        assertThat(peakPerSecond(calls)).isLessThanOrEqualTo(15);
    }

    @Test
    void call_afterAnIdlePeriod_doesNotBurst() {
        CallGuard guard = guard(15);
        call(guard, 5);
        time.advance(Duration.ofSeconds(10));
        Instant idleEnd = time.instant();

        call(guard, 30);

        List<Instant> afterIdle = calls.subList(5, calls.size());
        assertThat(peakPerSecond(calls)).isLessThanOrEqualTo(15);
        assertThat(afterIdle.stream().filter(t -> t.isBefore(idleEnd.plusMillis(100)))).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void permitInterval_timesTheRate_isOneSecondPlusTheArrivalMargin() {
        Duration span = SECOND.plus(CallGuard.ARRIVAL_MARGIN);
        for (int rate = 1; rate <= 10_000; rate++) {
            Duration interval = CallGuard.permitInterval(rate);
            assertThat(interval.multipliedBy(rate)).as("rate %d", rate).isGreaterThanOrEqualTo(span);
            assertThat(interval.multipliedBy(rate)).as("rate %d", rate).isLessThan(span.plusNanos(rate));
        }
    }

    @Test
    void call_whenRequestsArriveWithDelaysThatVaryByLessThanTheMargin_noSecondAtTheServiceHoldsMoreThanTheRate() {
        call(guard(15), 60);
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            // every fourth request is held up on the way by just under the margin, the others arrive at once
            arrivals.add(calls.get(i).plus(i % 4 == 0 ? CallGuard.ARRIVAL_MARGIN.minusMillis(1) : Duration.ZERO));
        }
        arrivals.sort(null);

        assertThat(peakPerSecond(arrivals)).isLessThanOrEqualTo(15);
    }

    @Test
    void call_whenAWakeUpIsLate_spacesTheNextCallFromTheActualGrant() {
        int[] sleeps = {0};
        CallGuard guard = new CallGuard(Fixtures.exactPolicy(), 15, time, duration -> {
            // every third wait ends 20 ms late, as a loaded machine's would
            time.advance(sleeps[0]++ % 3 == 0 ? duration.plusMillis(20) : duration);
        }, () -> 0.5);

        call(guard, 60);

        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - 1), calls.get(i))).as("gap before call %d", i)
                    .isGreaterThanOrEqualTo(CallGuard.permitInterval(15));
        }
        assertThat(peakPerSecond(calls)).isLessThanOrEqualTo(15);
    }
}
