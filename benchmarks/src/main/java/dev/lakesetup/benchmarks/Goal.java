package dev.lakesetup.benchmarks;

import java.util.Locale;

/**
 * A goal of a workload: a measured number against a limit it must stay under (or reach).
 *
 * @param name what is measured, e.g. {@code wall / bound}
 * @param measured the measured value
 * @param limit the limit
 * @param atMost {@code true} when the measured value must be at most the limit, {@code false} when at least
 */
public record Goal(String name, double measured, double limit, boolean atMost) {

    /**
     * Returns a goal the measured value must not exceed.
     *
     * @param name what is measured
     * @param measured the value
     * @param limit the most allowed
     * @return the goal
     */
    public static Goal atMost(String name, double measured, double limit) {
        return new Goal(name, measured, limit, true);
    }

    /**
     * Returns a goal the measured value must reach.
     *
     * @param name what is measured
     * @param measured the value
     * @param limit the least allowed
     * @return the goal
     */
    public static Goal atLeast(String name, double measured, double limit) {
        return new Goal(name, measured, limit, false);
    }

    /**
     * Tells whether the measured value meets the limit.
     *
     * @return {@code true} if met
     */
    public boolean met() {
        return atMost ? measured <= limit : measured >= limit;
    }

    /**
     * Returns the limit as text, {@code <= 1.15} or {@code >= 10}.
     *
     * @return the text
     */
    public String limitText() {
        return (atMost ? "<= " : ">= ") + Numbers.format(limit);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s (%s)", name, Numbers.format(measured), limitText(),
                met() ? "met" : "NOT met");
    }
}
