package dev.cascade.campaign;

import dev.cascade.internal.Echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which part of a campaign's iterations this process runs: iteration {@code k} belongs to shard
 * {@code k mod count}. Since iteration k's run depends only on the campaign seed and k, any split
 * finds the same failures.
 *
 * <pre>{@code
 * Shard shard = Shard.detect(Optional.empty(), OptionalInt.empty(), System.getenv());  // CI/cluster variables, else 0/1
 * shard.owns(42);   // 42 % count == index
 * }</pre>
 *
 * @param index 0-based, below {@code count}
 * @param count at least 1
 * @param from  where the index and count came from ({@code --shard}, {@code JOB_COMPLETION_INDEX}, …), for the log
 */
public record Shard(int index, int count, String from) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n, but was " + index + "/" + count + " (from " + from + ")");
        }
    }

    /** The whole range in one shard. */
    public static Shard whole() {
        return new Shard(0, 1, "default");
    }

    /** Whether iteration {@code k} is this shard's. */
    public boolean owns(long k) {
        return Math.floorMod(k, count) == index;
    }

    /**
     * The shard from {@code --shard i/n} if given, else from the environment: Kubernetes Indexed Jobs
     * ({@code JOB_COMPLETION_INDEX}, 0-based, with {@code --shards n}), GitLab ({@code CI_NODE_INDEX},
     * 1-based, and {@code CI_NODE_TOTAL}), Bazel ({@code TEST_SHARD_INDEX}, 0-based, and
     * {@code TEST_TOTAL_SHARDS}); else the whole range.
     *
     * @throws IllegalArgumentException naming the variable or option and its value when one is malformed
     */
    public static Shard detect(Optional<String> flag, OptionalInt shards, Map<String, String> env) {
        if (flag.isPresent()) {
            String text = flag.get();
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("--shard needs i/n (e.g. --shard 0/4, 0-based), got " + Echo.quoted(text));
            }
            return new Shard(number(text.substring(0, slash), "--shard " + text), number(text.substring(slash + 1), "--shard " + text), "--shard");
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            if (shards.isEmpty()) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX=" + Echo.value(env.get("JOB_COMPLETION_INDEX"))
                        + " is set (a Kubernetes Indexed Job) but the shard count is not: pass --shards N (the Job's completions)");
            }
            return new Shard(number(env.get("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX"), shards.getAsInt(), "JOB_COMPLETION_INDEX");
        }
        if (env.containsKey("CI_NODE_INDEX") && env.containsKey("CI_NODE_TOTAL")) {
            return new Shard(number(env.get("CI_NODE_INDEX"), "CI_NODE_INDEX") - 1, number(env.get("CI_NODE_TOTAL"), "CI_NODE_TOTAL"),
                    "CI_NODE_INDEX (1-based)");
        }
        if (env.containsKey("TEST_SHARD_INDEX") && env.containsKey("TEST_TOTAL_SHARDS")) {
            touchBazelStatus(env);
            return new Shard(number(env.get("TEST_SHARD_INDEX"), "TEST_SHARD_INDEX"), number(env.get("TEST_TOTAL_SHARDS"), "TEST_TOTAL_SHARDS"),
                    "TEST_SHARD_INDEX");
        }
        if (shards.isPresent() && shards.getAsInt() != 1) {
            throw new IllegalArgumentException("--shards " + shards.getAsInt() + " is given but no shard index: pass --shard i/"
                    + shards.getAsInt() + " or run where JOB_COMPLETION_INDEX is set");
        }
        return whole();
    }

    /** Bazel asks a test that shards to touch {@code TEST_SHARD_STATUS_FILE}, so it knows sharding is supported. */
    private static void touchBazelStatus(Map<String, String> env) {
        String status = env.get("TEST_SHARD_STATUS_FILE");
        if (status == null || status.isEmpty()) {
            return;
        }
        try {
            Path file = Path.of(status);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not touch TEST_SHARD_STATUS_FILE=" + Echo.value(status) + ": " + failed.getMessage(), failed);
        }
    }

    private static int number(String text, String where) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(where + " must be a whole number, got " + Echo.quoted(text));
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
