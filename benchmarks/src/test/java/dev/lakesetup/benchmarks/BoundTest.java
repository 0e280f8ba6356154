package dev.lakesetup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoundTest {

    @Test
    void duration_whenCallsSpreadOverConcurrency_addsCriticalPathAndShare() {
        // 3 calls on the critical path x 20 ms + 1651 calls x 20 ms / 16
        Bound bound = new Bound(3, 1651, Duration.ofMillis(20), 16);

        assertThat(bound.duration()).isEqualTo(Duration.ofMillis(60).plusNanos(1651L * 20_000_000 / 16));
    }

    @Test
    void duration_whenConcurrencyIsOne_isEveryCallInSequencePlusThePath() {
        assertThat(new Bound(2, 10, Duration.ofMillis(5), 1).duration()).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void constructor_whenConcurrencyZero_isRejected() {
        assertThatThrownBy(() -> new Bound(1, 1, Duration.ofMillis(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    }

    @Test
    void longestChain_whenIndependentChanges_isOne() {
        assertThat(Bound.longestChain(Map.of("a", Set.of(), "b", Set.of(), "c", Set.of()))).isEqualTo(1);
    }

    @Test
    void longestChain_whenDiamondAndTail_countsTheDeepestPath() {
        // sp <- secret, sp <- grant1 <- grant2 ; catalog <- schema
        Map<String, Set<String>> graph = Map.of(
                "sp", Set.of(),
                "secret", Set.of("sp"),
                "grant1", Set.of("sp"),
                "grant2", Set.of("grant1", "secret"),
                "catalog", Set.of(),
                "schema", Set.of("catalog"));

        assertThat(Bound.longestChain(graph)).isEqualTo(3);
    }

    @Test
    void longestChain_whenDependencyHasNothingToDo_ignoresIt() {
        assertThat(Bound.longestChain(Map.of("grant", Set.of("existing-catalog")))).isEqualTo(1);
    }

    @Test
    void longestChain_whenEmpty_isZero() {
        assertThat(Bound.longestChain(Map.<String, Set<String>>of())).isZero();
    }

    @Test
    void longestChain_whenCycle_isRejected() {
        assertThatThrownBy(() -> Bound.longestChain(Map.of("a", Set.of("b"), "b", Set.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    }
}
