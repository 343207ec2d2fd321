package dev.cascade.cli.otp;

import dev.cascade.cli.BadInput;
import dev.cascade.cli.Options;
import dev.cascade.internal.Echo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final Set<String> SWITCHES = Set.of("--skip-additions");
    private static final Map<String, String> VALUED = Map.of("--out", "DIR", "--generate", "N", "--seed", "S", "--parallel", "P");

    /**
     * Parses the words after {@code otp} with the command line's {@link Options}: an unknown flag, a
     * flag without its value and a flag given twice are refused as {@code cascade run} refuses them.
     *
     * @throws BadInput saying what is wrong (exit status 2, with the usage)
     */
    static OtpArguments parse(List<String> args) {
        Options options = Options.parse(args.toArray(String[]::new), 0, SWITCHES, VALUED);
        List<Path> files = new ArrayList<>();
        for (String operand : options.operandsOnce("scenario file")) {
            Path file = Path.of(operand);
            if (!Files.isRegularFile(file)) {
                throw BadInput.usage("no such scenario file: " + Echo.value(operand));
            }
            files.add(file);
        }
        int generate = (int) options.number("--generate", 1, 100_000).orElse(0);
        if (files.isEmpty() && generate == 0) {
            throw BadInput.usage("otp needs at least one scenario FILE or --generate N");
        }
        if (options.has("--seed") && generate == 0) {
            throw BadInput.usage("--seed is the generator's seed and needs --generate N");
        }
        long seed = options.number("--seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(1);
        int parallel = (int) options.number("--parallel", 1, 256).orElse(8);
        Path out = Path.of(options.value("--out").orElse("cascade-otp-out"));
        return new OtpArguments(List.copyOf(files), out, generate, seed, parallel, options.has("--skip-additions"));
    }
}
