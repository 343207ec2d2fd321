package dev.cascade.gate.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check: every result against its baseline entry by its rule. A simulated run that drifts is
 * replayed once from its seed, only to classify it; nothing is ever retried into green.
 */
public final class Gate {
    /** Runs one test again from its seed and returns its new record. */
    @FunctionalInterface
    public interface Replayer {
        /** The replayed run; throws (with a message saying why) when it cannot run. */
        Snapshot replay(Snapshot run) throws Exception;
    }

    private Gate() {}

    /**
     * The findings, in test-id order: drifts, determinism defects, new, stale and improved tests.
     * Tests that match their baseline have none.
     */
    public static List<Finding> check(List<Snapshot> results, Baseline baseline, Rules rules, Replayer replayer) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Snapshot run : results) {
            seen.add(run.test());
            Baseline.Entry entry = baseline.entries().get(run.test());
            if (entry == null) {
                findings.add(new Finding.NewTest(run.test(), run));
                continue;
            }
            List<Difference> differences = Comparison.compare(entry.readings(), run, rules.forTest(run.test()));
            List<Difference> drifts = differences.stream().filter(Difference::drifts).toList();
            if (!drifts.isEmpty()) {
                findings.add(classify(run, drifts, replayer));
            } else if (differences.stream().anyMatch(d -> d.kind() == Difference.Kind.BETTER)) {
                findings.add(new Finding.Improved(run.test(), run,
                        differences.stream().filter(d -> d.kind() == Difference.Kind.BETTER).toList()));
            }
        }
        baseline.entries().keySet().stream().filter(test -> !seen.contains(test))
                .forEach(test -> findings.add(new Finding.Stale(test)));
        return findings;
    }

    private static Finding classify(Snapshot run, List<Difference> drifts, Replayer replayer) {
        if (!run.simulated()) {
            return new Finding.Drift(run.test(), run, drifts, "real mode: compared with tolerances, not replayed");
        }
        Snapshot again;
        try {
            again = replayer.replay(run);
        } catch (Exception failed) {
            return new Finding.Unclassified(run.test(), run, drifts, String.valueOf(failed.getMessage()));
        }
        List<Difference> between = Comparison.compare(run.readings(), again, Rules.EXACT);
        if (between.isEmpty()) {
            return new Finding.Drift(run.test(), run, drifts, "replayed once from seed " + run.seed() + ": same again");
        }
        return new Finding.DeterminismDefect(run.test(), run, again, drifts, between);
    }
}
