package dev.cascade.scenario.internal;

import dev.cascade.scenario.FaultOutcome;

import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.trace.Accounting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code ledger} and {@code messages} sections of outcome files, read and written. */
public final class OutcomeSections {

    private static final Set<String> FAULT_FIELDS = Set.of("index", "kind", "target", "status", "hits", "why");
    private static final Set<String> HIT_FIELDS = Set.of("t_ms", "path", "incarnation", "detail");
    private static final Set<String> COUNT_FIELDS = Set.of("sent", "handled", "dropped", "lost", "queued");

    private OutcomeSections() {}

    // ---- writing ----------------------------------------------------------------------------

    public static JsonValue ledger(List<FaultOutcome> ledger) {
        return JsonArray.of(ledger.stream().map(OutcomeSections::fault).toList());
    }

    private static JsonValue fault(FaultOutcome fault) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("index", JsonValue.of(fault.index()));
        fields.put("kind", JsonValue.of(fault.kind()));
        fields.put("target", JsonValue.of(fault.target()));
        fields.put("status", JsonValue.of(Checks.spelling(fault.status())));
        if (fault.status() == FaultOutcome.Status.FIRED) {
            fields.put("hits", JsonArray.of(fault.hits().stream().map(OutcomeSections::hit).toList()));
        } else {
            fields.put("why", JsonValue.of(fault.why()));
        }
        return JsonObject.of(fields);
    }

    private static JsonValue hit(FaultOutcome.Hit hit) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("t_ms", JsonValue.of(hit.tMs()));
        fields.put("path", JsonValue.of(hit.path()));
        fields.put("incarnation", JsonValue.of(hit.incarnation()));
        if (!hit.detail().isEmpty()) {
            fields.put("detail", JsonValue.of(hit.detail()));
        }
        return JsonObject.of(fields);
    }

    public static JsonValue messages(Map<String, Accounting> messages) {
        Map<String, JsonValue> paths = new LinkedHashMap<>();
        messages.forEach((path, counts) -> {
            Map<String, JsonValue> fields = new LinkedHashMap<>();
            fields.put("sent", JsonValue.of(counts.sent()));
            fields.put("handled", JsonValue.of(counts.handled()));
            fields.put("dropped", JsonValue.of(counts.dropped()));
            fields.put("lost", JsonValue.of(counts.lost()));
            fields.put("queued", JsonValue.of(counts.queued()));
            paths.put(path, JsonObject.of(fields));
        });
        return JsonObject.of(paths);
    }

    // ---- reading ----------------------------------------------------------------------------

    public static List<FaultOutcome> ledger(Fields file) {
        if (!file.has("ledger")) {
            return List.of();
        }
        List<FaultOutcome> ledger = new ArrayList<>();
        List<JsonValue> elements = file.array("ledger").elements();
        for (int i = 0; i < elements.size(); i++) {
            ledger.add(fault(Fields.of(elements.get(i), file.at("ledger").index(i))));
        }
        return ledger;
    }

    private static FaultOutcome fault(Fields fields) {
        fields.allowOnly(FAULT_FIELDS, Map.of());
        int index = (int) fields.integer("index", 0, Integer.MAX_VALUE);
        JsonValue kindValue = fields.required("kind");
        if (!(kindValue instanceof JsonValue.JsonString name) || FaultSpelling.named(name.value()).isEmpty()) {
            throw Fields.fail(fields.at("kind"), "expected one of " + FaultSpelling.spellings() + " but was " + kindValue.describe());
        }
        String kind = name.value();
        String target = path(fields, "target");
        FaultOutcome.Status status = Fields.choice(fields.required("status"), fields.at("status"), FaultOutcome.Status.class);
        boolean fired = status == FaultOutcome.Status.FIRED;
        if (fields.has(fired ? "why" : "hits")) {
            throw Fields.fail(fields.at(fired ? "why" : "hits"), "not allowed for a " + (fired ? "fired" : "skipped")
                    + " fault (a fired fault has hits, a skipped one has why)");
        }
        List<FaultOutcome.Hit> hits = new ArrayList<>();
        if (fired) {
            List<JsonValue> elements = fields.array("hits").elements();
            if (elements.isEmpty()) {
                throw Fields.fail(fields.at("hits"), "expected at least one hit for a fired fault but was []");
            }
            for (int i = 0; i < elements.size(); i++) {
                hits.add(hit(Fields.of(elements.get(i), fields.at("hits").index(i))));
            }
        }
        String why = fired ? "" : fields.string("why");
        if (!fired && why.isEmpty()) {
            throw Fields.fail(fields.at("why"), "expected the reason the fault was skipped but was \"\"");
        }
        return NodeParser.build(fields.at(), () -> new FaultOutcome(index, kind, target, status, hits, why));
    }

    private static FaultOutcome.Hit hit(Fields fields) {
        fields.allowOnly(HIT_FIELDS, Map.of());
        long t = fields.integer("t_ms", Long.MIN_VALUE, Long.MAX_VALUE);
        String path = path(fields, "path");
        int incarnation = (int) fields.integer("incarnation", 0, Integer.MAX_VALUE);
        String detail = fields.has("detail") ? fields.string("detail") : "";
        return NodeParser.build(fields.at(), () -> new FaultOutcome.Hit(t, path, incarnation, detail));
    }

    public static Map<String, Accounting> messages(Fields file) {
        Map<String, Accounting> messages = new LinkedHashMap<>();
        if (!file.has("messages")) {
            return messages;
        }
        Fields paths = Fields.of(file.required("messages"), file.at("messages"));
        for (String path : paths.names()) {
            if (!Checks.PATH.matcher(path).matches()) {
                throw Fields.fail(paths.at(), "expected paths matching " + Checks.PATH + " as keys but found "
                        + JsonValue.of(path).describe());
            }
            Fields counts = Fields.of(paths.required(path), paths.at(path));
            counts.allowOnly(COUNT_FIELDS, Map.of());
            messages.put(path, new Accounting(count(counts, "sent"), count(counts, "handled"), count(counts, "dropped"),
                    count(counts, "lost"), count(counts, "queued")));
        }
        return messages;
    }

    private static long count(Fields counts, String name) {
        return counts.integer(name, 0, Long.MAX_VALUE);
    }

    private static String path(Fields fields, String name) {
        String path = fields.string(name);
        if (!Checks.PATH.matcher(path).matches()) {
            throw Fields.fail(fields.at(name), "expected a path matching " + Checks.PATH + " but was "
                    + JsonValue.of(path).describe());
        }
        return path;
    }
}
