package dev.cascade.campaign;

import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.Shrinker;
import dev.cascade.spec.Verdict;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one shard of a campaign: its iterations on a pool of threads (each simulation on one pool
 * thread), a window of them in flight ahead of the one the results are written up to, so no thread
 * waits for the others at chunk ends or while lines and failure files are written; the results
 * lines and the files of new failures are written in iteration order, so the output does not
 * depend on the number of threads.
 */
final class CampaignRunner {
    /** Iterations in flight per thread: enough that a slow one (a failure being shrunk) does not stall the others at once. */
    private static final int WINDOW_PER_THREAD = 64;

    /** Iterations the writer lets finish before it wakes when it has to wait: one wake-up per batch, not per run. */
    private static final int BATCH = 32;

    private final Campaign campaign;
    private final Path out;
    private final Progress progress;

    CampaignRunner(Campaign campaign, Path out, Progress progress) {
        this.campaign = campaign;
        this.out = out;
        this.progress = progress;
    }

    /** An iteration run on a pool thread: passed, with its results line (made there too), or failed, with its shrunk plan. */
    private sealed interface Ran {
        record Passed(Iteration iteration, String line) implements Ran {}

        record Failed(Iteration iteration, Shrinker.Result shrunk) implements Ran {}
    }

    CampaignResult run() {
        Shard shard = campaign.shard();
        String suffix = shard.index() + "-of-" + shard.count();
        Path results = out.resolve("results-" + suffix + ".jsonl");
        Path failuresDir = out.resolve("failures");
        long total = campaign.owned();
        long start = System.nanoTime();
        Map<String, Failure> failures = new LinkedHashMap<>();
        long failing = 0;
        long done = 0;
        int window = WINDOW_PER_THREAD * campaign.threads();
        ExecutorService pool = Executors.newFixedThreadPool(campaign.threads(), Thread.ofPlatform().name("cascade-campaign-", 0).daemon().factory());
        try {
            Files.createDirectories(out);
            try (BufferedWriter lines = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
                Deque<Future<Ran>> inFlight = new ArrayDeque<>();
                long next = campaign.from() + Math.floorMod(shard.index() - campaign.from(), (long) shard.count());
                long submitted = 0;
                while (done < total) {
                    for (; submitted < total && inFlight.size() < window; submitted++, next += shard.count()) {
                        inFlight.add(pool.submit(ran(next)));
                    }
                    awaitBatch(inFlight);
                    String line = switch (result(inFlight.removeFirst())) {
                        case Ran.Passed passed -> passed.line();
                        case Ran.Failed failed -> {
                            failing++;
                            String name = FailureFiles.name(failed.shrunk().trial());
                            failures.computeIfAbsent(name, unused -> FailureFiles.write(failuresDir, campaign.scenario(), campaign.specs(),
                                    failed.iteration().k(), failed.shrunk(), failedSpecs(failed.iteration())));
                            yield failed.iteration().withFailure(name).jsonLine();
                        }
                    };
                    lines.write(line);
                    lines.newLine();
                    done++;
                    if (done % window == 0 || done == total) {
                        progress.update(done, total, failing, Duration.ofNanos(System.nanoTime() - start));
                    }
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            CampaignResult result = new CampaignResult(shard, done, failing, new ArrayList<>(failures.values()), results, took);
            Files.writeString(out.resolve("shard-" + suffix + ".json"), shardFile(result), StandardCharsets.UTF_8);
            if (total == 0) {
                progress.update(0, 0, 0, took);
            }
            return result;
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write the campaign's results to " + out + ": " + failed.getMessage(), failed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Iteration {@code k}, run and, if it failed, shrunk (on the pool thread that runs it). */
    private Callable<Ran> ran(long k) {
        return () -> {
            Iteration iteration = campaign.iteration(k);
            return iteration.failed() ? new Ran.Failed(iteration, campaign.shrink(iteration)) : new Ran.Passed(iteration, iteration.jsonLine());
        };
    }

    /**
     * If the first iteration in flight is not done, waits for the one {@link #BATCH} places behind it
     * (or the last): iterations finish about in order, so the writer then finds a batch done instead of
     * sleeping and being woken for each run, a hand-off that costs both threads.
     */
    private static void awaitBatch(Deque<Future<Ran>> inFlight) {
        if (inFlight.getFirst().isDone()) {
            return;
        }
        Future<Ran> awaited = null;
        int seen = 0;
        for (Iterator<Future<Ran>> it = inFlight.iterator(); it.hasNext() && seen < BATCH; seen++) {
            awaited = it.next();
        }
        try {
            awaited.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the campaign was interrupted", interrupted);
        } catch (ExecutionException crashed) {
            // reported in order, when its turn comes
        }
    }

    private static Ran result(Future<Ran> ran) {
        try {
            return ran.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the campaign was interrupted", interrupted);
        } catch (ExecutionException crashed) {
            throw new IllegalStateException("a campaign iteration crashed: " + crashed.getCause(), crashed.getCause());
        }
    }

    private static List<String> failedSpecs(Iteration iteration) {
        return iteration.verdicts().stream().filter(Verdict::failed).map(Verdict::spec).toList();
    }

    /** {@code shard-<i>-of-<n>.json}: what this shard ran, so a merge can check the shards belong together and none is missing. */
    private String shardFile(CampaignResult result) {
        Map<String, JsonValue> file = new LinkedHashMap<>();
        file.put("format", JsonValue.of(CampaignMerge.SHARD_FORMAT));
        file.put("scenario", JsonValue.of(campaign.scenario().name()));
        file.put("seed", JsonValue.of(campaign.seed()));
        file.put("from", JsonValue.of(campaign.from()));
        file.put("to", JsonValue.of(campaign.to()));
        file.put("shard", JsonValue.of(result.shard().index()));
        file.put("shards", JsonValue.of(result.shard().count()));
        file.put("specs", JsonValue.JsonArray.of(campaign.specs().stream().map(CascadeSpec::name).map(JsonValue::of).toList()));
        file.put("space", JsonValue.of(campaign.space().kinds().stream().sorted().toList() + " on " + campaign.space().targets()
                + ", at most " + campaign.space().maxFaults() + " within " + campaign.space().horizon().toMillis() + " ms"));
        file.put("runs", JsonValue.of(result.runs()));
        file.put("failing", JsonValue.of(result.failing()));
        file.put("took_ms", JsonValue.of(result.took().toMillis()));
        file.put("results", JsonValue.of(result.results().getFileName().toString()));
        file.put("failures", JsonValue.JsonArray.of(result.failures().stream().map(CampaignRunner::failureEntry).toList()));
        return JsonWriter.write(JsonValue.JsonObject.of(file));
    }

    private static JsonValue failureEntry(Failure failure) {
        Map<String, JsonValue> entry = new LinkedHashMap<>();
        entry.put("name", JsonValue.of(failure.name()));
        entry.put("iteration", JsonValue.of(failure.iteration()));
        entry.put("sim_seed", JsonValue.of(failure.shrunk().seed()));
        entry.put("specs", JsonValue.JsonArray.of(failure.specs().stream().map(JsonValue::of).toList()));
        entry.put("shrinking", JsonValue.of(failure.shrinking()));
        return JsonValue.JsonObject.of(entry);
    }
}
