package dev.cascade.campaign;

import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code shard-<i>-of-<n>.json} file as a merge reads it.
 *
 * @param dir      the folder it is in (with {@code failures/} and the results file)
 * @param campaign what identifies the campaign: scenario, seed, range, shard count, specs and plan space
 * @param failures the shard's distinct failures: name, first iteration, simulation seed, specs, shrinking
 */
record ShardFile(Path dir, String campaign, int shard, int shards, long runs, long failing, List<Entry> failures) {
    record Entry(String name, long iteration, long simSeed, List<String> specs, String shrinking) {}

    static ShardFile read(Path file) {
        try {
            JsonValue.JsonObject top = object(JsonParser.parse(Files.readString(file, StandardCharsets.UTF_8)), file, "");
            if (!JsonValue.of(CampaignMerge.SHARD_FORMAT).equals(top.members().get("format"))) {
                throw bad(file, "format", "expected \"" + CampaignMerge.SHARD_FORMAT + "\"");
            }
            if (!(top.members().get("specs") instanceof JsonValue.JsonArray)) {
                throw bad(file, "specs", "expected an array");
            }
            String campaign = "scenario " + text(top, file, "scenario") + ", seed " + number(top, file, "seed") + ", iterations "
                    + number(top, file, "from") + ".." + number(top, file, "to") + ", " + number(top, file, "shards") + " shard(s), specs "
                    + jsonText(top.members().get("specs")) + ", plans " + text(top, file, "space");
            List<Entry> failures = new ArrayList<>();
            if (!(top.members().get("failures") instanceof JsonValue.JsonArray array)) {
                throw bad(file, "failures", "expected an array");
            }
            for (int i = 0; i < array.elements().size(); i++) {
                JsonValue.JsonObject entry = object(array.elements().get(i), file, "failures[" + i + "]");
                List<String> specs = new ArrayList<>();
                if (entry.members().get("specs") instanceof JsonValue.JsonArray names) {
                    names.elements().forEach(name -> specs.add(name instanceof JsonValue.JsonString string ? string.value() : name.describe()));
                }
                failures.add(new Entry(text(entry, file, "name"), number(entry, file, "iteration"), number(entry, file, "sim_seed"), specs,
                        text(entry, file, "shrinking")));
            }
            return new ShardFile(file.getParent(), campaign, (int) number(top, file, "shard"), (int) number(top, file, "shards"),
                    number(top, file, "runs"), number(top, file, "failing"), failures);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read the shard file " + file + ": " + failed.getMessage(), failed);
        } catch (dev.cascade.scenario.ScenarioFormatException notJson) {
            throw new IllegalArgumentException(file + ": not a JSON shard file (" + notJson.getMessage() + "); was it cut short?", notJson);
        }
    }

    private static String jsonText(JsonValue value) {
        return value instanceof JsonValue.JsonArray array ? array.elements().stream()
                .map(e -> e instanceof JsonValue.JsonString s ? s.value() : e.describe()).toList().toString() : value.describe();
    }

    private static JsonValue.JsonObject object(JsonValue value, Path file, String where) {
        if (value instanceof JsonValue.JsonObject object) {
            return object;
        }
        throw bad(file, where.isEmpty() ? "the document" : where, "expected an object but was " + value.describe());
    }

    private static String text(JsonValue.JsonObject object, Path file, String field) {
        if (object.members().get(field) instanceof JsonValue.JsonString string) {
            return string.value();
        }
        throw bad(file, field, "expected a string");
    }

    private static long number(JsonValue.JsonObject object, Path file, String field) {
        if (object.members().get(field) instanceof JsonValue.JsonNumber number && number.longValue().isPresent()) {
            return number.longValue().getAsLong();
        }
        throw bad(file, field, "expected a whole number");
    }

    private static IllegalArgumentException bad(Path file, String field, String why) {
        return new IllegalArgumentException(file + ": " + field + ": " + why + " (a shard file as cascade campaign run writes it)");
    }
}
