package dev.cascade.campaign;

import dev.cascade.report.Report;
import dev.cascade.report.SuiteIndex;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.Trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Merges the folders of a campaign's shards: checks they belong to one campaign and says which
 * shards are missing, deduplicates failures by their shrunk plan (its name is its hash; the files
 * are compared too), copies each distinct failure's scenario file and report to {@code out/failures},
 * writes {@code out/summary.txt} and the campaign index page {@code out/index.html} (failures, each
 * with its replay command), and with a promote folder copies the failures it does not hold yet.
 *
 * <pre>{@code
 * CampaignMerge.Result merged = CampaignMerge.merge(List.of(Path.of("shard-0"), Path.of("shard-1")),
 *         Path.of("campaign"), Optional.of(Path.of("src/test/cascade/regressions")));
 * System.out.print(merged.summary());
 * }</pre>
 */
public final class CampaignMerge {
    /** The format of a shard's {@code shard-<i>-of-<n>.json}. */
    public static final String SHARD_FORMAT = "cascade-campaign-shard/1";

    private CampaignMerge() {}

    /**
     * What a merge found.
     *
     * @param runs     iterations run, over all shards
     * @param failing  iterations that failed a spec
     * @param failures the distinct failures, their files now in {@code out/failures}
     * @param missing  shard indexes of the campaign with no shard file among the folders
     * @param promoted scenario files copied to the promote folder (the failures it did not hold yet)
     * @param index    the campaign index page
     * @param summary  the summary's text (also in {@code out/summary.txt})
     */
    public record Result(long runs, long failing, List<Failure> failures, List<Integer> missing, List<Path> promoted, Path index,
                         String summary) {}

    /**
     * Merges the shard folders {@code dirs} (each holding the {@code shard-*.json} files that
     * {@code campaign run} wrote, searched one level deep too) into {@code out}.
     *
     * @throws IllegalArgumentException if a folder holds no shard file, or the shards are of different campaigns
     */
    public static Result merge(List<Path> dirs, Path out, Optional<Path> promote) {
        List<ShardFile> shards = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> files = shardFiles(dir);
            if (files.isEmpty()) {
                throw new IllegalArgumentException(dir + ": no shard-<i>-of-<n>.json in it (nor in its subfolders): give the folders"
                        + " cascade campaign run --out wrote");
            }
            files.forEach(file -> shards.add(ShardFile.read(file)));
        }
        ShardFile first = shards.getFirst();
        for (ShardFile shard : shards) {
            if (!shard.campaign().equals(first.campaign())) {
                throw new IllegalArgumentException("the shards are of different campaigns: " + first.dir() + " has " + first.campaign()
                        + " but " + shard.dir() + " has " + shard.campaign() + "; merge the shards of one campaign at a time");
            }
        }
        TreeSet<Integer> seen = new TreeSet<>();
        long runs = 0;
        long failing = 0;
        for (ShardFile shard : shards) {
            if (seen.add(shard.shard())) {
                runs += shard.runs();
                failing += shard.failing();
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < first.shards(); i++) {
            if (!seen.contains(i)) {
                missing.add(i);
            }
        }
        Map<String, Failure> failures = new LinkedHashMap<>();
        Path failuresDir = out.resolve("failures");
        try {
            Files.createDirectories(failuresDir);
            for (ShardFile shard : shards) {
                for (ShardFile.Entry entry : shard.failures()) {
                    Failure known = failures.get(entry.name());
                    Path source = shard.dir().resolve("failures").resolve(entry.name() + ".json");
                    if (known != null) {
                        if (!Files.readString(source).equals(Files.readString(known.file()))) {
                            throw new IllegalArgumentException(source + " and " + known.file() + " have the same name but different plans"
                                    + " (a hash collision): rename one and merge again");
                        }
                        if (entry.iteration() < known.iteration()) {
                            failures.put(entry.name(), new Failure(known.name(), entry.iteration(), known.shrunk(), known.specs(), known.file(),
                                    known.report(), known.shrinking()));
                        }
                        continue;
                    }
                    failures.put(entry.name(), copy(shard.dir().resolve("failures"), failuresDir, entry));
                }
            }
            List<Failure> sorted = failures.values().stream().sorted(java.util.Comparator.comparingLong(Failure::iteration)).toList();
            SuiteIndex index = SuiteIndex.in(out);
            for (Failure failure : sorted) {
                failure.report().ifPresent(html -> index.add(SuiteIndex.Run.of(failure.name() + " · " + String.join(", ", failure.specs())
                        + " · replay: " + failure.replay(), "FAIL", report(html), html)));
            }
            Path page = index.write();
            List<Path> promoted = promote.isPresent() ? promote(sorted, promote.get()) : List.of();
            String summary = summary(first, seen.size(), runs, failing, sorted, missing, promoted, promote);
            Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            return new Result(runs, failing, sorted, missing, promoted, page, summary);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not merge into " + out + ": " + failed.getMessage(), failed);
        }
    }

