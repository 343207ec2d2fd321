package dev.cascade.report.internal;

import dev.cascade.internal.Echo;
import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonNumber;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonValue.JsonString;

import java.util.List;
import java.util.Optional;

/**
 * A {@code cascade-trace/1} document, parsed once, with the few facts reports need from it. Not API.
 *
 * @param text the document as written
 * @param doc  the document parsed
 */
public record TraceText(String text, JsonObject doc) {
    /** What a suite index shows of a run. */
    public record Counts(long faultsFired, long restarts, long giveUps, long lost) {}

    /**
     * Parses and checks the format name.
     *
     * @throws IllegalArgumentException if it is not a {@code cascade-trace/1} document
     */
    public static TraceText read(String text) {
        JsonValue value;
        try {
            value = JsonParser.parse(text);
        } catch (RuntimeException notJson) {
            throw new IllegalArgumentException("a report needs a cascade-trace/1 document but the text is not JSON: "
                    + notJson.getMessage() + "; write it with TraceFile", notJson);
        }
        if (!(value instanceof JsonObject doc)) {
            throw new IllegalArgumentException("a report needs a cascade-trace/1 document (a JSON object) but got " + value.describe());
        }
        String format = string(doc, "format").orElse("");
        if (!format.equals("cascade-trace/1")) {
            throw new IllegalArgumentException("a report needs a cascade-trace/1 document but its format is "
                    + (format.isEmpty() ? "missing" : Echo.quoted(format)) + "; write it with TraceFile");
        }
        return new TraceText(text, doc);
    }

    public String name() {
        return string(doc, "name").orElse("");
    }

    /** The seed, if simulated. */
    public Optional<Long> seed() {
        return doc.members().get("seed") instanceof JsonNumber n ? Optional.of(n.longValue().orElse(0)) : Optional.empty();
    }

    public List<JsonValue> events() {
        return doc.members().get("events") instanceof JsonArray a ? a.elements() : List.of();
    }

    /** Faults fired (from the ledger), restarts decided, supervisors that gave up, messages lost (from the accounting). */
    public Counts counts() {
        long restarts = 0;
        long giveUps = 0;
        for (JsonValue event : events()) {
            String type = event instanceof JsonObject o ? string(o, "type").orElse("") : "";
            if (type.equals("restart_decided")) {
                restarts++;
            } else if (type.equals("supervisor_gave_up")) {
                giveUps++;
            }
        }
        long fired = 0;
        if (doc.members().get("ledger") instanceof JsonArray ledger) {
            fired = ledger.elements().stream()
                    .filter(entry -> entry instanceof JsonObject o && string(o, "status").orElse("").equals("fired")).count();
        }
        long lost = 0;
        if (doc.members().get("accounting") instanceof JsonObject accounting
                && accounting.members().get("total") instanceof JsonObject total) {
            lost = number(total, "lost");
        }
        return new Counts(fired, restarts, giveUps, lost);
    }

    public static Optional<String> string(JsonObject object, String member) {
        return object.members().get(member) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    public static long number(JsonObject object, String member) {
        return object.members().get(member) instanceof JsonNumber n ? n.longValue().orElseGet(() -> (long) Double.parseDouble(n.literal())) : 0;
    }
}
