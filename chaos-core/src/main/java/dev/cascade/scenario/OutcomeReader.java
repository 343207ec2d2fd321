package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.EventType;
import dev.cascade.scenario.internal.Fields;
import dev.cascade.scenario.internal.NodeParser;
import dev.cascade.scenario.internal.OutcomeSections;
import dev.cascade.internal.json.JsonParser;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonNull;
import dev.cascade.trace.Accounting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code cascade-outcome/1} files, e.g. expected outcomes kept beside scenarios. Errors are
 * {@link ScenarioFormatException}s with a location, as for scenario files:
 * {@code events[3].type: expected one of started, start_failed, ... but was "crashed"}.
 *
 * <pre>{@code
 * Outcome expected = OutcomeReader.read(Files.readString(Path.of("cache-crash.outcome.json")));
 * }</pre>
 */
public final class OutcomeReader {

    private static final Set<String> FIELDS = Set.of("format", "scenario", "events", "final", "ledger", "messages");

    private OutcomeReader() {}

    /**
     * Reads an outcome file (UTF-8).
     *
     * @throws ScenarioFormatException if the file is not a valid outcome
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static Outcome read(Path file) {
        try {
            return read(JsonParser.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outcome file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the text of an outcome file.
     *
     * @throws ScenarioFormatException if the text is not a valid outcome
     */
    public static Outcome read(String json) {
        return read(JsonParser.parse(json));
    }

    private static Outcome read(JsonValue document) {
        Fields file = Fields.of(document, JsonPath.TOP);
        JsonValue format = file.required("format");
        if (!format.equals(JsonValue.of(OutcomeWriter.FORMAT))) {
            throw Fields.fail(file.at("format"), "expected \"" + OutcomeWriter.FORMAT + "\" but was " + format.describe());
        }
        file.allowOnly(FIELDS, Map.of());
        String scenario = file.string("scenario");
        if (!Checks.NAME.matcher(scenario).matches()) {
            throw Fields.fail(file.at("scenario"), "expected a name matching " + Checks.NAME + " but was "
                    + JsonValue.of(scenario).describe());
        }
        List<OutcomeEvent> events = new ArrayList<>();
        List<JsonValue> elements = file.array("events").elements();
        for (int i = 0; i < elements.size(); i++) {
            events.add(event(Fields.of(elements.get(i), file.at("events").index(i))));
        }
        Fields last = Fields.of(file.required("final"), file.at("final"));
        Map<String, Integer> incarnations = new LinkedHashMap<>();
        for (String path : last.names()) {
            if (!Checks.PATH.matcher(path).matches()) {
                throw Fields.fail(last.at(), "expected paths matching " + Checks.PATH + " as keys but found "
                        + JsonValue.of(path).describe());
            }
            JsonValue value = last.required(path);
            incarnations.put(path, value instanceof JsonNull ? null
                    : (int) Fields.integer(value, last.at(path), 1, Integer.MAX_VALUE));
        }
        List<FaultOutcome> ledger = OutcomeSections.ledger(file);
        Map<String, Accounting> messages = OutcomeSections.messages(file);
        return NodeParser.build(JsonPath.TOP, () -> new Outcome(scenario, events, incarnations, ledger, messages));
    }

    private static OutcomeEvent event(Fields fields) {
        EventType type = Fields.choice(fields.required("type"), fields.at("type"), EventType.class);
        Map<String, String> notHere = new HashMap<>();
        EventType.ALL_FIELDS.stream().filter(name -> !type.has(name)).forEach(name ->
                notHere.put(name, "not allowed in a \"" + Checks.spelling(type) + "\" event"));
        fields.allowOnly(Set.copyOf(EventType.ALL_FIELDS.stream().filter(type::has).toList()), notHere);
        String path = fields.string("path");
        if (!Checks.PATH.matcher(path).matches()) {
            throw Fields.fail(fields.at("path"), "expected a path matching " + Checks.PATH + " but was "
                    + JsonValue.of(path).describe());
        }
        int incarnation = type.has("incarnation") ? (int) fields.integer("incarnation", 1, Integer.MAX_VALUE) : 0;
        String reason = type.has("reason") ? fields.string("reason") : "";
        if (type.has("reason") && reason.isEmpty()) {
            throw Fields.fail(fields.at("reason"), "expected a reason such as \"shutdown\" or \"error:boom\" but was \"\"");
        }
        OptionalLong t = fields.has("t_ms")
                ? OptionalLong.of(fields.integer("t_ms", Long.MIN_VALUE, Long.MAX_VALUE))
                : OptionalLong.empty();
        return NodeParser.build(fields.at(), () -> switch (type) {
            case STARTED -> new OutcomeEvent.Started(path, incarnation, t);
            case START_FAILED -> new OutcomeEvent.StartFailed(path, reason, t);
            case IGNORED -> new OutcomeEvent.Ignored(path, t);
            case EXITED -> new OutcomeEvent.Exited(path, incarnation, reason, t);
            case SUPERVISOR_TERMINATED -> new OutcomeEvent.SupervisorTerminated(path, incarnation, reason, t);
            case FAULT_SKIPPED -> new OutcomeEvent.FaultSkipped(path, t);
        });
    }
}
