package dev.cascade.cli;

import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.simulation.RunBudgetExceededException;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Verdict;
import dev.cascade.trace.TraceFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cascade run}: everything that can be checked is checked before the first run (the words,
 * every file, every scenario, the output directory and each outcome file); then each scenario runs
 * in turn. See {@link ExitStatus} for what the command returns.
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitStatus execute(String[] args) {
        if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.println(CascadeCli.USAGE);
            return ExitStatus.OK;
        }
        Arguments arguments = Arguments.parse(args);
        List<Scenario> scenarios = new ArrayList<>();
        List<List<CascadeSpec>> specs = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String file : arguments.files()) {
            Inputs.Input input = Inputs.read(file);
            Scenario scenario;
            try {
                scenario = ScenarioReader.read(input.bytes());
                specs.add(ScenarioSpecs.read(new String(input.bytes(), StandardCharsets.UTF_8), scenario)); // checked by the reader
            } catch (ScenarioFormatException invalid) {
                throw BadInput.scenario(Shown.value(file) + ": " + Shown.escape(invalid.getMessage()), invalid);
            }
            scenarios.add(scenario);
            names.put(file, scenario.name());
        }
        Path dir = Outputs.directory(arguments.out());
        List<Path> outcomes = Outputs.outcomes(dir, arguments.out(), names);
        Path traces = arguments.trace().map(trace -> Outputs.directory(trace, "--trace")).orElse(null);
        RunReports reports = arguments.report().map(report -> RunReports.in(Outputs.directory(report, "--report"))).orElse(null);
        boolean allReproducible = true;
        boolean specsHeld = true;
        for (int i = 0; i < scenarios.size(); i++) {
            String file = arguments.files().get(i);
            Runs.Done done;
            try {
                done = Runs.run(scenarios.get(i), arguments);
            } catch (ScenarioFormatException unbound) { // a fault the plan refused: checked when read, so rare
                err.println(Shown.value(file) + ": " + Shown.escape(unbound.getMessage()));
                return ExitStatus.BAD_INPUT;
            } catch (RunBudgetExceededException tooLarge) {
                err.println(Shown.value(file) + ": stopped: " + tooLarge.getMessage() + "; "
                        + (tooLarge.budget() == RunBudgetExceededException.Budget.STEPS
                        ? "raise it with --max-steps N (now " + arguments.budget().maxSteps() + ")"
                        : "raise it with --max-seconds S (now " + arguments.budget().maxSeconds().toSeconds() + ")"));
                return ExitStatus.BUDGET;
            } catch (RuntimeException failed) {
                err.println(Shown.value(file) + ": the run failed: " + Shown.escape(String.valueOf(failed)));
                return ExitStatus.FAILED;
            }
            try {
                Files.writeString(outcomes.get(i), OutcomeWriter.write(done.outcome()));
            } catch (IOException failed) {
                err.println("cascade: cannot write " + Shown.value(outcomes.get(i).toString()) + ": " + Inputs.reason(failed));
                return ExitStatus.FAILED;
            }
            out.print(Summary.of(scenarios.get(i), done.outcome(), done.scheduler()));
            done.report().forEach(out::println);
            List<Verdict> verdicts = SpecVerdicts.of(specs.get(i), scenarios.get(i), done, arguments);
            specsHeld &= SpecVerdicts.print(verdicts, arguments.seed(), out);
            out.println("outcome written to " + outcomes.get(i));
            if (traces != null) {
                Path trace = traces.resolve(scenarios.get(i).name() + ".trace.json");
                try {
                    TraceFile.write(done.trace(), trace);
                } catch (java.io.UncheckedIOException failed) {
                    err.println("cascade: cannot write " + Shown.value(trace.toString()) + ": " + Shown.escape(String.valueOf(failed.getMessage())));
                    return ExitStatus.FAILED;
                }
                out.println("trace written to " + trace);
            }
            if (reports != null) {
                out.println("report written to " + reports.write(Path.of(file), scenarios.get(i), done, verdicts, arguments));
            }
            out.println();
            allReproducible &= done.reproducible();
        }
        if (reports != null) {
            out.println("index of the reports: " + reports.index());
        }
        return allReproducible && specsHeld ? ExitStatus.OK : ExitStatus.FAILED;
    }
}
