package dev.cascade.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parsed command line of {@code cascade}. */
record Arguments(List<Path> files, Path out, boolean help) {
    static final Path DEFAULT_OUT = Path.of("cascade-out");

    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return new Arguments(List.of(), DEFAULT_OUT, true);
        }
        if (!args[0].equals("run")) {
            throw new IllegalArgumentException("unknown command \"" + args[0] + "\" (expected: run)");
        }
        List<Path> files = new ArrayList<>();
        Path out = DEFAULT_OUT;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--out")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--out needs a directory");
                }
                out = Path.of(args[++i]);
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option \"" + arg + "\" (expected: --out DIR)");
            } else {
                Path file = Path.of(arg);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no such scenario file: " + file);
                }
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("run needs at least one scenario FILE");
        }
        return new Arguments(List.copyOf(files), out, false);
    }
}
