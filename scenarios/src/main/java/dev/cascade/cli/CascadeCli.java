package dev.cascade.cli;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cascade} command: {@code cascade run FILE... [--out DIR]} runs scenario files, prints
 * a summary of each (the tree with its final incarnations, the events) and writes
 * {@code DIR/<name>.outcome.json}. Exit status: 0 when every file ran, 2 for bad usage or an
 * invalid scenario file (nothing runs then), 1 when a run itself failed.
 */
public final class CascadeCli {
    static final String USAGE = """
            usage: cascade run FILE... [--out DIR]
              Runs each cascade-scenario/1 FILE, prints its events and final tree,
              and writes DIR/<scenario name>.outcome.json (DIR defaults to cascade-out).""";

    private final PrintStream out;
    private final PrintStream err;

    CascadeCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CascadeCli(System.out, System.err).execute(args));
    }

    int execute(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException bad) {
            err.println("cascade: " + bad.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.println(USAGE);
            return 0;
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : arguments.files()) {
            try {
                scenarios.add(ScenarioReader.read(file));
            } catch (ScenarioFormatException invalid) {
                err.println(file + ": " + invalid.getMessage());
                return 2;
            }
        }
        try {
            Files.createDirectories(arguments.out());
            for (Scenario scenario : scenarios) {
                Outcome outcome = ScenarioRunner.run(scenario, Scheduler.real());
                Path written = arguments.out().resolve(scenario.name() + ".outcome.json");
                Files.writeString(written, OutcomeWriter.write(outcome));
                out.print(Summary.of(scenario, outcome, "real"));
                out.println("outcome written to " + written);
                out.println();
            }
            return 0;
        } catch (IOException | UncheckedIOException failed) {
            err.println("cascade: cannot write to " + arguments.out() + ": " + failed.getMessage());
            return 1;
        } catch (RuntimeException failed) {
            err.println("cascade: the run failed: " + failed);
            return 1;
        }
    }
}
