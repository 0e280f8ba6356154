package dev.lakesetup.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPeakTest {
    private static final long MS = 1_000_000L;
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void peak_whenNoEvents_isZero() {
        assertThat(WindowPeak.peak(List.of(), SECOND)).isZero();
    }

    @Test
    void peak_whenBurstsStraddleASecondBoundary_countsThemInOneSlidingWindow() {
        // 15 at 900..914 ms and 15 at 1000..1014 ms: aligned windows see 15 each, a sliding one sees 30
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            times.add((900 + i) * MS);
            times.add((1000 + i) * MS);
        }
        assertThat(WindowPeak.peak(times, SECOND)).isEqualTo(30);
    }

    @Test
    void peak_whenEventsExactlyOneWindowApart_doesNotCountBoth() {
        assertThat(WindowPeak.peak(List.of(0L, 1000 * MS, 2000 * MS), SECOND)).isEqualTo(1);
    }

    @Test
    void peak_whenSteadyRate_isThatRate() {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            times.add(i * 100 * MS + 7);
        }
        assertThat(WindowPeak.peak(times, SECOND)).isEqualTo(10);
    }

    @Test
    void peak_whenUnsorted_sortsFirst() {
        assertThat(WindowPeak.peak(List.of(1500 * MS, 10L, 900 * MS, 20L), SECOND)).isEqualTo(3);
    }

    @Test
    void peak_whenWindowNotPositive_isRejected() {
        assertThatThrownBy(() -> WindowPeak.peak(List.of(1L), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
