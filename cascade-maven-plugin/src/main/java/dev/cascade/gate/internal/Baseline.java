package dev.cascade.gate.internal;

import dev.cascade.internal.Echo;
import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import dev.cascade.internal.json.JsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * The committed baseline ({@code cascade-baseline/1}): per test id, the seed, mode and readings the
 * gate compares with, and every acceptance of a change for the worse (reason, date, Cascade version).
 *
 * @param entries the entries by test id
 */
public record Baseline(SequencedMap<String, Entry> entries) {
    /** The format name written and accepted. */
    public static final String FORMAT = "cascade-baseline/1";

    public Baseline {
        entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
    }

    /**
     * One test's baseline.
     *
     * @param seed        the seed of the run it was taken from
     * @param mode        {@code simulated} or {@code real}
     * @param readings    the readings by key
     * @param acceptances every accepted change for the worse, oldest first
     */
    public record Entry(long seed, String mode, Map<String, Reading> readings, List<Acceptance> acceptances) {
        public Entry {
            readings = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(readings));
            acceptances = List.copyOf(acceptances);
        }
    }

    /**
     * A change for the worse written with {@code -Dcascade.accept}.
     *
     * @param reason  why, as given
     * @param date    the day it was accepted (ISO)
     * @param version the Cascade version that wrote it
     * @param changes each loosened reading, {@code key: before → after}
     */
    public record Acceptance(String reason, String date, String version, List<String> changes) {
        public Acceptance {
            changes = List.copyOf(changes);
        }
    }

    /** An empty baseline. */
    public static Baseline empty() {
        return new Baseline(new LinkedHashMap<>());
    }

    /** Reads the file; an empty baseline when it does not exist. */
    public static Baseline read(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        Json json = new Json(file.toString());
        JsonObject root;
        try {
            root = json.object(JsonParser.parse(Files.readAllBytes(file)), "the baseline");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException(file + " is not a valid baseline (" + malformed.getMessage()
                    + "); restore it from version control or write it again with cascade:baseline", malformed);
        }
        String format = json.string(root, "format", "the baseline");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException(file + ": format is " + Echo.quoted(format) + " but should be " + FORMAT);
        }
        LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        json.member(root, "tests").ifPresent(tests -> json.object(tests, "tests").members().forEach((test, value) -> {
            String where = "tests." + test;
            JsonObject entry = json.object(value, where);
            LinkedHashMap<String, Reading> readings = new LinkedHashMap<>();
            json.member(entry, "readings").ifPresent(r -> json.object(r, where + ".readings").members().forEach((key, reading) ->
                    readings.put(key, switch (reading) {
                        case JsonNumber number -> new Reading.Count(json.integer(number, where + ".readings." + key));
                        case JsonString label -> new Reading.Label(label.value());
                        default -> new Reading.Absent(Snapshot.metricOf(key) == Metric.RECOVERY ? "none" : "absent");
                    })));
            List<Acceptance> acceptances = new ArrayList<>();
            for (JsonValue accepted : json.array(entry, "accepted", where)) {
                JsonObject a = json.object(accepted, where + ".accepted[]");
                List<String> changes = json.array(a, "changes", where + ".accepted[]").stream()
                        .map(change -> change instanceof JsonString s ? s.value() : change.describe()).toList();
                acceptances.add(new Acceptance(json.stringOr(a, "reason", ""), json.stringOr(a, "date", ""),
                        json.stringOr(a, "cascade_version", ""), changes));
            }
            entries.put(test, new Entry(json.integer(entry.members().get("seed"), where + ".seed"),
                    json.string(entry, "mode", where), readings, acceptances));
        }));
        return new Baseline(entries);
    }

    /** Writes the file with the project's JSON codec, tests sorted by id. */
    public void write(Path file) {
        Map<String, JsonValue> tests = new TreeMap<>();
        entries.forEach((test, entry) -> {
            LinkedHashMap<String, JsonValue> readings = new LinkedHashMap<>();
            entry.readings().forEach((key, reading) -> readings.put(key, switch (reading) {
                case Reading.Count count -> JsonValue.of(count.value());
                case Reading.Label label -> JsonValue.of(label.value());
                case Reading.Absent absent -> JsonValue.NULL;
            }));
            LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
            members.put("seed", JsonValue.of(entry.seed()));
            members.put("mode", JsonValue.of(entry.mode()));
            members.put("readings", JsonObject.of(readings));
            if (!entry.acceptances().isEmpty()) {
                members.put("accepted", JsonArray.of(entry.acceptances().stream().map(Baseline::acceptance).toList()));
            }
            tests.put(test, JsonObject.of(members));
        });
        LinkedHashMap<String, JsonValue> root = new LinkedHashMap<>();
        root.put("format", JsonValue.of(FORMAT));
        root.put("tests", JsonObject.of(tests));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, JsonWriter.write(JsonObject.of(root)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonValue acceptance(Acceptance acceptance) {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        members.put("reason", JsonValue.of(acceptance.reason()));
        members.put("date", JsonValue.of(acceptance.date()));
        members.put("cascade_version", JsonValue.of(acceptance.version()));
        members.put("changes", JsonArray.of(acceptance.changes().stream().map(JsonValue::of).toList()));
        return JsonObject.of(members);
    }
}
