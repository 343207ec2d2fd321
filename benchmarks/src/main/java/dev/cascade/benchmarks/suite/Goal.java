package dev.cascade.benchmarks.suite;

import java.util.Locale;

/**
 * A figure to beat: at least or at most {@code value}, in the unit of the figure it applies to,
 * from benchmarks.md's "Cascade goal" column (or, for the scenarios, issue 3's goals).
 */
record Goal(boolean atLeast, double value) {
    static Goal atLeast(double value) {
        return new Goal(true, value);
    }

    static Goal atMost(double value) {
        return new Goal(false, value);
    }

    boolean metBy(double median) {
        return atLeast ? median >= value : median <= value;
    }

    @Override
    public String toString() {
        String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.valueOf(value);
        return (atLeast ? "≥ " : "≤ ") + number;
    }
}
