package dev.lakesetup.core.internal.apply;

import static dev.lakesetup.core.internal.apply.RateLimitTest.peakPerSecond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.ServiceException;
import dev.lakesetup.core.model.ApplicationId;
import dev.lakesetup.core.model.Resource;
import dev.lakesetup.core.model.ResourceId;
import dev.lakesetup.core.model.ServicePrincipal;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.spi.Executor;
import dev.lakesetup.core.spi.ForwardingExecutor;
import dev.lakesetup.core.spi.ObservedResource;
import dev.lakesetup.core.spi.RequestPermits;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rate limit per request: permits bound to the thread of a guarded call, on fake time. */
class RequestPermitsTest {
    private static final int RATE = 5;
    private static final Duration INTERVAL = CallGuard.permitInterval(RATE);

    private final FakeTime time = new FakeTime();
    private final List<Instant> requests = new ArrayList<>();
    private final CallGuard guard = new CallGuard(Fixtures.exactPolicy(), RATE, time, time, () -> 0.5);

    /** Sends a request as a metering HTTP layer does: a permit first, then the request. */
    private Void send(int count) {
        for (int i = 0; i < count; i++) {
            RequestPermits.current().acquire();
            requests.add(time.instant());
        }
        return null;
    }

    private static void noRetries(int attempt, Duration delay, Throwable cause) {
    }

    @Test
    void call_whenEachCallSendsSeveralRequests_spacesEveryRequestAtTheRate() {
        for (int i = 0; i < 10; i++) {
            guard.call("call", () -> send(3), RequestPermitsTest::noRetries);
        }

        assertThat(requests).hasSize(30);
        assertThat(peakPerSecond(requests)).isEqualTo(RATE);
        for (int i = 1; i < requests.size(); i++) {
            assertThat(Duration.between(requests.get(i - 1), requests.get(i))).as("gap before request %d", i)
                    .isEqualTo(INTERVAL);
        }
    }

    @Test
    void call_whenTheCallSendsNoRequest_takesNoPermit() {
        for (int i = 0; i < 50; i++) {
            guard.call("cached answer", () -> send(0), RequestPermitsTest::noRetries);
        }

        assertThat(time.elapsed()).isZero();
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void call_whenAnAttemptFailsAndIsRetried_takesPermitsForTheRequestsOfEveryAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        guard.call("flaky", () -> {
            send(2);
            if (attempts.incrementAndGet() < 3) {
                throw ServiceException.builder(ServiceException.Failure.TRANSIENT, "503").build();
            }
            return null;
        }, RequestPermitsTest::noRetries);

        assertThat(requests).hasSize(6);
        for (int i = 1; i < requests.size(); i++) {
            assertThat(Duration.between(requests.get(i - 1), requests.get(i))).as("gap before request %d", i)
                    .isGreaterThanOrEqualTo(INTERVAL);
        }
        assertThat(peakPerSecond(requests)).isLessThanOrEqualTo(RATE);
    }

    @Test
    void current_outsideAGuardedCall_neverWaits() {
        assertThat(RequestPermits.current()).isSameAs(RequestPermits.unlimited());

        send(100);

        assertThat(time.elapsed()).isZero();
    }

    @Test
    void call_afterTheCallThrows_restoresTheBindingOfTheThread() {
        assertThatThrownBy(() -> guard.call("fatal", () -> {
            assertThat(RequestPermits.current()).isNotSameAs(RequestPermits.unlimited());
            throw ServiceException.builder(ServiceException.Failure.FATAL, "403").build();
        }, RequestPermitsTest::noRetries)).isInstanceOf(CallGuard.CallFailedException.class);

        assertThat(RequestPermits.current()).isSameAs(RequestPermits.unlimited());
    }

