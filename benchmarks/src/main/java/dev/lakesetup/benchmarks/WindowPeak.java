package dev.lakesetup.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Finds the most events in any window of a given length, sliding (not aligned to whole seconds). */
public final class WindowPeak {
    private WindowPeak() {
    }

    /**
     * Returns the most events that fall in any half-open window {@code [t, t + window)}.
     *
     * @param nanoTimes event times in nanoseconds, in any order
     * @param window the window length
     * @return the peak count, 0 when there are no events
     */
    public static int peak(List<Long> nanoTimes, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        List<Long> sorted = new ArrayList<>(nanoTimes);
        Collections.sort(sorted);
        long length = window.toNanos();
        int peak = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= length) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }
}
