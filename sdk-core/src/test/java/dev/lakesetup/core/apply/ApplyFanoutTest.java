package dev.lakesetup.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesetup.core.Lakesetup;
import dev.lakesetup.core.exception.ServiceException;
import dev.lakesetup.core.model.Blueprint;
import dev.lakesetup.core.model.Catalog;
import dev.lakesetup.core.plan.Change;
import dev.lakesetup.core.spi.ChangeResult;
import dev.lakesetup.core.spi.ExecutionContext;
import dev.lakesetup.core.testing.FakeTime;
import dev.lakesetup.core.testing.Fixtures;
import dev.lakesetup.core.testing.InMemoryWorkspace;
import dev.lakesetup.core.testing.InterceptingExecutor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handlers that fan requests out while applying: on the apply's own pool, without deadlock, each part retried. */
@Timeout(20)
class ApplyFanoutTest {
    private final FakeTime time = new FakeTime();
    private final InMemoryWorkspace workspace = new InMemoryWorkspace(time);
    private final AtomicInteger parts = new AtomicInteger();
    private final AtomicInteger partThreeCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** Sends each change as four requests in parallel; the very first request of part 3 fails transiently. */
    private final InterceptingExecutor fanningOut = new InterceptingExecutor(workspace) {
        @Override
        public ChangeResult apply(Change change, ExecutionContext context) {
            context.runAll("send part", List.of(1, 2, 3, 4), part -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    if (part == 3 && partThreeCalls.getAndIncrement() == 0) {
                        throw ServiceException.builder(ServiceException.Failure.TRANSIENT, "reset").build();
                    }
                    return parts.incrementAndGet();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            return super.apply(change, context);
        }
    };

    @Test
    void apply_whenEveryChangeFansOutOnAFullPool_completesWithinTheConcurrency() {
        Lakesetup lakesetup = Lakesetup.builder().executor(fanningOut).clock(time).sleeper(time)
                .retryPolicy(Fixtures.exactPolicy()).concurrency(2).build();
        Blueprint.Builder blueprint = Blueprint.builder();
        for (int i = 0; i < 6; i++) {
            blueprint.resource(Catalog.named("c" + i));
        }

        ApplyReport report = lakesetup.apply(lakesetup.plan(blueprint.build()));

        assertThat(report.isSuccess()).as(report.failures().toString()).isTrue();
        assertThat(parts).hasValue(24);
        // six changes, plus the one retry of the part that failed
        assertThat(partThreeCalls).hasValue(7);
        assertThat(peak.get()).isLessThanOrEqualTo(2);
        assertThat(workspace.appliedIds()).hasSize(6);
    }
}
