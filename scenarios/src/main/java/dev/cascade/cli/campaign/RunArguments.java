package dev.cascade.cli.campaign;

import dev.cascade.spec.plan.FaultKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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

    static RunArguments parse(List<String> args) {
        Path file = null;
        long seed = 0;
        Long from = null;
        Long to = null;
        Long iterations = null;
        Optional<String> shard = Optional.empty();
        OptionalInt shards = OptionalInt.empty();
        int threads = Runtime.getRuntime().availableProcessors();
        int maxFaults = 4;
        Optional<Set<FaultKind>> kinds = Optional.empty();
        Optional<Duration> horizon = Optional.empty();
        List<String> targets = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        Path out = Path.of("campaign-out");
        Duration budget = Duration.ofSeconds(60);
        boolean reportOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--seed" -> seed = Numbers.parse(Numbers.value(args, ++i, "--seed needs a number, e.g. --seed 7"), "--seed", Long.MIN_VALUE, Long.MAX_VALUE);
                case "--iterations" -> iterations = Numbers.parse(Numbers.value(args, ++i, "--iterations needs a count, e.g. --iterations 100000"),
                        "--iterations", 0, Long.MAX_VALUE);
                case "--from" -> from = Numbers.parse(Numbers.value(args, ++i, "--from needs an iteration number"), "--from", 0, Long.MAX_VALUE);
                case "--to" -> to = Numbers.parse(Numbers.value(args, ++i, "--to needs an iteration number"), "--to", 0, Long.MAX_VALUE);
                case "--shard" -> shard = Optional.of(Numbers.value(args, ++i, "--shard needs i/n, e.g. --shard 0/4"));
                case "--shards" -> shards = OptionalInt.of((int) Numbers.parse(Numbers.value(args, ++i, "--shards needs a count, e.g. --shards 8"),
                        "--shards", 1, 1_000_000));
                case "--threads" -> threads = (int) Numbers.parse(Numbers.value(args, ++i, "--threads needs a count, e.g. --threads 2"), "--threads", 1, 4096);
                case "--max-faults" -> maxFaults = (int) Numbers.parse(Numbers.value(args, ++i, "--max-faults needs a count, e.g. --max-faults 8"),
                        "--max-faults", 1, 1000);
                case "--kinds" -> kinds = Optional.of(kinds(Numbers.value(args, ++i, "--kinds needs a list, e.g. --kinds crash,kill")));
                case "--horizon-ms" -> horizon = Optional.of(Duration.ofMillis(Numbers.parse(Numbers.value(args, ++i,
                        "--horizon-ms needs milliseconds, e.g. --horizon-ms 1000"), "--horizon-ms", 0, 86_400_000)));
                case "--target" -> targets.add(Numbers.value(args, ++i, "--target needs a path of the tree, e.g. --target root/app"));
                case "--spec" -> specs.add(Numbers.value(args, ++i, "--spec needs a spec, e.g. --spec 'rootSurvives()'"));
                case "--report-only" -> reportOnly = true;
                case "--out" -> out = Path.of(Numbers.value(args, ++i, "--out needs a directory"));
                case "--shrink-budget-s" -> budget = Duration.ofSeconds(Numbers.parse(Numbers.value(args, ++i,
                        "--shrink-budget-s needs seconds, e.g. --shrink-budget-s 10"), "--shrink-budget-s", 1, 86_400));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option \"" + Numbers.cut(arg) + "\" for campaign run (see the usage below)");
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("campaign run takes one scenario FILE, got " + file + " and " + Numbers.cut(arg));
                    }
                    file = Path.of(arg);
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("no such scenario file: " + Numbers.cut(arg));
                    }
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("campaign run needs a scenario FILE (its tree, settle time and specs)");
        }
        if (iterations != null && (from != null || to != null)) {
            throw new IllegalArgumentException("give either --iterations N (meaning 0..N) or --from A --to B, not both");
        }
        long start = from == null ? 0 : from;
        long end = iterations != null ? iterations : to == null ? 1000 : to;
        if (end < start) {
            throw new IllegalArgumentException("--to " + end + " is before --from " + start + ": the range is from A (inclusive) to B (exclusive)");
        }
        return new RunArguments(file, seed, start, end, shard, shards, threads, maxFaults, kinds, horizon, List.copyOf(targets),
                List.copyOf(specs), out, budget, reportOnly);
    }

    private static Set<FaultKind> kinds(String text) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String name : text.split(",")) {
            try {
                kinds.add(FaultKind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("--kinds: unknown kind \"" + Numbers.cut(name.trim()) + "\" (kinds: "
                        + String.join(", ", java.util.Arrays.stream(FaultKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList()) + ")");
            }
        }
        return kinds;
    }
}
