package dev.cascade.gate.internal;

import java.util.List;

/** What the gate found for one test. */
public sealed interface Finding {
    /** The test id. */
    String test();

    /** Whether it fails the gate (new tests only in strict mode). */
    boolean fails(boolean strict);

    /**
     * The run drifted from its baseline (for a simulated run: confirmed by one replay from its seed).
     *
     * @param snapshot    this run
     * @param differences the drifting differences
     * @param confirmation how it was classified: {@code replayed: same}, {@code real mode: not replayed}, …
     */
    record Drift(String test, Snapshot snapshot, List<Difference> differences, String confirmation) implements Finding {
        public boolean fails(boolean strict) {
            return true;
        }
    }

    /**
     * A simulated run differed from its baseline, and its replay from the same seed differed from the run:
     * the test depends on more than its seed. Both runs are kept.
     *
     * @param snapshot    the first run (the test run)
     * @param replay      the second run (the replay)
     * @param differences the first run's differences from the baseline
     * @param between     where the two runs differ ({@code baseline} is the first run, {@code now} the replay)
     */
    record DeterminismDefect(String test, Snapshot snapshot, Snapshot replay, List<Difference> differences,
                             List<Difference> between) implements Finding {
        public boolean fails(boolean strict) {
            return true;
        }
    }

    /**
     * The replay that would classify a drift could not run.
     *
     * @param snapshot    this run
     * @param differences the differences from the baseline
     * @param why         what went wrong
     */
    record Unclassified(String test, Snapshot snapshot, List<Difference> differences, String why) implements Finding {
        public boolean fails(boolean strict) {
            return true;
        }
    }

    /** A test with no baseline entry. */
    record NewTest(String test, Snapshot snapshot) implements Finding {
        public boolean fails(boolean strict) {
            return strict;
        }
    }

    /** A baseline entry with no result record. */
    record Stale(String test) implements Finding {
        public boolean fails(boolean strict) {
            return false;
        }
    }

    /**
     * Better than the baseline by a {@code noWorse} rule (and nothing drifted); {@code cascade:baseline} tightens it.
     *
     * @param snapshot    this run
     * @param differences the improvements
     */
    record Improved(String test, Snapshot snapshot, List<Difference> differences) implements Finding {
        public boolean fails(boolean strict) {
            return false;
        }
    }
}
