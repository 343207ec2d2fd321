package dev.cascade.gate.internal;

import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads {@code cascade-result/1} records (docs/result-record.md) into snapshots. */
public final class ResultRecords {
    private ResultRecords() {}

    /** Every record in the folder ({@code *.json}), by test id; none when the folder does not exist. */
    public static List<Snapshot> readAll(Path folder, Path projectDir) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                snapshots.add(read(file, projectDir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the result records in " + folder + ": " + e.getMessage(), e);
        }
        return snapshots;
    }

    /** One record. */
    public static Snapshot read(Path file, Path projectDir) {
        Json json = new Json(file.toString());
        JsonValue parsed;
        try {
            parsed = JsonParser.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result record " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException(file + " is not JSON (" + malformed.getMessage()
                    + "); delete it and rerun the tests", malformed);
        }
        JsonObject record = json.object(parsed, "the record");
        String format = json.string(record, "format", "the record");
        if (!format.equals("cascade-result/1")) {
            throw new IllegalArgumentException(file + ": format is \"" + format + "\" but this gate reads cascade-result/1;"
                    + " use the cascade-maven-plugin of the same Cascade version as the junit-extension");
        }
        String test = json.string(record, "test", "the record");
        LinkedHashMap<String, Reading> readings = new LinkedHashMap<>();
        readings.put("outcome", new Reading.Label(json.string(record, "outcome", "the record")));
        List<JsonValue> trees = json.array(record, "trees", "the record");
        for (int i = 0; i < trees.size(); i++) {
            readTree(json, json.object(trees.get(i), "trees[" + i + "]"), "trees[" + i + "]", readings);
        }
        List<JsonValue> verdicts = json.array(record, "verdicts", "the record");
        for (int i = 0; i < verdicts.size(); i++) {
            JsonObject verdict = json.object(verdicts.get(i), "verdicts[" + i + "]");
            String name = json.stringOr(verdict, "spec", json.stringOr(verdict, "name", Integer.toString(i + 1)));
            readings.put("verdicts[" + name + "]", new Reading.Label(json.stringOr(verdict, "verdict", "?")));
        }
        return new Snapshot(test, json.stringOr(record, "unique_id", ""), json.integer(record.members().get("seed"), "seed"),
                json.string(record, "mode", "the record"), json.stringOr(record, "replay", ""),
                reportOf(json, record, file, projectDir), readings);
    }

    private static void readTree(Json json, JsonObject tree, String where, Map<String, Reading> readings) {
        String name = json.string(tree, "name", where);
        counts(json, tree, "restarts", where, "restarts[" + name + ":", readings);
        counts(json, tree, "give_ups", where, "give_ups[" + name + ":", readings);
        json.member(tree, "messages").ifPresent(value -> {
            JsonObject messages = json.object(value, where + ".messages");
            readings.put("lost[" + name + "]", new Reading.Count(json.integer(messages.members().get("lost"), where + ".messages.lost")));
            readings.put("dropped[" + name + "]",
                    new Reading.Count(json.integer(messages.members().get("dropped"), where + ".messages.dropped")));
        });
        if (tree.members().containsKey("duration_ms")) {
            readings.put("recovery[" + name + "]", json.member(tree, "time_to_recovery_ms")
                    .<Reading>map(ms -> new Reading.Count(json.integer(ms, where + ".time_to_recovery_ms")))
                    .orElse(new Reading.Absent("none")));
        }
        List<JsonValue> ledger = json.array(tree, "ledger", where);
        for (int i = 0; i < ledger.size(); i++) {
            JsonObject entry = json.object(ledger.get(i), where + ".ledger[" + i + "]");
            long number = json.integer(entry.members().get("number"), where + ".ledger[" + i + "].number");
            readings.put("ledger[" + name + "#" + number + "]", new Reading.Label(json.string(entry, "status", where + ".ledger[" + i + "]")));
        }
    }

    private static void counts(Json json, JsonObject tree, String member, String where, String prefix, Map<String, Reading> readings) {
        json.member(tree, member).ifPresent(value -> json.object(value, where + "." + member).members().forEach((path, count) ->
                readings.put(prefix + path + "]", new Reading.Count(json.integer(count, where + "." + member + "." + path)))));
    }

    /** The tree's HTML report when the test wrote one (the first tree's), else its run folder, else the record itself. */
    private static String reportOf(Json json, JsonObject record, Path file, Path projectDir) {
        Path outputDir = file.toAbsolutePath().getParent().getParent();
        List<JsonValue> files = json.array(record, "files", "the record");
        List<String> names = files.stream().filter(JsonValue.JsonString.class::isInstance)
                .map(name -> ((JsonValue.JsonString) name).value()).toList();
        Path report = file.toAbsolutePath();
        Optional<String> html = names.stream().filter(name -> name.endsWith(".html")).findFirst();
        if (html.isPresent()) {
            report = outputDir.resolve(html.get());
        } else if (!names.isEmpty()) {
            Path runFile = outputDir.resolve(names.getFirst());
            report = runFile.getParent() == null ? runFile : runFile.getParent();
        }
        Path base = projectDir.toAbsolutePath();
        return report.startsWith(base) ? base.relativize(report).toString() : report.toString();
    }
}
