package dev.cascade.benchmarks.suite;

import java.util.List;

/**
 * One row of the summary: a figure of one workload in one mode, over its measured iterations
 * (or fresh JVMs), with the goal it is held to, if any, and the machine's load average (1 min)
 * when the measurement began and ended.
 */
record Entry(String workload, String description, String mode, String metric, String unit, List<Double> values,
             Goal goal, double loadBefore, double loadAfter) {
    Entry {
        values = List.copyOf(values);
    }

    double median() {
        return Figures.median(values);
    }

    double min() {
        return Figures.min(values);
    }

    double max() {
        return Figures.max(values);
    }

    /** Whether the median meets the goal; null if there is none. */
    Boolean met() {
        return goal == null ? null : goal.metBy(median());
    }
}
