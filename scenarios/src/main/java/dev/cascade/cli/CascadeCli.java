package dev.cascade.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code cascade} command: {@code cascade run FILE... [--out DIR] [--sim|--real] [--seed N]
 * [--check-determinism] [--trace DIR] [--max-steps N] [--max-seconds S]} runs scenario files, by default on the
 * simulated scheduler from seed 0, prints a summary of each (the tree with its final incarnations,
 * the events, the simulation's report, the fault ledger and the message accounting) and writes
 * {@code DIR/<name>.outcome.json} (and, with {@code --trace}, the run's {@code cascade-trace/1} file);
 * {@code cascade otp ...} checks scenarios against Erlang/OTP; {@code cascade campaign run|merge} runs seed campaigns. Every file and the output directory are checked before anything
 * runs. Exit statuses: see {@link ExitStatus} (0 ok, 1 a run failed, 2 bad input, 3 a run budget).
 *
 * <pre>{@code
 * java -jar scenarios/target/cascade.jar run scenarios/examples/cache-crash.json --seed 42
 * }</pre>
 *
 * <p>A command is one entry of {@link #commands}: its name and what runs it.
 */
public final class CascadeCli {
    static final String USAGE = """
            usage: cascade run FILE... [--out DIR] [--sim | --real] [--seed N] [--check-determinism]
                                       [--trace DIR] [--report DIR] [--max-steps N] [--max-seconds S]
              Runs each cascade-scenario/1 FILE, prints its events and final tree,
              and writes DIR/<scenario name>.outcome.json (DIR defaults to cascade-out).
              --sim                 simulated scheduler on virtual time (the default)
              --seed N              the simulation's seed (default 0); the same seed replays the same run
              --check-determinism   run each file twice from its seed and compare the complete step logs
              --real                real scheduler and clock instead (takes the scenario's real duration)
              --trace DIR           also write each run's trace as DIR/<scenario name>.trace.json (cascade-trace/1)
              --report DIR          also write each run's HTML report as DIR/<scenario name>.html (open it in a browser),
                                    its Chrome trace for Perfetto, and DIR/index.html listing the runs
              --max-steps N         stop a simulated run after N scheduling steps (default 50,000,000)
              --max-seconds S       stop a simulated run after S seconds of real time (default 600)
            exit status: 0 every file ran; 1 a run failed or was not reproducible;
                         2 bad usage or a bad file (nothing ran); 3 a run reached a budget
            also: cascade otp FILE...   (against real Erlang/OTP; cascade otp --help)
                  cascade campaign run|merge ...   (seed campaigns; cascade campaign --help)
                  cascade catalog list | show ID | run [ID...] [--out DIR] | probe TREE.json   (cascade catalog --help)
                  cascade lint TREE.json...   (static checks of a tree; exit 1 when anything is found)""";

    private final PrintStream out;
    private final PrintStream err;
    /** Each command by name: what runs it, given the whole command line, returning the exit status. */
    private final Map<String, Function<String[], Integer>> commands = new LinkedHashMap<>();

    CascadeCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        commands.put("run", args -> new RunCommand(out, err).execute(args).code);
        commands.put("otp", args -> new dev.cascade.cli.otp.OtpCommand(out, err, System.getenv()) // see OtpCommand
                .execute(List.of(args).subList(1, args.length)));
        commands.put("catalog", args -> new CatalogCommand(out, err).execute(List.of(args).subList(1, args.length))); // see CatalogCommand
        commands.put("lint", args -> new LintCommand(out, err).execute(List.of(args).subList(1, args.length))); // see LintCommand
        commands.put("campaign", args -> new dev.cascade.cli.campaign.CampaignCommand(out, err, System.getenv(), System.console() != null)
                .execute(List.of(args).subList(1, args.length))); // see CampaignCommand
    }

    public static void main(String[] args) {
        System.exit(new CascadeCli(System.out, System.err).execute(args));
    }

    int execute(String[] args) {
        try {
            if (args.length == 0) {
                throw BadInput.usage("missing command");
            }
            if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
                out.println(USAGE);
                return ExitStatus.OK.code;
            }
            Function<String[], Integer> command = commands.get(args[0]);
            if (command == null) {
                throw BadInput.usage("unknown command \"" + Shown.value(args[0]) + "\" (expected: " + String.join(", ", commands.keySet())
                        + ")");
            }
            return command.apply(args);
        } catch (BadInput bad) {
            err.println(bad.line());
            if (bad.showsUsage()) {
                err.println(USAGE);
            }
            return ExitStatus.BAD_INPUT.code;
        }
    }
}
