package dev.cascade.gate.internal;

import dev.cascade.report.SuiteIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives the suite index of the test run ({@code index.html} in the extension's output folder) the gate's
 * drift column, through the reports module's {@link SuiteIndex}: the index is read back from its page, every
 * run of a gated test gets its {@link SuiteIndex.Drift} (the drifts of an earlier check are replaced), a test
 * with a finding but no report in the index gets a row of its own read from its result record (linked to
 * that record, or its run folder), and the baseline's stale entries are listed. The page is the one place
 * the drift column lives; the gate's verdict never depends on it.
 */
public final class IndexDrifts {
    private static final SuiteIndex.Drift MATCHES = new SuiteIndex.Drift(SuiteIndex.Drift.Kind.MATCHES, List.of(), false);

    private IndexDrifts() {}

    /**
     * Rewrites {@code outputDir/index.html} with the findings and returns it; nothing is written (and nothing
     * returned) when there is no page yet and nothing to list: every test matched and none wrote a report.
     *
     * @param outputDir  the extension's output folder ({@code target/cascade}), whose {@code <test id>/} folders hold run files
     * @param projectDir the project's folder (snapshots' reports are relative to it)
     */
    public static Optional<Path> write(Path outputDir, Path projectDir, List<Snapshot> runs, List<Finding> findings, boolean strict) {
        SuiteIndex index = SuiteIndex.read(outputDir).clearDrifts();
        List<SuiteIndex.Run> listed = index.runs();
        Map<String, Finding> byTest = findings.stream().filter(f -> !(f instanceof Finding.Stale))
                .collect(Collectors.toMap(Finding::test, Function.identity(), (a, b) -> a));
        for (Snapshot run : runs) {
            SuiteIndex.Drift drift = Optional.ofNullable(byTest.get(run.test())).map(finding -> driftOf(finding, strict))
                    .orElse(MATCHES); // no finding: it matches its baseline
            Path own = projectDir.resolve(run.report()).toAbsolutePath().normalize();
            Path folder = outputDir.resolve(run.test()).toAbsolutePath().normalize();
            List<SuiteIndex.Run> rows = listed.stream().filter(row -> owns(row, own, folder)).toList();
            rows.forEach(row -> index.drift(row.report(), drift));
            if (rows.isEmpty() && drift.kind() != SuiteIndex.Drift.Kind.MATCHES) {
                index.add(rowOf(run, own)).drift(own, drift);
            }
        }
        findings.stream().filter(Finding.Stale.class::isInstance).forEach(stale -> index.stale(stale.test()));
        if (index.runs().isEmpty() && index.stale().isEmpty() && !Files.exists(outputDir.resolve("index.html"))) {
            return Optional.empty();
        }
        return Optional.of(index.write());
    }

    /** Whether an index row is this test's: its report is the test's, or lies in the test's run folder. */
    private static boolean owns(SuiteIndex.Run row, Path own, Path folder) {
        Path report = row.report().toAbsolutePath().normalize();
        return report.equals(own) || folder.equals(report.getParent());
    }

    /** The drift column's entry for a test's finding. */
    static SuiteIndex.Drift driftOf(Finding finding, boolean strict) {
        return switch (finding) {
            case Finding.Drift drift -> new SuiteIndex.Drift(SuiteIndex.Drift.Kind.DRIFT, changes(drift.differences()), true);
            case Finding.DeterminismDefect defect -> new SuiteIndex.Drift(SuiteIndex.Drift.Kind.DETERMINISM_DEFECT,
                    defect.between().stream().map(d -> d.key() + " run 1: " + d.baseline().show() + ", replay from the same seed: "
                            + d.now().show()).toList(), true);
            case Finding.Unclassified unclassified -> new SuiteIndex.Drift(SuiteIndex.Drift.Kind.UNCLASSIFIED,
                    changes(unclassified.differences()), true);
            case Finding.NewTest added -> new SuiteIndex.Drift(SuiteIndex.Drift.Kind.NEW, List.of(), added.fails(strict));
            case Finding.Improved improved -> new SuiteIndex.Drift(SuiteIndex.Drift.Kind.IMPROVED, changes(improved.differences()), false);
            case Finding.Stale stale -> throw new IllegalArgumentException("a stale entry has no run: " + stale.test());
        };
    }

    private static List<String> changes(List<Difference> differences) {
        return differences.stream().map(d -> d.key() + " " + d.change() + " (" + d.rule() + ")").toList();
    }

    /** A row for a test the index does not list, with its figures read from its result record. */
    private static SuiteIndex.Run rowOf(Snapshot run, Path report) {
        return new SuiteIndex.Run(run.test(), run.readings().get("outcome") instanceof Reading.Label label
                && label.value().equals("failed") ? "FAIL" : "PASS",
                run.simulated() ? OptionalLong.of(run.seed()) : OptionalLong.empty(),
                run.readings().entrySet().stream().filter(e -> Snapshot.metricOf(e.getKey()) == Metric.LEDGER)
                        .filter(e -> e.getValue().equals(new Reading.Label("fired"))).count(),
                sum(run, Metric.RESTARTS), sum(run, Metric.GIVE_UPS), sum(run, Metric.LOST), report);
    }

    private static long sum(Snapshot run, Metric metric) {
        return run.readings().entrySet().stream().filter(e -> Snapshot.metricOf(e.getKey()) == metric)
                .mapToLong(e -> e.getValue() instanceof Reading.Count count ? count.value() : 0).sum();
    }
}
