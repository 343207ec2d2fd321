package dev.cascade.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line of {@code cascade run}. Only the words are checked here; the files and
 * the output directory are checked by {@link Inputs} and {@link Outputs}, before anything runs.
 *
 * <pre>{@code
 * Arguments arguments = Arguments.parse(new String[] {"run", "a.json", "--seed", "42"});
 * }</pre>
 *
 * @param files   the scenario files, as given, in order
 * @param out     where outcomes are written, as given
 * @param real    true for {@code --real}: run on the real scheduler instead of the default simulation
 * @param seed    the simulation's seed ({@code --seed N}, default 0)
 * @param check   true for {@code --check-determinism}: run each file twice from its seed and compare
 * @param budget  the run budgets of a simulated run
 * @param trace   where {@code --trace DIR} writes each run's {@code cascade-trace/1} file, if given
 * @param report  where {@code --report DIR} writes each run's HTML report (and an index of them), if given
 */
record Arguments(List<String> files, String out, boolean real, long seed, boolean check, Budget budget,
                 Optional<String> trace, Optional<String> report) {
    static final String DEFAULT_OUT = "cascade-out";

    /** A century: the simulation counts its real-time limit in nanoseconds, which end after 292 years. */
    static final long MAX_SECONDS = 3_153_600_000L;

    private static final Set<String> SWITCHES = Set.of("--sim", "--real", "--check-determinism");
    private static final Map<String, String> VALUED = valued();

    private static Map<String, String> valued() {
        Map<String, String> valued = new LinkedHashMap<>();
        valued.put("--out", "DIR");
        valued.put("--seed", "N");
        valued.put("--max-steps", "N");
        valued.put("--max-seconds", "S");
        valued.put("--trace", "DIR");
        valued.put("--report", "DIR");
        return Map.copyOf(valued);
    }

    /**
     * The run budgets: a simulated run that takes more scheduling steps, or more real time, stops
     * with exit status 3.
     *
     * @param maxSteps   {@code --max-steps N}: scheduling steps per run (deterministic: the same for every run of a seed)
     * @param maxSeconds {@code --max-seconds S}: real time per run, a safety net for a single step that never ends
     */
    record Budget(long maxSteps, Duration maxSeconds) {
        static final Budget DEFAULT = new Budget(50_000_000, Duration.ofMinutes(10));
    }

    /** Parses the words after the command name {@code run} ({@code args[0]}). */
    static Arguments parse(String[] args) {
        Options options = Options.parse(args, 1, SWITCHES, VALUED);
        List<String> files = options.operandsOnce("scenario file");
        if (files.isEmpty()) {
            throw BadInput.usage("run needs at least one scenario FILE");
        }
        boolean real = options.has("--real");
        if (real && (options.has("--sim") || options.has("--seed") || options.has("--check-determinism"))) {
            throw BadInput.usage("--real runs on the real clock and cannot be combined with " + (options.has("--sim") ? "--sim"
                    : options.has("--seed") ? "--seed" : "--check-determinism") + ", which are for simulated runs");
        }
        long seed = options.value("--seed").map(text -> number("--seed", text, Long.MIN_VALUE)).orElse(0L);
        Budget budget = new Budget(
                options.value("--max-steps").map(text -> number("--max-steps", text, 1)).orElse(Budget.DEFAULT.maxSteps()),
                options.value("--max-seconds").map(text -> Duration.ofSeconds(number("--max-seconds", text, 1)))
                        .orElse(Budget.DEFAULT.maxSeconds()));
        return new Arguments(files, options.value("--out").orElse(DEFAULT_OUT), real, seed, options.has("--check-determinism"),
                budget, options.value("--trace"), options.value("--report"));
    }

    private static long number(String flag, String text, long min) {
        long max = flag.equals("--max-seconds") ? MAX_SECONDS : Long.MAX_VALUE;
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw BadInput.usage(flag + " needs a whole number between " + min + " and " + max + ", got \"" + Shown.value(text) + "\"");
    }
}