    @Test
    void callWithPermit_whenTheCallSendsRequests_theFirstRequestUsesTheCallsPermit() {
        for (int i = 0; i < 4; i++) {
            guard.callWithPermit("preflight", () -> send(2), RequestPermitsTest::noRetries);
        }

        assertThat(requests).hasSize(8);
        assertThat(peakPerSecond(requests)).isEqualTo(RATE);
        // 8 permits, not 12: the first request of each call is not counted twice
        assertThat(Duration.between(requests.get(0), requests.get(7))).isEqualTo(INTERVAL.multipliedBy(7));
    }

    @Test
    void acquire_whenTheThreadIsInterruptedWhileWaiting_failsTheCallAndKeepsTheFlag() {
        try {
            assertThatThrownBy(() -> guard.call("interrupted", () -> {
                send(1);
                Thread.currentThread().interrupt();
                return send(1);
            }, RequestPermitsTest::noRetries)).isInstanceOf(CallGuard.InterruptedCallException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(requests).hasSize(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void router_whenAnExecutorDoesNotMeterItsRequests_takesOnePermitPerCall() {
        Executor executor = new Router(List.of(new Recording(false))).executors().get(0);

        for (int i = 0; i < 6; i++) {
            guard.call("read", () -> executor.readResources(List.of(), null), RequestPermitsTest::noRetries);
            guard.call("resolve", () -> executor.resolve(ServicePrincipal.named("app")),
                    RequestPermitsTest::noRetries);
        }

        assertThat(requests).hasSize(12);
        assertThat(peakPerSecond(requests)).isEqualTo(RATE);
        assertThat(Duration.between(requests.get(0), requests.get(11))).isEqualTo(INTERVAL.multipliedBy(11));
    }

    @Test
    void router_whenAnExecutorThatDoesNotMeterSendsMeteredRequests_countsItsFirstRequestOnce() {
        Executor executor = new Router(List.of(new ForwardingExecutor(new InMemoryWorkspace(time)) {
            @Override
            public Optional<ApplicationId> resolve(ServicePrincipal principal) {
                // a SQL executor that hands a call to a REST executor: two metered requests
                send(2);
                return Optional.empty();
            }
        })).executors().get(0);

        for (int i = 0; i < 4; i++) {
            guard.call("resolve", () -> executor.resolve(ServicePrincipal.named("app")),
                    RequestPermitsTest::noRetries);
        }

        // 8 permits (the call's, used by its first request, and one for the second), not 12
        assertThat(requests).hasSize(8);
        assertThat(Duration.between(requests.get(0), requests.get(7))).isEqualTo(INTERVAL.multipliedBy(7));
    }

    @Test
    void router_whenAnExecutorMetersItsRequests_takesNoPermitForTheCallItself() {
        Executor executor = new Router(List.of(new Recording(true))).executors().get(0);

        for (int i = 0; i < 6; i++) {
            guard.call("read", () -> executor.readResources(List.of(), null), RequestPermitsTest::noRetries);
        }

        // each call sends one metered request: 6 permits, not 12
        assertThat(requests).hasSize(6);
        assertThat(Duration.between(requests.get(0), requests.get(5))).isEqualTo(INTERVAL.multipliedBy(5));
    }

    /**
     * Records each call of an in-memory executor: a metering one sends one request through the bound permits;
     * another records when it is called (the engine took its permit just before).
     */
    private final class Recording extends ForwardingExecutor {
        private final boolean meters;

        Recording(boolean meters) {
            super(new InMemoryWorkspace(time));
            this.meters = meters;
        }

        private void called() {
            if (meters) {
                send(1);
            } else {
                requests.add(time.instant());
            }
        }

        @Override
        public boolean metersRequests() {
            return meters;
        }

        @Override
        public Map<ResourceId, ObservedResource> readResources(Collection<? extends Resource> resources,
                ExecutionContext context) {
            called();
            return super.readResources(resources, context);
        }

        @Override
        public Optional<ApplicationId> resolve(ServicePrincipal principal) {
            called();
            return super.resolve(principal);
        }
    }
}
