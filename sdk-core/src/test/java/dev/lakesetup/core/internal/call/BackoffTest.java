package dev.lakesetup.core.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    private final RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).multiplier(2)
            .maxBackoff(Duration.ofSeconds(1)).jitter(0).maxRetryAfter(Duration.ofSeconds(60)).build();
    private final Backoff backoff = new Backoff(policy, () -> 0.5);
    private final RuntimeException transientFailure = ServiceException.builder(Failure.TRANSIENT, "503").build();

    @ParameterizedTest(name = "attempt {0} waits {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "30, 1000"})
    void delay_growsExponentiallyUpToTheCap(int attempt, long millis) {
        assertThat(backoff.delay(attempt, transientFailure, policy.initialBackoff())).isEqualTo(
                Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "Retry-After {0} s waits {1} s")
    @CsvSource({"3, 3", "60, 60", "86400, 60", "0, 0", "-30, 0"})
    void delay_honoursRetryAfterCapped(long seconds, long expected) {
        RuntimeException throttled = ServiceException.builder(Failure.THROTTLED, "429")
                .retryAfter(Duration.ofSeconds(seconds)).build();

        assertThat(backoff.delay(1, throttled, policy.initialBackoff())).isEqualTo(Duration.ofSeconds(expected));
    }

    @Test
    void delay_withJitter_staysWithinTheFractionAndTheCap() {
        RetryPolicy jittery = policy.toBuilder().jitter(0.2).build();

        assertThat(new Backoff(jittery, () -> 0.0).delay(2, transientFailure, jittery.initialBackoff()))
                .isEqualTo(Duration.ofMillis(160));
        assertThat(new Backoff(jittery, () -> 0.999_999).delay(2, transientFailure, jittery.initialBackoff()))
                .isEqualTo(Duration.ofMillis(240));
        assertThat(new Backoff(jittery, () -> 0.999_999).delay(10, transientFailure, jittery.initialBackoff()))
                .isEqualTo(Duration.ofSeconds(1));
    }
}