    private static List<Path> shardFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(file -> file.getFileName().toString().matches("shard-\\d+-of-\\d+\\.json")).sorted().toList();
        } catch (IOException failed) {
            throw new UncheckedIOException("could not list " + dir + ": " + failed.getMessage(), failed);
        }
    }

    private static Failure copy(Path from, Path to, ShardFile.Entry entry) throws IOException {
        Optional<Path> html = Optional.empty();
        for (String suffix : List.of(".json", ".html", ".trace.json", ".chrome-trace.json")) {
            Path source = from.resolve(entry.name() + suffix);
            if (Files.exists(source)) {
                Path target = Files.copy(source, to.resolve(entry.name() + suffix), StandardCopyOption.REPLACE_EXISTING);
                if (suffix.equals(".html")) {
                    html = Optional.of(target);
                }
            }
        }
        Path file = to.resolve(entry.name() + ".json");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(from.resolve(entry.name() + ".json") + " is missing: the shard file names failure "
                    + entry.name() + " but its scenario file is gone; copy the whole shard folder");
        }
        Trial trial = new Trial(PlanFile.read(file).trial().plan(), entry.simSeed());
        return new Failure(entry.name(), entry.iteration(), trial, entry.specs(), file, html, entry.shrinking());
    }

    private static Report report(Path html) {
        Path trace = html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html$", ".trace.json"));
        try {
            return Report.of(Files.readString(trace, StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read " + trace + " (the trace of " + html + "): " + failed.getMessage(), failed);
        }
    }

    private static List<Path> promote(List<Failure> failures, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> promoted = new ArrayList<>();
        for (Failure failure : failures) {
            Path target = folder.resolve(failure.file().getFileName());
            if (!Files.exists(target)) {
                promoted.add(Files.copy(failure.file(), target));
            }
        }
        return promoted;
    }

    private static String summary(ShardFile first, int merged, long runs, long failing, List<Failure> failures, List<Integer> missing,
                                  List<Path> promoted, Optional<Path> promote) {
        StringBuilder text = new StringBuilder("campaign: ").append(first.campaign()).append('\n')
                .append("shards merged: ").append(merged).append(" of ").append(first.shards())
                .append(missing.isEmpty() ? "" : " (missing: " + missing + " — their iterations did not run; rerun those shards)").append('\n')
                .append("runs: ").append(runs).append(", failing iterations: ").append(failing)
                .append(", distinct failures: ").append(failures.size()).append('\n');
        for (Failure failure : failures) {
            text.append("FAIL ").append(failure.name()).append(' ').append(failure.specs()).append(" first at iteration ")
                    .append(failure.iteration()).append("; ").append(failure.shrinking()).append('\n')
                    .append("  replay: ").append(failure.replay()).append('\n');
        }
        promote.ifPresent(folder -> text.append("promoted to ").append(folder).append(": ").append(promoted.size()).append(" new failure(s)")
                .append(promoted.isEmpty() ? "" : " " + promoted.stream().map(p -> p.getFileName().toString()).toList()).append('\n'));
        return text.toString();
    }

}
