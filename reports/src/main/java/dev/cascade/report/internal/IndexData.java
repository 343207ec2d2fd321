package dev.cascade.report.internal;

import dev.cascade.internal.Echo;
import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonBoolean;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.report.SuiteIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The suite index's rows as data ({@code cascade-index/1}), carried by the page in a JSON script element
 * so that {@link SuiteIndex#read} can take the page back and a later step (the CI gate) add to it. Each
 * run's report is kept as the page links it: relative to the page's folder, or a {@code file:} URI. Not API.
 */
public final class IndexData {
    /** The format name written and read. */
    public static final String FORMAT = "cascade-index/1";
    static final String OPEN = "<script type=\"application/json\" id=\"index-data\">";

    private IndexData() {}

    /** The data of the index, as JSON text. */
    public static String json(SuiteIndex index) {
        List<JsonValue> runs = new ArrayList<>();
        for (SuiteIndex.Run run : index.runs()) {
            LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
            members.put("test", JsonValue.of(run.test()));
            members.put("verdict", JsonValue.of(run.verdict()));
            members.put("seed", run.seed().isPresent() ? JsonValue.of(run.seed().getAsLong()) : JsonValue.NULL);
            members.put("faults_fired", JsonValue.of(run.faultsFired()));
            members.put("restarts", JsonValue.of(run.restarts()));
            members.put("give_ups", JsonValue.of(run.giveUps()));
            members.put("lost", JsonValue.of(run.lost()));
            members.put("report", JsonValue.of(IndexPage.link(index.dir(), run.report())));
            index.driftOf(run).ifPresent(drift -> members.put("drift", JsonObject.of(driftMembers(drift))));
            runs.add(JsonObject.of(members));
        }
        LinkedHashMap<String, JsonValue> root = new LinkedHashMap<>();
        root.put("format", JsonValue.of(FORMAT));
        root.put("runs", JsonArray.of(runs));
        root.put("stale", JsonArray.of(index.stale().stream().map(JsonValue::of).toList()));
        return JsonWriter.write(JsonObject.of(root));
    }

    private static LinkedHashMap<String, JsonValue> driftMembers(SuiteIndex.Drift drift) {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        members.put("kind", JsonValue.of(drift.kind().name()));
        members.put("changes", JsonArray.of(drift.changes().stream().map(JsonValue::of).toList()));
        members.put("fails", JsonValue.of(drift.fails()));
        return members;
    }

    /** Adds what {@code dir/index.html} holds to {@code into}; nothing when there is no page. */
    public static void read(Path dir, SuiteIndex into) {
        Path page = dir.resolve("index.html");
        if (!Files.exists(page)) {
            return;
        }
        String html;
        try {
            html = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read the suite index " + page + " (" + failed.getMessage() + ") to add to it;"
                    + " let the build read that folder, or delete the page and run the tests again", failed);
        }
        int start = html.indexOf(OPEN);
        int end = start < 0 ? -1 : html.indexOf("</script>", start);
        if (end < 0) {
            throw new IllegalArgumentException(page + " holds no " + FORMAT + " data (written by an older Cascade?);"
                    + " delete it and run the tests again");
        }
        try {
            JsonObject root = (JsonObject) JsonParser.parse(html.substring(start + OPEN.length(), end));
            String format = ((JsonString) root.members().get("format")).value();
            if (!format.equals(FORMAT)) {
                throw new IllegalArgumentException("format is " + Echo.quoted(format) + " but this version reads " + FORMAT);
            }
            for (JsonValue value : ((JsonArray) root.members().get("runs")).elements()) {
                JsonObject run = (JsonObject) value;
                SuiteIndex.Run read = new SuiteIndex.Run(text(run, "test"), text(run, "verdict"),
                        run.members().get("seed") instanceof JsonNumber seed ? seed.longValue() : OptionalLong.empty(),
                        count(run, "faults_fired"), count(run, "restarts"), count(run, "give_ups"), count(run, "lost"),
                        report(dir, text(run, "report")));
                into.add(read);
                if (run.members().get("drift") instanceof JsonObject drift) {
                    into.drift(read.report(), new SuiteIndex.Drift(SuiteIndex.Drift.Kind.valueOf(text(drift, "kind")),
                            ((JsonArray) drift.members().get("changes")).elements().stream().map(c -> ((JsonString) c).value()).toList(),
                            ((JsonBoolean) drift.members().get("fails")).value()));
                }
            }
            ((JsonArray) root.members().get("stale")).elements().forEach(test -> into.stale(((JsonString) test).value()));
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException(page + " holds " + FORMAT + " data this version cannot read ("
                    + Echo.value(String.valueOf(malformed.getMessage())) + "); delete it and run the tests again", malformed);
        }
    }

    private static String text(JsonObject object, String name) {
        return ((JsonString) object.members().get(name)).value();
    }

    private static long count(JsonObject object, String name) {
        return ((JsonNumber) object.members().get(name)).longValue().orElseThrow();
    }

    private static Path report(Path dir, String link) {
        return link.startsWith("file:") ? Path.of(URI.create(link)) : dir.resolve(link).normalize();
    }
}
