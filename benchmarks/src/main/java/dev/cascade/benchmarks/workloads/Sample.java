package dev.cascade.benchmarks.workloads;

import java.util.List;

/**
 * What one iteration measured: the wall time and the scheduler's time (virtual on a simulation,
 * the same clock on the real scheduler) of its measured part, and its figures on the real scheduler.
 */
public record Sample(long wallNanos, long schedulerNanos, List<Metric> metrics) {
    public Sample {
        metrics = List.copyOf(metrics);
    }
}
