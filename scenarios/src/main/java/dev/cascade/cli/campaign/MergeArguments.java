package dev.cascade.cli.campaign;

import dev.cascade.cli.BadInput;
import dev.cascade.cli.Options;
import dev.cascade.internal.Echo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parsed arguments of {@code cascade campaign merge}. */
record MergeArguments(List<Path> dirs, Path out, Optional<Path> promote) {
    static final String USAGE = """
            usage: cascade campaign merge DIR... [--out DIR] [--promote REGRESSIONS_DIR]
              Merges the shard folders campaign run wrote: checks they are of one campaign and names missing shards,
              deduplicates failures by shrunk plan into OUT/failures, writes OUT/summary.txt and OUT/index.html
              (failures with their replay commands; OUT defaults to campaign-merged), and with --promote copies
              the failures the folder does not hold yet (e.g. --promote src/test/cascade/regressions).
              exit status: 0 no failures and every shard present, 1 failures found or shards missing, 2 bad usage or input""";

    /**
     * Parses the arguments after {@code campaign merge}.
     *
     * @throws BadInput for an unknown flag, a flag without its value or one given twice (as {@code cascade run} refuses them)
     * @throws IllegalArgumentException for no shard folder or one that does not exist
     */
    static MergeArguments parse(List<String> args) {
        Options options = Options.parse(args.toArray(String[]::new), 0, Set.of(), Map.of("--out", "DIR", "--promote", "DIR"));
        List<Path> dirs = new ArrayList<>();
        for (String operand : options.operands()) {
            Path dir = Path.of(operand);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no such shard folder: " + Echo.value(operand));
            }
            dirs.add(dir);
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("campaign merge needs at least one shard folder DIR");
        }
        return new MergeArguments(List.copyOf(dirs), Path.of(options.value("--out").orElse("campaign-merged")),
                options.value("--promote").map(Path::of));
    }
}
