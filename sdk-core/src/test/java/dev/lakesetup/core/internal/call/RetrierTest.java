package dev.lakesetup.core.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.testing.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's own retries: classification, backoff and Retry-After, waiting on the policy's sleeper. */
class RetrierTest {
    private final FakeTime time = new FakeTime();
    private final AtomicInteger attempts = new AtomicInteger();

    private Retrier retrier(RetryPolicy.Builder policy) {
        return Retrier.of(CallPolicy.builder().retryPolicy(policy.build()).clock(time).sleeper(time)
                .random(() -> 0.5).build());
    }

    private static RetryPolicy.Builder exact() {
        return RetryPolicy.builder().jitter(0).initialBackoff(Duration.ofMillis(100)).multiplier(2)
                .maxBackoff(Duration.ofSeconds(2)).maxAttempts(4).maxRetryAfter(Duration.ofSeconds(30));
    }

    private String failing(int times, Failure failure) {
        if (attempts.incrementAndGet() <= times) {
            throw ServiceException.builder(failure, "attempt " + attempts.get()).build();
        }
        return "ok";
    }

    @Test
    void call_whenTransientFailuresPass_retriesWithExponentialBackoffOnTheSleeper() {
        assertThat(retrier(exact()).call("read", () -> failing(3, Failure.TRANSIENT))).isEqualTo("ok");

        assertThat(attempts).hasValue(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void call_whenThrottledWithRetryAfter_waitsWhatTheServiceAsksCapped() {
        int[] calls = {0};
        String answer = retrier(exact()).call("read", () -> {
            if (calls[0]++ < 2) {
                throw ServiceException.builder(Failure.THROTTLED, "429")
                        .retryAfter(Duration.ofSeconds(calls[0] == 1 ? 3 : 3600)).build();
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    @Test
    void call_whenAttemptsRunOut_throwsTheLastFailureAsThrown() {
        assertThatThrownBy(() -> retrier(exact()).call("read", () -> failing(10, Failure.TRANSIENT)))
                .isInstanceOf(ServiceException.class).hasMessage("attempt 4");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void run_whenFatal_failsAtOnceCountingTheAttempt() {
        assertThatThrownBy(() -> retrier(exact()).run("write", () -> failing(1, Failure.FATAL),
                Retrier.RetryObserver.NONE, () -> false))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.failure()).isEqualTo(Failure.FATAL);
                    assertThat(e).hasMessage("write failed after 1 attempt: attempt 1");
                });
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void run_whenNotYetVisible_retriesWithinItsOwnBoundAndWindow() {
        RetryPolicy.Builder policy = exact().maxAttempts(2).notYetVisibleMaxAttempts(20)
                .notYetVisibleWindow(Duration.ofSeconds(5));

        assertThatThrownBy(() -> retrier(policy).run("grant", () -> failing(100, Failure.NOT_YET_VISIBLE),
                Retrier.RetryObserver.NONE, () -> false))
                .isInstanceOf(RetriesExhaustedException.class);

        // more attempts than the general bound of 2, stopped by the 5 s window: 0.1 + 0.2 + 0.4 + 0.8 + 1.6 + 2 s
        assertThat(attempts.get()).isGreaterThan(2);
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void run_whenAFanOutInsideFailedForGood_doesNotRetryIt() {
        RetriesExhaustedException inner = new RetriesExhaustedException("read a batch",
                ServiceException.builder(Failure.THROTTLED, "429").build(), 4, Failure.THROTTLED);

        assertThatThrownBy(() -> retrier(exact()).run("read", () -> {
            attempts.incrementAndGet();
            throw inner;
        }, Retrier.RetryObserver.NONE, () -> false)).isInstanceOf(RetriesExhaustedException.class)
                .hasCause(inner);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void run_whenStopped_makesNoFurtherAttempt() {
        AtomicBoolean stopped = new AtomicBoolean();

        assertThatThrownBy(() -> retrier(exact()).run("write", () -> {
            stopped.set(true);
            return failing(10, Failure.TRANSIENT);
        }, Retrier.RetryObserver.NONE, stopped::get)).isInstanceOfSatisfying(Retrier.InterruptedCallException.class,
                e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void run_whenInterruptedWhileWaiting_stopsAndKeepsTheFlag() {
        Retrier retrier = Retrier.of(CallPolicy.builder().retryPolicy(exact().build()).clock(time)
                .sleeper(duration -> {
                    throw new InterruptedException();
                }).build());
        try {
            assertThatThrownBy(() -> retrier.call("read", () -> failing(10, Failure.TRANSIENT)))
                    .isInstanceOf(Retrier.InterruptedCallException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void run_tellsTheObserverBeforeEachRetry() {
        StringBuilder told = new StringBuilder();

        retrier(exact()).run("read", () -> failing(2, Failure.TRANSIENT),
                (attempt, delay, cause) -> told.append(attempt).append('@').append(delay.toMillis()).append(' '),
                () -> false);

        assertThat(told).hasToString("1@100 2@200 ");
    }
}
