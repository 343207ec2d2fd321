package dev.cascade.scenario.internal;

import dev.cascade.dynamic.ChildLimit;
import dev.cascade.internal.Limits;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.scenario.DynamicStart;
import dev.cascade.scenario.DynamicSupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Strategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a dynamic supervisor node of a scenario file ({@code "supervisor": "dynamic"}): its flags,
 * its {@code templates} (workers, read as {@link NodeParser} reads any worker) and the {@code starts}
 * it is asked for during the run. Not API.
 */
final class DynamicParser {
    /** The value of {@code supervisor} that makes a node a dynamic supervisor. */
    static final String DYNAMIC = "dynamic";

    private static final Set<String> FIELDS = Set.of("id", "supervisor", "strategy", "intensity", "period_s", "max_children",
            "restart", "shutdown", "shutdown_ms", "templates", "starts");
    private static final Set<String> START_FIELDS = Set.of("at_ms", "template", "key");
    private static final Map<String, String> NOT_HERE = notHere();

    private DynamicParser() {}

    static DynamicSupervisorNode node(Fields fields) {
        fields.allowOnly(FIELDS, NOT_HERE);
        String id = NodeParser.id(fields);
        if (fields.has("strategy") && fields.choice("strategy", Strategy.class, Strategy.ONE_FOR_ONE) != Strategy.ONE_FOR_ONE) {
            throw Fields.fail(fields.at("strategy"), "a dynamic supervisor's strategy is one_for_one only (Elixir's"
                    + " DynamicSupervisor has no other) but was " + fields.required("strategy").describe());
        }
        int intensity = (int) fields.integer("intensity", 0, Integer.MAX_VALUE, DynamicSupervisorNode.DEFAULT_INTENSITY);
        Duration period = Duration.ofSeconds(fields.integer("period_s", 1, Limits.LONGEST_S,
                DynamicSupervisorNode.DEFAULT_PERIOD.toSeconds()));
        ChildLimit maxChildren = maxChildren(fields);
        Restart restart = fields.choice("restart", Restart.class, Restart.PERMANENT);
        Shutdown shutdown = NodeParser.shutdown(fields, Shutdown.INFINITY);
        List<WorkerNode> templates = templates(fields);
        List<DynamicStart> starts = starts(fields, templates);
        return NodeParser.build(fields.at(), () -> new DynamicSupervisorNode(id, intensity, period, maxChildren, restart,
                shutdown, templates, starts));
    }

    private static ChildLimit maxChildren(Fields fields) {
        JsonValue value = fields.optional("max_children").orElse(null);
        if (value == null || value.equals(JsonValue.of("infinity"))) {
            return ChildLimit.UNBOUNDED;
        }
        if (value instanceof JsonValue.JsonNumber) {
            try {
                return ChildLimit.atMost((int) Fields.integer(value, fields.at("max_children"), 0, Integer.MAX_VALUE));
            } catch (dev.cascade.scenario.ScenarioFormatException outOfRange) {
                // said below, with "infinity" among what is expected
            }
        }
        throw Fields.fail(fields.at("max_children"), "expected an integer from 0 to " + Integer.MAX_VALUE
                + " or \"infinity\" but was " + value.describe());
    }

    private static List<WorkerNode> templates(Fields fields) {
        List<JsonValue> elements = fields.array("templates").elements();
        List<WorkerNode> templates = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonPath at = fields.at("templates").index(i);
            WorkerNode template = NodeParser.template(elements.get(i), at);
            JsonPath first = seen.putIfAbsent(template.id(), at);
            if (first != null) {
                throw Fields.fail(at.field("id"), "duplicate template id " + JsonValue.of(template.id()).describe()
                        + ", already used by " + first + "; template ids must be unique");
            }
            templates.add(template);
        }
        return templates;
    }

    private static List<DynamicStart> starts(Fields fields, List<WorkerNode> templates) {
        List<String> ids = templates.stream().map(WorkerNode::id).toList();
        List<JsonValue> elements = fields.has("starts") ? fields.array("starts").elements() : List.of();
        List<DynamicStart> starts = new ArrayList<>();
        Map<String, JsonPath> keys = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Fields start = Fields.of(elements.get(i), fields.at("starts").index(i));
            start.allowOnly(START_FIELDS, Map.of());
            Duration at = Duration.ofMillis(start.integer("at_ms", 0, Limits.LONGEST_MS));
            String template = start.string("template");
            if (!ids.contains(template)) {
                throw Fields.fail(start.at("template"), "no template " + JsonValue.of(template).describe() + " in "
                        + fields.at("templates") + " (templates: " + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
            }
            String key = start.string("key");
            if (!Checks.ID.matcher(key).matches()) {
                throw Fields.fail(start.at("key"), "expected a key matching " + Checks.ID + " (one path segment"
                        + (key.contains("/") ? ": a key cannot hold '/'" : "") + ") but was " + JsonValue.of(key).describe());
            }
            JsonPath first = keys.putIfAbsent(key, start.at("key"));
            if (first != null) {
                throw Fields.fail(start.at("key"), "duplicate key " + JsonValue.of(key).describe() + ", already started by "
                        + first + "; each key names one child path");
            }
            starts.add(new DynamicStart(at, template, key));
        }
        return starts;
    }

    private static Map<String, String> notHere() {
        Map<String, String> reasons = new HashMap<>();
        reasons.put("children", "not allowed on a dynamic supervisor: it starts with no children; give its \"templates\""
                + " and the \"starts\" it is asked for during the run");
        for (String worker : List.of("init", "trap_exit", "terminate_delay_ms", "handling_ms", "mailbox", "sends")) {
            reasons.put(worker, "not allowed on a supervisor");
        }
        return Map.copyOf(reasons);
    }
}
