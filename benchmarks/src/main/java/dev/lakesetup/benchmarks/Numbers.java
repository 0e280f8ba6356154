package dev.lakesetup.benchmarks;

import java.util.Locale;

/** Formats numbers the same way everywhere in the report. */
final class Numbers {
    private Numbers() {
    }

    /** Formats integers without decimals and other numbers with two (three below 0.1). */
    static String format(Number value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        double d = value.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, Math.abs(d) < 0.1 ? "%.3f" : "%.2f", d);
    }

    /** Formats a double (see {@link #format(Number)}). */
    static String format(double value) {
        return format(Double.valueOf(value));
    }
}
