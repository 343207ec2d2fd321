package dev.cascade.gate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a baseline from the current results so that it only ever tightens: a change for the worse
 * is written only with a reason ({@code -Dcascade.accept}), recorded beside the entry with the date
 * and the Cascade version. Real-mode readings keep the better of the old and the new value.
 *
 * @param baseline the baseline to write (when nothing was refused)
 * @param refused  per refused test, why (a change for the worse without a reason); nothing is written when any
 * @param notes    what changed: added, tightened, accepted, stale entries kept or dropped
 */
public record BaselineUpdate(Baseline baseline, List<String> refused, List<String> notes) {
    public BaselineUpdate {
        refused = List.copyOf(refused);
        notes = List.copyOf(notes);
    }

    /** The update of {@code old} by {@code results}; {@code accept} is the reason, when given. */
    public static BaselineUpdate of(Baseline old, List<Snapshot> results, Rules rules, Optional<String> accept,
                                    String date, String version) {
        LinkedHashMap<String, Baseline.Entry> entries = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Snapshot run : results) {
            Baseline.Entry before = old.entries().get(run.test());
            if (before == null) {
                entries.put(run.test(), new Baseline.Entry(run.seed(), run.mode(), run.readings(), List.of()));
                notes.add("added " + run.test());
                continue;
            }
            List<Difference> differences = Comparison.compare(before.readings(), run, rules.forTest(run.test()));
            List<String> worse = differences.stream().filter(d -> d.kind() == Difference.Kind.WORSE)
                    .map(d -> d.key() + ": " + d.change()).toList();
            if (!worse.isEmpty() && accept.isEmpty()) {
                refused.add(run.test() + " got worse: " + String.join("; ", worse));
                entries.put(run.test(), before);
                continue;
            }
            List<Baseline.Acceptance> acceptances = new ArrayList<>(before.acceptances());
            if (!worse.isEmpty()) {
                acceptances.add(new Baseline.Acceptance(accept.orElseThrow(), date, version, worse));
                notes.add("accepted for " + run.test() + " (" + accept.orElseThrow() + "): " + String.join("; ", worse));
            } else if (!differences.isEmpty()) {
                notes.add("updated " + run.test() + ": " + String.join("; ", differences.stream().map(d -> d.key() + ": " + d.change()).toList()));
            }
            entries.put(run.test(), new Baseline.Entry(run.seed(), run.mode(), readings(before, run), acceptances));
        }
        old.entries().forEach((test, entry) -> {
            if (!entries.containsKey(test)) {
                if (accept.isPresent()) {
                    notes.add("dropped stale " + test + " (no result; accepted: " + accept.orElseThrow() + ")");
                } else {
                    entries.put(test, entry);
                    notes.add("kept stale " + test + " (no result; -Dcascade.accept=\"why\" drops it)");
                }
            }
        });
        return new BaselineUpdate(new Baseline(entries), refused, notes);
    }

    /** The run's readings; for a real-mode run, numeric readings keep the old value where the new one is worse. */
    private static Map<String, Reading> readings(Baseline.Entry before, Snapshot run) {
        if (run.simulated()) {
            return run.readings();
        }
        LinkedHashMap<String, Reading> merged = new LinkedHashMap<>(run.readings());
        before.readings().forEach((key, old) -> {
            Metric metric = Snapshot.metricOf(key);
            Reading now = merged.getOrDefault(key, Comparison.missing(metric));
            if (metric.numeric() && Comparison.direction(metric, old, now) > 0) {
                merged.put(key, old);
            }
        });
        return merged;
    }
}
