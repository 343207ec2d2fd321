package dev.cascade.gate.internal;

import java.util.ArrayList;
import java.util.List;

/** The gate's findings as a Markdown table: for a pull-request comment and, line by line, the console. */
public final class GateTable {
    private GateTable() {}

    /** The summary line, the table (when anything was found) and how to replay or accept. */
    public static List<String> lines(List<Finding> findings, int tests, boolean strict) {
        List<String> lines = new ArrayList<>();
        long failing = findings.stream().filter(f -> f.fails(strict)).count();
        lines.add("## Cascade gate: " + (failing == 0 ? "passed" : "FAILED") + " (" + tests + " tests; "
                + count(findings, Finding.Drift.class) + " drifted, "
                + count(findings, Finding.DeterminismDefect.class) + " determinism defects, "
                + count(findings, Finding.NewTest.class) + " new" + (strict ? " (strict)" : "") + ", "
                + count(findings, Finding.Stale.class) + " stale, "
                + count(findings, Finding.Improved.class) + " improved)");
        if (findings.isEmpty()) {
            return lines;
        }
        lines.add("");
        lines.add("| test | finding | metric | baseline → now | rule | seed | report |");
        lines.add("|---|---|---|---|---|---|---|");
        for (Finding finding : findings) {
            rows(finding, strict, lines);
        }
        return lines;
    }

    private static void rows(Finding finding, boolean strict, List<String> lines) {
        String test = "`" + finding.test() + "`";
        switch (finding) {
            case Finding.Drift drift -> drift.differences().forEach(d -> lines.add(row(test, "**drift** (" + drift.confirmation() + ")",
                    d.key(), d.change(), d.rule(), seed(drift.snapshot()), drift.snapshot().report())));
            case Finding.DeterminismDefect defect -> {
                defect.differences().forEach(d -> lines.add(row(test, "**determinism defect**: run 1 differs from the baseline",
                        d.key(), d.change(), d.rule(), seed(defect.snapshot()), defect.snapshot().report())));
                defect.between().forEach(d -> lines.add(row(test, "**determinism defect**: replay from the same seed differs from run 1",
                        d.key(), "run 1: " + d.baseline().show() + ", replay: " + d.now().show(), "same seed, same result",
                        seed(defect.snapshot()), defect.replay().report())));
            }
            case Finding.Unclassified unclassified -> unclassified.differences().forEach(d -> lines.add(row(test,
                    "**drift, not classified**: the replay failed: " + unclassified.why(), d.key(), d.change(), d.rule(),
                    seed(unclassified.snapshot()), unclassified.snapshot().report())));
            case Finding.NewTest added -> lines.add(row(test, strict ? "**new** (strict: not in the baseline)" : "new: not in the baseline",
                    "", "", "", seed(added.snapshot()), added.snapshot().report()));
            case Finding.Stale stale -> lines.add(row(test, "stale: in the baseline, no result", "", "", "", "", ""));
            case Finding.Improved improved -> improved.differences().forEach(d -> lines.add(row(test,
                    "improved (cascade:baseline tightens it)", d.key(), d.change(), d.rule(), seed(improved.snapshot()),
                    improved.snapshot().report())));
        }
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return row.toString();
    }

    private static String seed(Snapshot snapshot) {
        return Long.toString(snapshot.seed());
    }

    private static long count(List<Finding> findings, Class<? extends Finding> kind) {
        return findings.stream().filter(kind::isInstance).count();
    }
}
