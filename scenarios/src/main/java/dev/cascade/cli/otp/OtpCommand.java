package dev.cascade.cli.otp;

import dev.cascade.cli.BadInput;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeReader;
import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cascade otp}: each scenario runs on Cascade (simulated, seed 0) and on real Erlang/OTP, and
 * the outcomes' events (without times) and final incarnations are compared. A scenario whose timing
 * margins are too small for OTP ({@link Margins}) is set aside, not compared. Exit status: 0 all
 * agree, 1 a difference (or an OTP run that failed), 2 a bad file or usage, 3 no Erlang/OTP.
 *
 * <pre>{@code
 * cascade otp scenarios/examples/cache-crash.json --out target/otp
 * cascade otp --generate 100 --seed 7 --out target/otp
 * }</pre>
 */
public final class OtpCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    /**
     * @param out where the per-file verdicts and the summary go
     * @param err where errors go
     * @param env the environment: {@code PATH} is searched for {@code erl} and {@code erlc}, and
     *            {@code XDG_CACHE_HOME} (else {@code ~/.cache}) holds the compiled harness
     */
    public OtpCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Runs {@code cascade otp} with the arguments after {@code otp}; returns the exit status. */
    public int execute(List<String> args) {
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            out.println(OtpArguments.USAGE);
            return 0;
        }
        OtpArguments arguments;
        try {
            arguments = OtpArguments.parse(args);
        } catch (BadInput bad) {
            err.println("cascade otp: " + bad.getMessage());
            err.println(OtpArguments.USAGE);
            return 2;
        }
        try {
            return check(arguments);
        } catch (IOException failed) {
            err.println("cascade otp: " + failed.getMessage());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println("cascade otp: interrupted");
            return 1;
        }
    }

    private record Checked(Path file, Scenario scenario, String key) {}

    private int check(OtpArguments arguments) throws IOException, InterruptedException {
        Files.createDirectories(arguments.out());
        List<Path> files = new ArrayList<>(arguments.files());
        if (arguments.generate() > 0) {
            files.addAll(ScenarioGenerator.writeAll(arguments.out().resolve("generated"), arguments.generate(), arguments.seed()));
        }
        List<Checked> checked = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Path file : files) {
            Scenario scenario;
            try {
                scenario = ScenarioReader.read(file);
                OtpScope.check(scenario);
            } catch (ScenarioFormatException invalid) {
                if (arguments.skipAdditions() && invalid.problem().contains("cascade otp runs scenarios on real OTP")) {
                    out.println(file + ": skipped: " + invalid.getMessage());
                    continue;
                }
                err.println(file + ": " + invalid.getMessage());
                return 2;
            }
            String key = scenario.name();
            for (int n = 2; !keys.add(key); n++) {
                key = scenario.name() + "-" + n;
            }
            checked.add(new Checked(file, scenario, key));
        }
        Harness harness;
        int release;
        try {
            harness = Harness.find(env.get("PATH"), env);
            release = harness.otpRelease();
            if (release < 25) {
                err.println("cascade otp: found Erlang/OTP " + release + ", but the cross-check needs OTP 25 or newer"
                        + " (Debian/Ubuntu: apt-get install -y erlang-base erlang-dev)");
                return 3;
            }
        } catch (Harness.MissingErlang missing) {
            err.println("cascade otp: " + missing.getMessage());
            return 3;
        }
        List<Path[]> jobs = new ArrayList<>();
        List<Outcome> simulated = new ArrayList<>();
        for (Checked one : checked) {
            Outcome outcome = ScenarioRunner.run(one.scenario());
            simulated.add(outcome);
            Files.writeString(arguments.out().resolve(one.key() + ".cascade.outcome.json"), OutcomeWriter.write(outcome));
            jobs.add(new Path[] {one.file(), arguments.out().resolve(one.key() + ".otp.outcome.json")});
        }
        out.println("running " + checked.size() + " scenario(s) on Cascade (simulated) and on Erlang/OTP "
                + release + ", " + arguments.parallel() + " at a time on OTP");
        for (Path[] job : jobs) {
            Files.deleteIfExists(job[1]); // an outcome left from an earlier run must not stand in for this one
        }
        Harness.Result otp = harness.run(jobs, arguments.parallel());
        if (otp.status() != 0) {
            err.println("cascade otp: the OTP harness reported a failure (status " + otp.status() + "):\n" + otp.output());
        }
        Tally tally = new Tally();
        for (int i = 0; i < checked.size(); i++) {
            if (!Files.isRegularFile(jobs.get(i)[1])) {
                tally.failed++;
                out.println(checked.get(i).file() + ": the OTP run wrote no outcome (see the harness's message)");
                continue;
            }
            compare(checked.get(i), simulated.get(i), OutcomeReader.read(jobs.get(i)[1]), tally);
        }
        out.println(tally.compared + " compared: " + tally.agree + " agree, " + tally.differ + " differ; "
                + tally.setAside + " set aside for timing margins (" + tally.setAsideAgreeing + " of them agreed anyway)"
                + (tally.failed == 0 ? "" : "; " + tally.failed + " failed to run on OTP"));
        return tally.differ == 0 && tally.failed == 0 ? 0 : 1;
    }

    private static final class Tally {
        int compared;
        int agree;
        int differ;
        int setAside;
        int setAsideAgreeing;
        int failed;
    }

    private void compare(Checked one, Outcome cascade, Outcome otp, Tally tally) {
        OutcomeDiff diff = OutcomeDiff.of(cascade, otp);
        List<String> why = new ArrayList<>(Margins.check(one.scenario(), cascade, ScenarioRunner::run));
        long late = Margins.lateness(cascade, otp, diff);
        if (!diff.agree() && late > Margins.MARGIN_MS) {
            why.add("OTP ran up to " + late + " ms behind Cascade's times for the same events (a busy machine?), beyond"
                    + " the format's " + Margins.MARGIN_MS + " ms margins; run it again, with a smaller --parallel");
        }
        String label = one.file() + " (" + one.scenario().name() + ")";
        if (!why.isEmpty()) {
            tally.setAside++;
            tally.setAsideAgreeing += diff.agree() ? 1 : 0;
            out.println(label + ": set aside: " + String.join("; ", why) + (diff.agree() ? " (the outcomes agree)"
                    : " (the outcomes differ; not counted)"));
            return;
        }
        tally.compared++;
        if (diff.agree()) {
            tally.agree++;
            out.println(label + ": agree (" + diff.cascade().size() + " events, same final incarnations)");
        } else {
            tally.differ++;
            out.println(label + ": DIFFERENT from OTP");
            out.print(diff.report());
        }
    }
}
