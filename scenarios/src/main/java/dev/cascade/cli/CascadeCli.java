package dev.cascade.cli;

import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.trace.TraceFile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cascade} command: {@code cascade run FILE... [--out DIR] [--sim|--real] [--seed N]
 * [--check-determinism] [--trace DIR]} runs scenario files, by default on the simulated scheduler from seed 0,
 * prints a summary of each (the tree with its final incarnations, the events, the simulation's
 * report) and writes {@code DIR/<name>.outcome.json} (and, with {@code --trace}, the run's
 * {@code cascade-trace/1} file). Exit status: 0 when every file ran (and, with
 * {@code --check-determinism}, replayed identically), 2 for bad usage or an invalid scenario file
 * (nothing runs then; a fault that cannot bind to its tree is such an error), 1 when a run failed or
 * was not reproducible. The summary ends with the fault ledger and the message accounting.
 */
public final class CascadeCli {
    static final String USAGE = """
            usage: cascade run FILE... [--out DIR] [--sim | --real] [--seed N] [--check-determinism] [--trace DIR]
              Runs each cascade-scenario/1 FILE, prints its events and final tree,
              and writes DIR/<scenario name>.outcome.json (DIR defaults to cascade-out).
              --sim                 simulated scheduler on virtual time (the default)
              --seed N              the simulation's seed (default 0); the same seed replays the same run
              --check-determinism   run each file twice from its seed and compare the complete step logs
              --real                real scheduler and clock instead (takes the scenario's real duration)
              --trace DIR           also write each run's trace as DIR/<scenario name>.trace.json (cascade-trace/1)""";

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
        if (args.length > 0 && args[0].equals("otp")) { // cascade otp: see dev.cascade.cli.otp.OtpCommand
            return new dev.cascade.cli.otp.OtpCommand(out, err, System.getenv()).execute(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && args[0].equals("campaign")) { // cascade campaign run|merge: see dev.cascade.cli.campaign.CampaignCommand
            return new dev.cascade.cli.campaign.CampaignCommand(out, err, System.getenv(), System.console() != null).execute(List.of(args).subList(1, args.length));
        }
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
            boolean allReproducible = true;
            boolean specsHeld = true;
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                Runs.Done done;
                try {
                    done = Runs.run(scenario, arguments);
                } catch (ScenarioFormatException unbound) { // a fault the plan refused: checked when read, so rare
                    err.println(arguments.files().get(i) + ": " + unbound.getMessage());
                    return 2;
                }
                Path written = arguments.out().resolve(scenario.name() + ".outcome.json");
                Files.writeString(written, OutcomeWriter.write(done.outcome()));
                out.print(Summary.of(scenario, done.outcome(), done.scheduler()));
                done.report().forEach(out::println);
                specsHeld &= SpecVerdicts.print(arguments.files().get(i), scenario, arguments.seed(), out); // spec: verdicts
                out.println("outcome written to " + written);
                if (arguments.trace().isPresent()) {
                    Path trace = arguments.trace().get().resolve(scenario.name() + ".trace.json");
                    Files.createDirectories(arguments.trace().get());
                    TraceFile.write(done.trace(), trace);
                    out.println("trace written to " + trace);
                }
                out.println();
                allReproducible &= done.reproducible();
            }
            return allReproducible && specsHeld ? 0 : 1;
        } catch (IOException | UncheckedIOException failed) {
            err.println("cascade: cannot write to " + arguments.out() + ": " + failed.getMessage());
            return 1;
        } catch (RuntimeException failed) {
            err.println("cascade: the run failed: " + failed);
            return 1;
        }
    }
}
