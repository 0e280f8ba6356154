package dev.lakesetup.core.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesetup.core.apply.CallPolicy;
import dev.lakesetup.core.apply.RetryPolicy;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.exception.ServiceException.Failure;
import dev.lakesetup.core.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fan-out under the policy's concurrency: order, bound, nesting without deadlock, failures not retried again. */
@Timeout(20)
class FanoutTest {
    private final FakeTime time = new FakeTime();
    private final Retrier retrier = Retrier.of(CallPolicy.builder().clock(time).sleeper(time).random(() -> 0.5)
            .retryPolicy(RetryPolicy.builder().jitter(0).maxAttempts(3).initialBackoff(Duration.ofMillis(10))
                    .build()).build());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private <T> T counted(T value) {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(2);
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return value;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static List<Integer> items(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    @Test
    void runAll_answersInItemOrderWithinTheConcurrency() {
        try (Fanout fanout = new Fanout("test", 4, retrier, () -> false)) {
            List<Integer> answers = fanout.runAll("square", items(50), i -> counted(i * i));

            assertThat(answers).isEqualTo(items(50).stream().map(i -> i * i).toList());
            assertThat(peak.get()).isBetween(1, 4);
        }
    }

    @Test
    void runAll_whenATaskOnThePoolFansOutAgain_completesWithoutDeadlockWithinTheConcurrency() {
        try (Fanout fanout = new Fanout("test", 2, retrier, () -> false)) {
            List<Integer> sums = fanout.runAll("outer", items(6), i -> fanout.runAll("inner", items(10),
                    j -> counted(j)).stream().mapToInt(Integer::intValue).sum() + i);

            assertThat(sums).containsExactly(45, 46, 47, 48, 49, 50);
            assertThat(peak.get()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void runAll_retriesEachItemOnItsOwn() {
        ConcurrentHashMap<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        try (Fanout fanout = new Fanout("test", 3, retrier, () -> false)) {
            List<Integer> answers = fanout.runAll("read", items(5), i -> {
                if (calls.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet() == 1 && i == 3) {
                    throw ServiceException.builder(Failure.TRANSIENT, "reset").build();
                }
                return i;
            });

            assertThat(answers).isEqualTo(items(5));
            assertThat(calls.get(3)).hasValue(2);
            assertThat(calls.get(0)).hasValue(1);
        }
    }

    @Test
    void runAll_whenAnItemFailsForGood_failsInAWayAnOuterRetryDoesNotRepeat() {
        AtomicInteger outerAttempts = new AtomicInteger();
        AtomicInteger itemCalls = new AtomicInteger();
        try (Fanout fanout = new Fanout("test", 3, retrier, () -> false)) {
            assertThatThrownBy(() -> retrier.call("outer", () -> {
                outerAttempts.incrementAndGet();
                return fanout.runAll(i -> "read item " + i, items(4), i -> {
                    if (i == 2) {
                        itemCalls.incrementAndGet();
                        throw ServiceException.builder(Failure.THROTTLED, "429").build();
                    }
                    return i;
                });
            })).isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                assertThat(e).hasMessageStartingWith("read item 2 failed after 3 attempts: 429");
                assertThat(Classifier.classify(e)).isEqualTo(Failure.FATAL);
            });
        }
        assertThat(outerAttempts).hasValue(1);
        assertThat(itemCalls).hasValue(3);
    }

    @Test
    void runAll_whenStopped_startsNoItem() {
        AtomicInteger calls = new AtomicInteger();
        try (Fanout fanout = new Fanout("test", 2, retrier, () -> true)) {
            assertThatThrownBy(() -> fanout.runAll("read", items(3), i -> calls.incrementAndGet()))
                    .isInstanceOf(Retrier.InterruptedCallException.class);
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void runAll_whenAHandlerWrapsAFanoutThatFailedForGood_isNotRetriedByTheOuterLayer() {
        AtomicInteger outerAttempts = new AtomicInteger();
        AtomicInteger itemCalls = new AtomicInteger();
        try (Fanout fanout = new Fanout("test", 2, retrier, () -> false)) {
            assertThatThrownBy(() -> retrier.call("outer", () -> {
                outerAttempts.incrementAndGet();
                try {
                    return fanout.runAll("read", items(1), i -> {
                        itemCalls.incrementAndGet();
                        throw ServiceException.builder(Failure.THROTTLED, "429").build();
                    });
                } catch (RuntimeException e) {
                    throw new IllegalStateException("reading failed", e);
                }
            })).isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(ServiceException.class);
        }
        assertThat(outerAttempts).hasValue(1);
        assertThat(itemCalls).hasValue(3);
    }

    @Test
    void runAll_whenThePoolIsBusyWaitingForTheCaller_theCallerMakesTheCallsItself() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        try (Fanout fanout = new Fanout("test", 1, retrier, () -> false)) {
            fanout.pool().execute(() -> {
                busy.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            busy.await();
            Thread caller = Thread.currentThread();

            List<String> threads = fanout.runAll("read", items(3), i -> Thread.currentThread().getName());

            released.countDown();
            assertThat(threads).containsOnly(caller.getName());
        }
    }

    @Test
    void runAll_fromAThreadOffThePool_usesAtMostConcurrencyMinusOneHelpers() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Fanout fanout = new Fanout("test", 3, retrier, () -> false)) {
            fanout.runAll("read", items(40), i -> threads.add(counted(Thread.currentThread().getName())));
        }
        assertThat(threads).contains(Thread.currentThread().getName()).hasSizeBetween(1, 3);
        assertThat(peak.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void runAll_whenTheEnclosingFanoutFails_anInnerFanoutStopsRetrying() {
        AtomicInteger innerCalls = new AtomicInteger();
        CountDownLatch innerStarted = new CountDownLatch(1);
        try (Fanout fanout = new Fanout("test", 2, retrier, () -> false)) {
            assertThatThrownBy(() -> fanout.runAll(() -> false, i -> "outer " + i, items(2), (i, stop) -> {
                if (i == 0) {
                    await(innerStarted);
                    throw ServiceException.builder(Failure.FATAL, "403").build();
                }
                return fanout.runAll(stop, j -> "inner", items(1), (j, innerStop) -> {
                    innerCalls.incrementAndGet();
                    innerStarted.countDown();
                    awaitTrue(stop);
                    throw ServiceException.builder(Failure.THROTTLED, "429").build();
                });
            })).isInstanceOfSatisfying(RetriesExhaustedException.class,
                    e -> assertThat(e).hasMessageStartingWith("outer 0 failed after 1 attempt: 403"));
        }
        assertThat(innerCalls).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
