package dev.cascade.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed command line of {@code cascade}.
 *
 * @param files   the scenario files, in order
 * @param out     where outcomes are written
 * @param real    true for {@code --real}: run on the real scheduler instead of the default simulation
 * @param seed    the simulation's seed ({@code --seed N}, default 0)
 * @param check   true for {@code --check-determinism}: run each file twice from its seed and compare
 * @param help    true for {@code --help}
 * @param trace   where {@code --trace DIR} writes each run's {@code cascade-trace/1} file, if given
 * @param report  where {@code --report DIR} writes each run's HTML report (and an index of them), if given
 */
record Arguments(List<Path> files, Path out, boolean real, long seed, boolean check, boolean help, Optional<Path> trace,
                 Optional<Path> report) {
    static final Path DEFAULT_OUT = Path.of("cascade-out");
    private static final String OPTIONS = "--out DIR, --sim, --real, --seed N, --check-determinism";

    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return new Arguments(List.of(), DEFAULT_OUT, false, 0, false, true, Optional.empty(), Optional.empty());
        }
        if (!args[0].equals("run")) {
            throw new IllegalArgumentException("unknown command \"" + args[0] + "\" (expected: run)");
        }
        List<Path> files = new ArrayList<>();
        Path out = DEFAULT_OUT;
        boolean sim = false;
        boolean real = false;
        Long seed = null;
        boolean check = false;
        Optional<Path> trace = Optional.empty();
        Optional<Path> report = Optional.empty();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, "--out needs a directory"));
                case "--sim" -> sim = true;
                case "--real" -> real = true;
                case "--seed" -> seed = seed(value(args, ++i, "--seed needs a number, e.g. --seed 42"));
                case "--check-determinism" -> check = true;
                case "--trace" -> trace = Optional.of(Path.of(value(args, ++i, "--trace needs a directory")));
                case "--report" -> report = Optional.of(Path.of(value(args, ++i, "--report needs a directory")));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option \"" + arg + "\" (expected: " + OPTIONS + ")");
                    }
                    Path file = Path.of(arg);
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("no such scenario file: " + file);
                    }
                    files.add(file);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("run needs at least one scenario FILE");
        }
        if (real && (sim || seed != null || check)) {
            throw new IllegalArgumentException("--real runs on the real clock and cannot be combined with "
                    + (sim ? "--sim" : seed != null ? "--seed" : "--check-determinism") + ", which are for simulated runs");
        }
        return new Arguments(List.copyOf(files), out, real, seed == null ? 0 : seed, check, false, trace, report);
    }

    private static String value(String[] args, int index, String missing) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(missing);
        }
        return args[index];
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--seed needs a whole number between " + Long.MIN_VALUE + " and "
                    + Long.MAX_VALUE + ", got \"" + text + "\"");
        }
    }
}
