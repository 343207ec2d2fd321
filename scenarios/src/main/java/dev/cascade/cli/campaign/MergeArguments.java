package dev.cascade.cli.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed arguments of {@code cascade campaign merge}. */
record MergeArguments(List<Path> dirs, Path out, Optional<Path> promote) {
    static final String USAGE = """
            usage: cascade campaign merge DIR... [--out DIR] [--promote REGRESSIONS_DIR]
              Merges the shard folders campaign run wrote: checks they are of one campaign and names missing shards,
              deduplicates failures by shrunk plan into OUT/failures, writes OUT/summary.txt and OUT/index.html
              (failures with their replay commands; OUT defaults to campaign-merged), and with --promote copies
              the failures the folder does not hold yet (e.g. --promote src/test/cascade/regressions).
              exit status: 0 no failures and every shard present, 1 failures found or shards missing, 2 bad usage or input""";

    static MergeArguments parse(List<String> args) {
        List<Path> dirs = new ArrayList<>();
        Path out = Path.of("campaign-merged");
        Optional<Path> promote = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--out" -> out = Path.of(Numbers.value(args, ++i, "--out needs a directory"));
                case "--promote" -> promote = Optional.of(Path.of(Numbers.value(args, ++i, "--promote needs a directory, e.g. src/test/cascade/regressions")));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option \"" + Numbers.cut(arg) + "\" (expected: --out DIR, --promote DIR)");
                    }
                    Path dir = Path.of(arg);
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalArgumentException("no such shard folder: " + Numbers.cut(arg));
                    }
                    dirs.add(dir);
                }
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("campaign merge needs at least one shard folder DIR\n" + USAGE);
        }
        return new MergeArguments(List.copyOf(dirs), out, promote);
    }
}
