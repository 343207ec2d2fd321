package dev.cascade.benchmarks.workloads;

import java.util.Arrays;

/** Per-operation latencies of one iteration, recorded in nanoseconds; percentiles by nearest rank. */
final class Latencies {
    private final long[] nanos;
    private int count;
    private boolean sorted;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
        sorted = false;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in microseconds, by nearest rank. */
    double percentileMicros(double p) {
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100 * count);
        return nanos[Math.max(rank, 1) - 1] / 1_000.0;
    }
}
