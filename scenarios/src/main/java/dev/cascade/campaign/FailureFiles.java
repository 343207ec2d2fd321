package dev.cascade.campaign;

import dev.cascade.report.Report;
import dev.cascade.report.SpecVerdict;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRun;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Shrinker;
import dev.cascade.spec.Trial;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.TraceFile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes a shrunk failure as a runnable scenario file ({@code <name>.json}) and its HTML report ({@code <name>.html}). */
final class FailureFiles {
    private FailureFiles() {}

    /** The failure's name: {@code campaign-<8 hex digits>} of the shrunk trial, so equal plans get equal names. */
    static String name(Trial shrunk) {
        return PlanFile.nameFor("campaign", shrunk);
    }

    static Failure write(Path dir, Scenario base, List<CascadeSpec> specs, long iteration, Shrinker.Result shrunk, List<String> failing) {
        Trial trial = shrunk.trial();
        String name = name(trial);
        List<String> specNames = specs.stream().map(CascadeSpec::name).toList();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, ScenarioSpecs.scenarioFile(base, name, trial, base.settle(), specNames), StandardCharsets.UTF_8);
            Failure failure = new Failure(name, iteration, trial, failing, file, Optional.empty(), shrunk.summary());
            try {
                return new Failure(name, iteration, trial, failing, file, report(dir, file, failure, specs), shrunk.summary());
            } catch (RuntimeException noReport) { // the scenario file is what matters; say why the page is missing
                return new Failure(name, iteration, trial, failing, file, Optional.empty(), shrunk.summary()
                        + "; no HTML report (" + noReport.getMessage() + ")");
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the failure " + name + " to " + dir + ": " + failed.getMessage(), failed);
        }
    }

    /**
     * The HTML report of one replay of the failure's scenario file (as {@code cascade run FILE --seed N}
     * replays it), with its specs' verdicts on that same run; empty if the run gives no trace to show.
     */
    private static Optional<Path> report(Path dir, Path file, Failure failure, List<CascadeSpec> specs) throws IOException {
        Scenario replay = ScenarioReader.read(file);
        ScenarioRun run = ScenarioRunner.record(replay, SimulatedScheduler.withSeed(failure.shrunk().seed()));
        StringWriter trace = new StringWriter();
        TraceFile.write(run.traceRecord(), trace);
        CascadeRun checked = CascadeRun.of(run);
        List<SpecVerdict> verdicts = specs.stream().map(spec -> shown(spec.check(checked))).toList();
        Report.Written written = Report.of(trace.toString())
                .withVerdict("campaign", "FAIL")
                .withReplay(failure.replay())
                .withSpecVerdicts(verdicts)
                .writeTo(dir);
        return Optional.of(written.html());
    }

    private static SpecVerdict shown(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Pass pass -> new SpecVerdict(pass.spec(), "PASS", "", List.of());
            case Verdict.Fail fail -> new SpecVerdict(fail.spec(), "FAIL", fail.what() + (fail.explanation().isEmpty() ? "" : "\n" + fail.explanation()), fail.events());
            case Verdict.Inconclusive open -> new SpecVerdict(open.spec(), "INCONCLUSIVE", open.why(), List.of());
        };
    }
}
