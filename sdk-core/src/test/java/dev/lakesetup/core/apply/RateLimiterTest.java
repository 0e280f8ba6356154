package dev.lakesetup.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.exception.LakesetupException;
import dev.lakesetup.core.testing.FakeTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The rate limit over sliding one-second windows, on fake time: requests that take one permit each, as a
 * connection's transport takes them (moved here from the engine's former call guard, which no longer takes permits).
 */
class RateLimiterTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final FakeTime time = new FakeTime();
    private final List<Instant> calls = Collections.synchronizedList(new ArrayList<>());

    private RateLimiter guard(int rate) {
        return RateLimiter.of(rate, time, time);
    }

    private void call(RateLimiter limiter, int times) {
        for (int i = 0; i < times; i++) {
            limiter.acquire();
            calls.add(time.instant());
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
    void acquire_whenCallsRunBackToBack_spacesThemEvenlyAtTheRate() {
        RateLimiter guard = guard(15);

        call(guard, 60);

        assertThat(peakPerSecond(calls)).isEqualTo(15);
        Duration span = Duration.between(calls.get(0), calls.get(59));
        // 59 intervals of (1 s + the arrival margin) / 15: 4,012.7 ms
        assertThat(span).isBetween(Duration.ofMillis(59 * 1_030 / 15), Duration.ofMillis(59 * 1_030 / 15 + 1));
        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - 1), calls.get(i))).as("gap before call %d", i)
                    .isEqualTo(RateLimiter.permitInterval(15));
        }
    }

    @Test
    void acquire_whenABurstStraddlesASecondBoundary_staysWithinTheRateInEverySlidingSecond() {
        RateLimiter guard = guard(15);
        call(guard, 1);
        time.advance(Duration.ofMillis(950));

        call(guard, 40);

        // A limiter refilling 15 permits at the start of each second hands out 14 calls at 0.95 s and 15 more at
        // 1.0 s: 29 within one sliding second.
        assertThat(peakPerSecond(calls)).isLessThanOrEqualTo(15);
    }

    @Test
    void acquire_afterAnIdlePeriod_doesNotBurst() {
        RateLimiter guard = guard(15);
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
        Duration span = SECOND.plus(RateLimiter.ARRIVAL_MARGIN);
        for (int rate = 1; rate <= 10_000; rate++) {
            Duration interval = RateLimiter.permitInterval(rate);
            assertThat(interval.multipliedBy(rate)).as("rate %d", rate).isGreaterThanOrEqualTo(span);
            assertThat(interval.multipliedBy(rate)).as("rate %d", rate).isLessThan(span.plusNanos(rate));
        }
    }

    @Test
    void acquire_whenRequestsArriveWithDelaysThatVaryByLessThanTheMargin_noSecondAtTheServiceHoldsMoreThanTheRate() {
        call(guard(15), 60);
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            // every fourth request is held up on the way by just under the margin, the others arrive at once
            arrivals.add(calls.get(i).plus(i % 4 == 0 ? RateLimiter.ARRIVAL_MARGIN.minusMillis(1) : Duration.ZERO));
        }
        arrivals.sort(null);

        assertThat(peakPerSecond(arrivals)).isLessThanOrEqualTo(15);
    }

    @Test
    void acquire_whenAWakeUpIsLate_spacesTheNextCallFromTheActualGrant() {
        int[] sleeps = {0};
        RateLimiter guard = RateLimiter.of(15, time, duration -> {
            // every third wait ends 20 ms late, as a loaded machine's would
            time.advance(sleeps[0]++ % 3 == 0 ? duration.plusMillis(20) : duration);
        });

        call(guard, 60);

        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - 1), calls.get(i))).as("gap before call %d", i)
                    .isGreaterThanOrEqualTo(RateLimiter.permitInterval(15));
        }
        assertThat(peakPerSecond(calls)).isLessThanOrEqualTo(15);
    }

    /** A clock that remembers the last instant each thread read: after a permit, the time it was granted at. */
    private static final class GrantClock extends Clock {
        private final Clock time;
        private final Map<Thread, Instant> lastRead = new ConcurrentHashMap<>();

        GrantClock(Clock time) {
            this.time = time;
        }

        @Override
        public Instant instant() {
            Instant now = time.instant();
            lastRead.put(Thread.currentThread(), now);
            return now;
        }

        Instant lastReadByThisThread() {
            return lastRead.get(Thread.currentThread());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void acquire_whenManyThreadsTakePermits_noSlidingSecondHoldsMoreThanTheRate() throws Exception {
        GrantClock clock = new GrantClock(time);
        RateLimiter limiter = RateLimiter.of(15, clock, time);
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10; i++) {
                    limiter.acquire();
                    calls.add(clock.lastReadByThisThread());
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        List<Instant> granted = new ArrayList<>(calls);
        granted.sort(null);
        assertThat(granted).hasSize(80);
        assertThat(peakPerSecond(granted)).isLessThanOrEqualTo(15);
    }

    @Test
    void acquire_whenInterruptedWhileWaiting_throwsAndKeepsTheInterruptFlag() throws Exception {
        RateLimiter limiter = RateLimiter.of(1, time, duration -> {
            throw new InterruptedException();
        });
        limiter.acquire();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        waiter.join(10_000);

        assertThat(thrown.get()).isInstanceOf(LakesetupException.class).hasMessageContaining("interrupted");
        assertThat(flag.get()).isTrue();
    }

    @Test
    void acquire_whenTheClockStepsBackAnHour_waitsNoLongerThanOneInterval() {
        RateLimiter limiter = guard(10);
        call(limiter, 2);
        int sleptBefore = time.sleeps().size();

        time.advance(Duration.ofHours(-1));
        call(limiter, 1);

        List<Duration> waits = time.sleeps().subList(sleptBefore, time.sleeps().size());
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus))
                .isLessThanOrEqualTo(RateLimiter.permitInterval(10));
    }

    @Test
    void acquire_afterTheClockSteppedBack_keepsSpacingPermitsEvenly() {
        RateLimiter limiter = guard(10);
        call(limiter, 1);
        time.advance(Duration.ofMinutes(-30));
        calls.clear();

        call(limiter, 21);

        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i - 1), calls.get(i))).as("gap before call %d", i)
                    .isEqualTo(RateLimiter.permitInterval(10));
        }
    }
}
