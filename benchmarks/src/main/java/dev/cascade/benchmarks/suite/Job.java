package dev.cascade.benchmarks.suite;

/**
 * One measurement of the suite: a workload in a mode, {@code warmUps} warm-up and
 * {@code iterations} measured iterations in each of {@code forks} fresh JVMs with a fixed heap.
 * {@code label} is the mode as the summary names it (e.g. {@code real, fresh JVM} for W6's first
 * iteration, which is a job of one measured iteration and no warm-up, in several JVMs).
 */
record Job(String workload, Mode mode, String label, int warmUps, int iterations, int forks, String heap) {
    Job {
        if (iterations < 1 || forks < 1 || warmUps < 0) {
            throw new IllegalArgumentException("a job needs iterations >= 1, forks >= 1 and warm-ups >= 0 but " + workload
                    + " " + label + " has " + warmUps + " warm-ups, " + iterations + " iterations, " + forks + " forks");
        }
    }

    /** {@code warmUps} warm-ups and {@code iterations} measured iterations in one JVM with a 2 GiB heap. */
    static Job of(String workload, Mode mode, int warmUps, int iterations) {
        return new Job(workload, mode, mode.label, warmUps, iterations, 1, "2g");
    }

    Job withHeap(String size) {
        return new Job(workload, mode, label, warmUps, iterations, forks, size);
    }

    /** The name the suite's filter matches and the progress lines show, e.g. {@code W2 real, traced}. */
    String name() {
        return workload + " " + label;
    }
}
