package dev.cascade.campaign;

import dev.cascade.spec.Trial;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A failure a campaign found, after shrinking: the same shrunk plan found by several iterations
 * (or shards) is one failure.
 *
 * <pre>{@code
 * for (Failure failure : result.failures()) {
 *     System.out.println(failure.name() + " " + failure.specs() + ": " + failure.replay());
 * }
 * }</pre>
 *
 * @param name      {@code campaign-<8 hex digits of the shrunk trial>}: equal names, equal shrunk plans
 * @param iteration the first iteration that found it (in this shard)
 * @param shrunk    the smallest failing plan found, and its simulation seed
 * @param specs     the specs it fails
 * @param file      the runnable scenario file of the shrunk plan
 * @param report    its HTML report, if it could be written
 * @param shrinking what shrinking came to ({@code shrunk to 2 fault(s) in 37 runs})
 */
public record Failure(String name, long iteration, Trial shrunk, List<String> specs, Path file, Optional<Path> report, String shrinking) {
    public Failure {
        specs = List.copyOf(specs);
    }

    /** The command that replays it: {@code cascade run <file> --seed <seed>}. */
    public String replay() {
        return "cascade run " + file + " --seed " + shrunk.seed();
    }
}
