package dev.lakesetup.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.apply.ApplyListener;
import dev.lakesetup.core.apply.ApplyReport;
import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.ChangeOutcome;
import dev.lakesetup.core.exception.InvalidInputException;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LakesetupTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);

    @Test
    void builder_hasDocumentedDefaults() {
        Lakesetup lakesetup = Lakesetup.builder().executor(workspace).build();

        assertThat(lakesetup.concurrency()).isEqualTo(8);
        assertThat(lakesetup.callPolicy().concurrency()).isEqualTo(8);
        assertThat(lakesetup.retryPolicy().maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void builder_whenNoExecutor_failsClearly() {
        assertThatThrownBy(() -> Lakesetup.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executor");
    }

    @Test
    void builder_whenConcurrencyOutOfRange_namesTheField() {
        assertThatThrownBy(() -> Lakesetup.builder().concurrency(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("concurrency");
    }

    @Test
    void toBuilder_derivesAnIndependentInstance() {
        Lakesetup base = Lakesetup.builder().executor(workspace).build();

        Lakesetup derived = base.toBuilder().concurrency(2).build();

        assertThat(derived.concurrency()).isEqualTo(2);
        assertThat(base.concurrency()).isEqualTo(8);
    }

    @Test
    void apply_whenListenerThrows_stillApplies() {
        ApplyListener broken = new ApplyListener() {
            @Override
            public void done(ChangeOutcome outcome) {
                throw new IllegalStateException("listener bug");
            }
        };
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time, broken).build();

        ApplyReport report = lakesetup.apply(lakesetup.plan(Blueprint.builder().resource(Catalog.named("a")).build()));

        assertThat(report.isSuccess()).isTrue();
    }

    @Test
    void serviceException_carriesItsFieldsAndTreatsPastRetryAfterAsZero() {
        ServiceException e = ServiceException.builder(ServiceException.Failure.THROTTLED, "slow down").status(429)
                .errorCode("REQUEST_LIMIT_EXCEEDED").requestId("r-1").retryAfter(Duration.ofSeconds(-5)).build();

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(e.requestId()).contains("r-1");
        assertThat(e.retryAfter()).contains(Duration.ZERO);
        assertThat(e.retryable()).isTrue();
        assertThat(ServiceException.builder(ServiceException.Failure.FATAL, "no").build().retryable()).isFalse();
    }

    @Test
    void call_whenThrottledTwice_retriesOnTheClockAndReturns() {
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        String value = lakesetup.call("preflight", () -> {
            if (calls.incrementAndGet() <= 2) {
                throw ServiceException.builder(ServiceException.Failure.THROTTLED, "slow down").status(429).build();
            }
            return "ok";
        });

        assertThat(value).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void call_whenFatal_throwsTheCallsOwnExceptionAtOnce() {
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
        ServiceException fatal = ServiceException.builder(ServiceException.Failure.FATAL, "no metastore")
                .errorCode("METASTORE_DOES_NOT_EXIST").build();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> lakesetup.call("preflight", () -> {
            calls.incrementAndGet();
            throw fatal;
        })).isSameAs(fatal);
        assertThat(calls).hasValue(1);
    }

    @Test
    void builder_callPolicy_isTheEnginesPolicyAndTheShortcutsSetIt() {
        CallPolicy policy = CallPolicy.builder().concurrency(3).clock(time).sleeper(time).build();

        Lakesetup lakesetup = Lakesetup.builder().executor(workspace).callPolicy(policy).build();
        Lakesetup derived = lakesetup.toBuilder().concurrency(5).build();

        assertThat(lakesetup.callPolicy()).isSameAs(policy);
        assertThat(lakesetup.concurrency()).isEqualTo(3);
        assertThat(derived.concurrency()).isEqualTo(5);
        assertThat(derived.callPolicy().clock()).isSameAs(time);
        assertThat(derived.callPolicy().sleeper()).isSameAs(time);
        assertThat(lakesetup.concurrency()).as("the original is unchanged").isEqualTo(3);
    }

    @Test
    void call_waitsOnThePolicysSleeper() {
        Lakesetup lakesetup = Fixtures.lakesetup(workspace, time).build();
        int[] calls = {0};

        lakesetup.call("preflight", () -> {
            if (calls[0]++ == 0) {
                throw ServiceException.builder(ServiceException.Failure.THROTTLED, "429")
                        .retryAfter(Duration.ofSeconds(7)).build();
            }
            return "ok";
        });

        assertThat(time.nonZeroSleeps()).containsExactly(Duration.ofSeconds(7));
    }
}
