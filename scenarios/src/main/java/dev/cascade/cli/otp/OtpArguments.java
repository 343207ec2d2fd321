package dev.cascade.cli.otp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed arguments of {@code cascade otp FILE... [--out DIR] [--generate N [--seed S]]
 * [--parallel P] [--skip-additions]}.
 *
 * @param files         the scenario files given, in order
 * @param out           where both outcomes of each file are written (and generated scenarios)
 * @param generate      how many random scenarios to generate and check besides the files
 * @param seed          the generator's seed
 * @param parallel      how many scenarios run on OTP at the same time
 * @param skipAdditions report a file using a Cascade addition as skipped instead of refusing it
 */
record OtpArguments(List<Path> files, Path out, int generate, long seed, int parallel, boolean skipAdditions) {
    static final String USAGE = """
            usage: cascade otp FILE... [--out DIR] [--generate N [--seed S]] [--parallel P] [--skip-additions]
              Runs each cascade-scenario/1 FILE on Cascade (simulated, seed 0) and on real Erlang/OTP
              (25 or newer: erl and erlc on the PATH), compares the outcomes event for event and prints
              the first difference with a diff. Writes DIR/<name>.cascade.outcome.json and
              DIR/<name>.otp.outcome.json (DIR defaults to cascade-otp-out).
              --generate N        also generate N random scenarios (into DIR/generated) and check them
              --seed S            the generator's seed (default 1): the same seed gives the same files
              --parallel P        scenarios run on OTP at the same time (default 8)
              --skip-additions    skip, instead of refusing, files that use Cascade additions OTP cannot run
              exit status: 0 all agree, 1 a difference, 2 a bad file or usage, 3 no Erlang/OTP""";

    static OtpArguments parse(List<String> args) {
        List<Path> files = new ArrayList<>();
        Path out = Path.of("cascade-otp-out");
        int generate = 0;
        Long seed = null;
        int parallel = 8;
        boolean skip = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, "--out needs a directory"));
                case "--generate" -> generate = (int) number(value(args, ++i, "--generate needs a count, e.g. --generate 100"),
                        "--generate", 1, 100_000);
                case "--seed" -> seed = number(value(args, ++i, "--seed needs a number, e.g. --seed 7"), "--seed",
                        Long.MIN_VALUE, Long.MAX_VALUE);
                case "--parallel" -> parallel = (int) number(value(args, ++i, "--parallel needs a count, e.g. --parallel 4"),
                        "--parallel", 1, 256);
                case "--skip-additions" -> skip = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option \"" + arg
                                + "\" (expected: --out DIR, --generate N, --seed S, --parallel P, --skip-additions)");
                    }
                    Path file = Path.of(arg);
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("no such scenario file: " + file);
                    }
                    files.add(file);
                }
            }
        }
        if (files.isEmpty() && generate == 0) {
            throw new IllegalArgumentException("otp needs at least one scenario FILE or --generate N");
        }
        if (seed != null && generate == 0) {
            throw new IllegalArgumentException("--seed is the generator's seed and needs --generate N");
        }
        return new OtpArguments(List.copyOf(files), out, generate, seed == null ? 1 : seed, parallel, skip);
    }

    private static String value(List<String> args, int index, String missing) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(missing);
        }
        return args.get(index);
    }

    private static long number(String text, String option, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " needs a whole number, got \"" + text + "\"");
        }
    }
}
