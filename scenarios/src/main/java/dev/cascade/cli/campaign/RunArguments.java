package dev.cascade.cli.campaign;

import dev.cascade.cli.BadInput;
import dev.cascade.cli.Options;
import dev.cascade.internal.Echo;
import dev.cascade.spec.plan.FaultKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The parsed arguments of {@code cascade campaign run}. */
record RunArguments(Path file, long seed, long from, long to, Optional<String> shard, OptionalInt shards, int threads,
                    int maxFaults, Optional<Set<FaultKind>> kinds, Optional<Duration> horizon, List<String> targets, List<String> specs,
                    Path out, Duration shrinkBudget, boolean reportOnly) {
    static final String USAGE = """
            usage: cascade campaign run FILE [--seed S] [--iterations N | --from A --to B] [--shard i/n | --shards n]
                                        [--threads T] [--max-faults M] [--kinds crash,kill,...] [--horizon-ms H]
                                        [--target PATH]... [--spec SPEC]... [--out DIR] [--shrink-budget-s B] [--report-only]
              Draws a fault plan for each iteration k of the range over the tree of the cascade-scenario/1 FILE
              (seeded from S and k alone), runs it simulated and checks the file's specs (and each --spec).
              Writes DIR/results-<i>-of-<n>.jsonl, DIR/shard-<i>-of-<n>.json and, per shrunk failure,
              DIR/failures/<name>.json (a runnable scenario) and <name>.html (DIR defaults to campaign-out).
              --shard i/n       run the iterations k with k mod n = i (0-based); without it the shard comes from
                                JOB_COMPLETION_INDEX (with --shards n), CI_NODE_INDEX/CI_NODE_TOTAL (1-based),
                                TEST_SHARD_INDEX/TEST_TOTAL_SHARDS, else the whole range
              --threads T       simulations at once (default: every core)
              --max-faults M    at most M faults per plan (default 4), within --horizon-ms (default 1000)
              --shrink-budget-s B  wall-clock limit for shrinking one failure (default 60; at most 1000 candidates anyway)
              --kinds           crash, kill, stop, exit_signal, slow_handling, slow_start, failing_start, flood, breach, link
                                (method faults need methods to aim at: the Java API's PlanSpace.methods)
              --report-only     exit 0 even when failures are found (for shards: the merge's exit status tells)
              exit status: 0 no spec failed, 1 failures found (see DIR/failures), 2 bad usage or file""";

    private static final Set<String> SWITCHES = Set.of("--report-only");
    private static final Set<String> REPEATABLE = Set.of("--target", "--spec");
    private static final Map<String, String> VALUED = Map.ofEntries(Map.entry("--seed", "S"), Map.entry("--iterations", "N"),
            Map.entry("--from", "A"), Map.entry("--to", "B"), Map.entry("--shard", "i/n"), Map.entry("--shards", "n"),
            Map.entry("--threads", "T"), Map.entry("--max-faults", "M"), Map.entry("--kinds", "crash,kill,..."),
            Map.entry("--horizon-ms", "H"), Map.entry("--target", "PATH"), Map.entry("--spec", "SPEC"), Map.entry("--out", "DIR"),
            Map.entry("--shrink-budget-s", "B"));

    /**
     * Parses the arguments after {@code campaign run}.
     *
     * @throws BadInput for an unknown flag, a flag without its value or one given twice (as {@code cascade run} refuses them),
     *         a number that is not a whole number or out of its range (as {@link Options#number} words it)
     * @throws IllegalArgumentException for a range whose end is before its start, a missing or second FILE
     */
    static RunArguments parse(List<String> args) {
        Options options = Options.parse(args.toArray(String[]::new), 0, SWITCHES, VALUED, REPEATABLE);
        Path file = file(options.operands());
        long seed = number(options, "--seed", Long.MIN_VALUE, Long.MAX_VALUE, 0);
        if (options.has("--iterations") && (options.has("--from") || options.has("--to"))) {
            throw new IllegalArgumentException("give either --iterations N (meaning 0..N) or --from A --to B, not both");
        }
        long start = number(options, "--from", 0, Long.MAX_VALUE, 0);
        long end = options.has("--iterations") ? number(options, "--iterations", 0, Long.MAX_VALUE, 0)
                : number(options, "--to", 0, Long.MAX_VALUE, 1000);
        if (end < start) {
            throw new IllegalArgumentException("--to " + end + " is before --from " + start + ": the range is from A (inclusive) to B (exclusive)");
        }
        OptionalInt shards = options.has("--shards") ? OptionalInt.of((int) number(options, "--shards", 1, 1_000_000, 1)) : OptionalInt.empty();
        Optional<Duration> horizon = options.has("--horizon-ms")
                ? Optional.of(Duration.ofMillis(number(options, "--horizon-ms", 0, 86_400_000, 0))) : Optional.empty();
        return new RunArguments(file, seed, start, end, options.value("--shard"), shards,
                (int) number(options, "--threads", 1, 4096, Runtime.getRuntime().availableProcessors()),
                (int) number(options, "--max-faults", 1, 1000, 4), options.value("--kinds").map(RunArguments::kinds), horizon,
                options.values("--target"), options.values("--spec"), Path.of(options.value("--out").orElse("campaign-out")),
                Duration.ofSeconds(number(options, "--shrink-budget-s", 1, 86_400, 60)), options.has("--report-only"));
    }

    private static Path file(List<String> operands) {
        if (operands.isEmpty()) {
            throw new IllegalArgumentException("campaign run needs a scenario FILE (its tree, settle time and specs)");
        }
        if (operands.size() > 1) {
            throw new IllegalArgumentException("campaign run takes one scenario FILE, got " + Echo.quoted(operands.get(0)) + " and "
                    + Echo.quoted(operands.get(1)));
        }
        Path file = Path.of(operands.getFirst());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such scenario file: " + Echo.value(operands.getFirst()));
        }
        return file;
    }

    private static long number(Options options, String flag, long min, long max, long otherwise) {
        return options.number(flag, min, max).orElse(otherwise);
    }

    private static Set<FaultKind> kinds(String text) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String name : text.split(",")) {
            try {
                kinds.add(FaultKind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("--kinds: unknown kind " + Echo.quoted(name.trim()) + " (kinds: "
                        + String.join(", ", java.util.Arrays.stream(FaultKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList()) + ")");
            }
        }
        return kinds;
    }
}
