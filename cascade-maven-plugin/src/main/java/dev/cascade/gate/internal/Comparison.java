package dev.cascade.gate.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a run's readings with its baseline by a rule. Simulated runs compare exactly; real-mode
 * runs compare numeric metrics only within the tolerance the rule names (and skip them without one).
 */
public final class Comparison {
    private Comparison() {}

    /** Every reading of the rule's metrics that differs, in key order (this run's keys first). */
    public static List<Difference> compare(Map<String, Reading> baseline, Snapshot now, Rules.Compiled rule) {
        List<Difference> differences = new ArrayList<>();
        for (String key : now.keysWith(new LinkedHashMap<>(baseline))) {
            Metric metric = Snapshot.metricOf(key);
            if (!rule.metrics().contains(metric)) {
                continue;
            }
            Reading before = baseline.getOrDefault(key, missing(metric));
            Reading after = now.readings().getOrDefault(key, missing(metric));
            boolean real = !now.simulated();
            Tolerance tolerance = rule.tolerances().get(metric);
            if (real && metric.numeric() && tolerance == null) {
                continue;
            }
            int direction = real && metric.numeric() ? withinTolerance(before, after, tolerance) : direction(metric, before, after);
            if (direction == 0 && (Objects.equals(before, after) || real && metric.numeric())) {
                continue;
            }
            Difference.Kind kind = switch (direction) {
                case 1 -> Difference.Kind.WORSE;
                case -1 -> rule.equal() ? Difference.Kind.CHANGED : Difference.Kind.BETTER;
                default -> rule.equal() ? Difference.Kind.CHANGED : Difference.Kind.OTHER;
            };
            differences.add(new Difference(key, metric, before, after, kind, rule.describe(metric, real)));
        }
        return differences;
    }

    /** The reading a run has for a key it lacks: no restarts, no losses; no fault or verdict at all. */
    static Reading missing(Metric metric) {
        return switch (metric) {
            case RESTARTS, GIVE_UPS, LOST, DROPPED -> new Reading.Count(0);
            case RECOVERY -> new Reading.Absent("none");
            default -> new Reading.Absent("absent");
        };
    }

    /** 1 when {@code after} is worse, -1 when better, 0 when equal or neither. */
    static int direction(Metric metric, Reading before, Reading after) {
        if (before.equals(after)) {
            return 0;
        }
        if (!metric.numeric() && !(before instanceof Reading.Label && after instanceof Reading.Label)) {
            return 0;
        }
        return switch (metric) {
            case OUTCOME -> Integer.compare(rank(after, "passed"), rank(before, "passed"));
            case LEDGER -> Integer.compare(rank(after, "fired"), rank(before, "fired"));
            case VERDICTS -> Integer.compare(rank(after, "PASS"), rank(before, "PASS"));
            case RESTARTS, GIVE_UPS, LOST, DROPPED, RECOVERY -> Long.compare(cost(after), cost(before));
        };
    }

    private static int withinTolerance(Reading before, Reading after, Tolerance tolerance) {
        long base = cost(before);
        long now = cost(after);
        if (base == Long.MAX_VALUE || now == Long.MAX_VALUE) {
            return Long.compare(now, base);
        }
        long allowed = tolerance.allowedFrom(base);
        return now - base > allowed ? 1 : base - now > allowed ? -1 : 0;
    }

    /** Labels: the good one ranks 0, any other 1. */
    private static int rank(Reading reading, String good) {
        return reading instanceof Reading.Label label && label.value().equalsIgnoreCase(good) ? 0 : 1;
    }

    /** Counts as they are; a tree that did not recover costs the most. */
    private static long cost(Reading reading) {
        return reading instanceof Reading.Count count ? count.value() : Long.MAX_VALUE;
    }
}
