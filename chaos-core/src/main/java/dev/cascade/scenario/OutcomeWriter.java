package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.EventType;
import dev.cascade.scenario.internal.OutcomeSections;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@link Outcome}s as {@code cascade-outcome/1} files: 2-space indent, one event per line,
 * fields in the order {@code type}, {@code path}, {@code incarnation}, {@code reason}, {@code t_ms};
 * then {@code final}, and the {@code ledger} and {@code messages} sections when the outcome has them
 * (one path's message counts per line).
 *
 * <pre>{@code
 * Files.writeString(Path.of("cache-crash.outcome.json"), OutcomeWriter.write(outcome));
 * }</pre>
 */
public final class OutcomeWriter {

    /** The value of the {@code format} field of outcome files. */
    public static final String FORMAT = "cascade-outcome/1";

    private OutcomeWriter() {}

    /** The file text of {@code outcome}, ending with a newline; the same outcome always gives the same text. */
    public static String write(Outcome outcome) {
        Map<String, JsonValue> file = new LinkedHashMap<>();
        file.put("format", JsonValue.of(FORMAT));
        file.put("scenario", JsonValue.of(outcome.scenario()));
        file.put("events", JsonArray.of(outcome.events().stream().map(OutcomeWriter::event).toList()));
        Map<String, JsonValue> last = new LinkedHashMap<>();
        outcome.finalIncarnations().forEach((path, incarnation) ->
                last.put(path, incarnation == null ? JsonValue.NULL : JsonValue.of(incarnation.longValue())));
        file.put("final", JsonObject.of(last));
        if (!outcome.ledger().isEmpty()) {
            file.put("ledger", OutcomeSections.ledger(outcome.ledger()));
        }
        if (!outcome.messages().isEmpty()) {
            file.put("messages", OutcomeSections.messages(outcome.messages()));
        }
        return JsonWriter.write(JsonObject.of(file));
    }

    private static JsonValue event(OutcomeEvent event) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("type", JsonValue.of(Checks.spelling(EventType.of(event))));
        fields.put("path", JsonValue.of(event.path()));
        switch (event) {
            case OutcomeEvent.Started started -> incarnation(fields, started.incarnation());
            case OutcomeEvent.StartFailed failed -> fields.put("reason", JsonValue.of(failed.reason()));
            case OutcomeEvent.Ignored ignored -> { }
            case OutcomeEvent.Exited exited -> {
                incarnation(fields, exited.incarnation());
                fields.put("reason", JsonValue.of(exited.reason()));
            }
            case OutcomeEvent.SupervisorTerminated terminated -> {
                incarnation(fields, terminated.incarnation());
                fields.put("reason", JsonValue.of(terminated.reason()));
            }
            case OutcomeEvent.FaultSkipped skipped -> { }
        }
        event.tMs().ifPresent(t -> fields.put("t_ms", JsonValue.of(t)));
        return JsonObject.of(fields);
    }

    private static void incarnation(Map<String, JsonValue> fields, int incarnation) {
        fields.put("incarnation", JsonValue.of(incarnation));
    }
}
