package dev.cascade.scenario;

import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the {@code faults} of a scenario file, checking each against the tree: the kind first, so
 * that a field the kind does not take is reported as such, then each field, then the rules that
 * tie the fault to its target ({@link PlanChecks}).
 */
final class FaultParser {

    /** The most messages one flood may send: enough for any test, far from exhausting memory. */
    static final long MAX_FLOOD = 1_000_000;

    private FaultParser() {}

    static List<ScenarioFault> faults(Fields file, Map<String, ScenarioNode> nodes) {
        List<JsonValue> elements = file.array("faults").elements();
        List<ScenarioFault> faults = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            faults.add(fault(Fields.of(elements.get(i), file.at("faults").index(i)), nodes));
        }
        return faults;
    }

    private static ScenarioFault fault(Fields fields, Map<String, ScenarioNode> nodes) {
        FaultKind kind = Fields.choice(fields.required("kind"), fields.at("kind"), FaultKind.class);
        fields.allowOnly(taken(kind), notTaken(kind));
        Duration at = Duration.ofMillis(fields.integer("at_ms", 0, Long.MAX_VALUE));
        String target = fields.string("target");
        if (!nodes.containsKey(target)) {
            throw Fields.fail(fields.at("target"), "no node at path " + JsonValue.of(target).describe()
                    + " (paths: " + TreePaths.list(nodes.keySet(), 20) + ")");
        }
        String reason = kind.takes("reason") ? reason(fields) : "";
        FaultOptions options = options(fields, kind, target);
        ScenarioFault fault = NodeParser.build(fields.at(), () -> new ScenarioFault(at, target, kind, reason, options));
        PlanChecks.Problem problem = PlanChecks.fault(fault, nodes);
        if (problem != null) {
            throw Fields.fail(fields.at(problem.field()), problem.message());
        }
        return fault;
    }

    private static String reason(Fields fields) {
        String reason = fields.string("reason");
        if (!Checks.REASON.matcher(reason).matches()) {
            throw Fields.fail(fields.at("reason"), "expected a word matching [a-z0-9_]+ or shutdown:[a-z0-9_]+"
                    + " but was " + JsonValue.of(reason).describe());
        }
        return reason;
    }

    private static FaultOptions options(Fields fields, FaultKind kind, String target) {
        for (String name : kind.required()) {
            fields.required(name);
        }
        FaultOptions options = FaultOptions.NONE
                .withDelay(millis(fields, "delay_ms", 1))
                .withMessages((int) fields.integer("messages", 1, Integer.MAX_VALUE, 0))
                .withDuration(millis(fields, "duration_ms", 1))
                .withAttempts(attempts(fields))
                .withCount((int) fields.integer("count", 1, MAX_FLOOD, 0))
                .withInterval(millis(fields, "interval_ms", 0))
                .withWindow(millis(fields, "window_ms", 1));
        if (fields.has("from")) {
            String from = path(fields, "from");
            if (from.equals(target)) {
                throw Fields.fail(fields.at("from"), "from and target are both " + target + "; a "
                        + Checks.spelling(kind) + " fault needs two different paths");
            }
            options = options.withFrom(from);
        }
        return fields.has("caller") ? options.withCaller(path(fields, "caller")) : options;
    }

    private static Duration millis(Fields fields, String name, long min) {
        return Duration.ofMillis(fields.integer(name, min, Long.MAX_VALUE, 0));
    }

    private static String path(Fields fields, String name) {
        String path = fields.string(name);
        if (!Checks.PATH.matcher(path).matches()) {
            throw Fields.fail(fields.at(name), "expected a path such as root/db but was " + JsonValue.of(path).describe());
        }
        return path;
    }

    private static SortedSet<Integer> attempts(Fields fields) {
        SortedSet<Integer> attempts = new TreeSet<>();
        if (!fields.has("attempts")) {
            return attempts;
        }
        List<JsonValue> elements = fields.array("attempts").elements();
        if (elements.isEmpty()) {
            throw Fields.fail(fields.at("attempts"), "expected at least one start attempt (1 = the first start) but was []");
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonPath at = fields.at("attempts").index(i);
            int attempt = (int) Fields.integer(elements.get(i), at, 1, Integer.MAX_VALUE);
            if (!attempts.add(attempt)) {
                throw Fields.fail(at, "start attempt " + attempt + " is listed twice");
            }
        }
        return attempts;
    }

    private static Set<String> taken(FaultKind kind) {
        Set<String> taken = new HashSet<>();
        FaultKind.ALL_FIELDS.stream().filter(kind::takes).forEach(taken::add);
        return taken;
    }

    /** Every fault field {@code kind} does not take, with the message saying what it takes instead. */
    private static Map<String, String> notTaken(FaultKind kind) {
        List<String> fields = new ArrayList<>(List.of("at_ms", "target", "kind"));
        fields.addAll(kind.required());
        String takes = String.join(", ", fields) + (kind.optional().isEmpty() ? ""
                : "; optionally " + String.join(", ", kind.optional()));
        Map<String, String> notTaken = new HashMap<>();
        for (String name : FaultKind.ALL_FIELDS) {
            if (!kind.takes(name)) {
                notTaken.put(name, "not allowed in a \"" + Checks.spelling(kind) + "\" fault (it takes " + takes + ")");
            }
        }
        return notTaken;
    }
}
