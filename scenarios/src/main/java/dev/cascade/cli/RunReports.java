package dev.cascade.cli;

import dev.cascade.report.Report;
import dev.cascade.report.SpecVerdict;
import dev.cascade.report.SuiteIndex;
import dev.cascade.scenario.Scenario;
import dev.cascade.spec.Verdict;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code --report DIR} writes: each run's HTML report (with its trace and Chrome trace beside
 * it) and {@code DIR/index.html} listing the runs of this command, failures first.
 */
final class RunReports {

    private final Path dir;
    private final SuiteIndex index;

    private RunReports(Path dir) {
        this.dir = dir;
        this.index = SuiteIndex.in(dir);
    }

    static RunReports in(Path dir) {
        return new RunReports(dir);
    }

    /** Writes the report of one run and returns the page's path. */
    Path write(Path file, Scenario scenario, Runs.Done done, List<Verdict> specVerdicts, Arguments arguments) {
        List<SpecVerdict> verdicts = specVerdicts.stream().map(SpecVerdict::of).toList();
        boolean specsFailed = verdicts.stream().anyMatch(v -> v.verdict().equals("FAIL"));
        Report report = Report.of(done.trace())
                .withReplay("java -jar scenarios/target/cascade.jar run " + file + (arguments.real() ? " --real" : " --seed " + arguments.seed()))
                .withSpecVerdicts(verdicts);
        java.util.Optional<String> backend = done.run().simulation().map(sim -> sim.backend().name().toLowerCase(java.util.Locale.ROOT));
        if (backend.isPresent()) {
            report = report.withBackend(backend.get());
        }
        if (arguments.check()) {
            report = report.withVerdict("determinism", done.reproducible() ? "PASS" : "FAIL");
        } else if (!done.reproducible()) {
            report = report.withVerdict("reproducible", "FAIL");
        }
        if (!verdicts.isEmpty()) {
            report = report.withVerdict("specs", specsFailed ? "FAIL" : "PASS");
        }
        Path html = report.writeTo(dir).html();
        boolean failed = specsFailed || !done.reproducible();
        index.add(SuiteIndex.Run.of(scenario.name(), failed ? "FAIL" : "PASS", report, html));
        return html;
    }

    /** Writes the index of the runs reported so far and returns its path. */
    Path index() {
        return index.write();
    }
}
