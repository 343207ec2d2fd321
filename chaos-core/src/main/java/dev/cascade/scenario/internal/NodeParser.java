package dev.cascade.scenario.internal;

import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioNode;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.Traffic;
import dev.cascade.scenario.WorkerNode;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.internal.json.JsonPath;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Reads the {@code tree} of a scenario file: the root, supervisors and workers, recursively. */
public final class NodeParser {

    private static final Set<String> ROOT_FIELDS = Set.of("id", "supervisor", "strategy", "intensity", "period_s",
            "children");
    private static final Set<String> SUPERVISOR_FIELDS = Set.of("id", "supervisor", "strategy", "intensity",
            "period_s", "restart", "shutdown", "shutdown_ms", "children");
    private static final Set<String> WORKER_FIELDS = Set.of("id", "supervisor", "restart", "shutdown",
            "shutdown_ms", "init", "trap_exit", "terminate_delay_ms", "handling_ms", "mailbox", "sends", "continue_ms");
    private static final Set<String> INIT_FIELDS = Set.of("fail_on", "ignore_on", "delay_ms");

    private static final Map<String, String> NOT_ON_SUPERVISOR = because("not allowed on a supervisor",
            "init", "trap_exit", "terminate_delay_ms", "handling_ms", "mailbox", "sends", "continue_ms");
    private static final Map<String, String> NOT_ON_ROOT = merge(NOT_ON_SUPERVISOR,
            because("not allowed on the root", "restart", "shutdown", "shutdown_ms"));
    private static final Map<String, String> NOT_ON_WORKER = because("not allowed on a worker"
            + " (a supervisor needs \"supervisor\": true)", "strategy", "intensity", "period_s", "children");

    private NodeParser() {}

    /** The root: always a supervisor, without restart or shutdown. */
    public static SupervisorNode root(JsonValue value, JsonPath at) {
        Fields fields = Fields.of(value, at);
        if (fields.optional("supervisor").filter(JsonValue.of(DynamicParser.DYNAMIC)::equals).isPresent()) {
            throw Fields.fail(fields.at("supervisor"), "the root cannot be a dynamic supervisor: it is started once, with"
                    + " its children; put the dynamic supervisor below it");
        }
        if (!fields.bool("supervisor", true)) {
            throw Fields.fail(fields.at("supervisor"), "expected true (the root is always a supervisor) but was false");
        }
        fields.allowOnly(ROOT_FIELDS, NOT_ON_ROOT);
        return supervisor(fields, true);
    }

    private static ScenarioNode child(JsonValue value, JsonPath at) {
        Fields fields = Fields.of(value, at);
        if (fields.optional("supervisor").filter(JsonValue.of(DynamicParser.DYNAMIC)::equals).isPresent()) {
            return DynamicParser.node(fields);
        }
        if (fields.bool("supervisor", false)) {
            fields.allowOnly(SUPERVISOR_FIELDS, NOT_ON_SUPERVISOR);
            return supervisor(fields, false);
        }
        fields.allowOnly(WORKER_FIELDS, NOT_ON_WORKER);
        return worker(fields);
    }

    private static SupervisorNode supervisor(Fields fields, boolean root) {
        String id = id(fields);
        Strategy strategy = fields.choice("strategy", Strategy.class, SupervisorNode.DEFAULT_STRATEGY);
        int intensity = (int) fields.integer("intensity", 0, Integer.MAX_VALUE, SupervisorNode.DEFAULT_INTENSITY);
        Duration period = Duration.ofSeconds(fields.integer("period_s", 1, dev.cascade.internal.Limits.LONGEST_S,
                SupervisorNode.DEFAULT_PERIOD.toSeconds()));
        Restart restart = root ? Restart.PERMANENT : fields.choice("restart", Restart.class, Restart.PERMANENT);
        Shutdown shutdown = root ? Shutdown.INFINITY : shutdown(fields, SupervisorNode.DEFAULT_SHUTDOWN);
        List<ScenarioNode> children = children(fields.array("children"), fields.at("children"));
        return build(fields.at(), () -> new SupervisorNode(id, strategy, intensity, period, restart, shutdown, children));
    }

    private static List<ScenarioNode> children(JsonArray array, JsonPath at) {
        List<ScenarioNode> children = new ArrayList<>();
        Map<String, JsonPath> seen = new HashMap<>();
        for (JsonValue element : array.elements()) {
            JsonPath childAt = at.index(children.size());
            ScenarioNode child = child(element, childAt);
            JsonPath first = seen.putIfAbsent(child.id(), childAt);
            if (first != null) {
                throw Fields.fail(childAt.field("id"), "duplicate id " + JsonValue.of(child.id()).describe()
                        + ", already used by " + first + "; ids must be unique among siblings");
            }
            children.add(child);
        }
        return children;
    }

    /** A dynamic supervisor's template: a worker, read as any worker is. */
    static WorkerNode template(JsonValue value, JsonPath at) {
        Fields fields = Fields.of(value, at);
        if (fields.has("supervisor") && !fields.optional("supervisor").orElseThrow().equals(JsonValue.of(false))) {
            throw Fields.fail(fields.at("supervisor"), "a template is a worker (dynamic children of a file are workers)"
                    + " but was " + fields.required("supervisor").describe());
        }
        fields.allowOnly(WORKER_FIELDS, NOT_ON_WORKER);
        return worker(fields);
    }

    private static WorkerNode worker(Fields fields) {
        String id = id(fields);
        Restart restart = fields.choice("restart", Restart.class, Restart.PERMANENT);
        Shutdown shutdown = shutdown(fields, WorkerNode.DEFAULT_SHUTDOWN);
        Fields init = Fields.of(fields.optional("init").orElse(JsonValue.JsonObject.of(Map.of())), fields.at("init"));
        init.allowOnly(INIT_FIELDS, Map.of());
        SortedSet<Integer> failOn = attempts(init, "fail_on");
        SortedSet<Integer> ignoreOn = attempts(init, "ignore_on"); // an attempt in both fails: fail_on wins
        Duration initDelay = Duration.ofMillis(init.integer("delay_ms", 0, dev.cascade.internal.Limits.LONGEST_MS, 0));
        boolean trapExit = fields.bool("trap_exit", false);
        if (fields.has("terminate_delay_ms") && !trapExit) {
            throw Fields.fail(fields.at("terminate_delay_ms"), "only allowed when \"trap_exit\" is true");
        }
        Duration terminateDelay = Duration.ofMillis(fields.integer("terminate_delay_ms", 0, dev.cascade.internal.Limits.LONGEST_MS, 0));
        Duration handling = WorkerKnobs.handling(fields);
        MailboxLimit mailbox = WorkerKnobs.mailbox(fields);
        List<Traffic> sends = WorkerKnobs.sends(fields);
        return build(fields.at(), () -> new WorkerNode(id, restart, shutdown, failOn, ignoreOn, initDelay, trapExit,
                terminateDelay, handling, mailbox, sends, WorkerKnobs.continueDelay(fields)));
    }

    static String id(Fields fields) {
        String id = fields.string("id");
        if (!Checks.ID.matcher(id).matches()) {
            throw Fields.fail(fields.at("id"), "expected an id matching " + Checks.ID + " but was "
                    + JsonValue.of(id).describe());
        }
        return id;
    }

    static Shutdown shutdown(Fields fields, Shutdown absent) {
        if (fields.has("shutdown") && fields.has("shutdown_ms")) {
            throw Fields.fail(fields.at(), "both \"shutdown\" and \"shutdown_ms\" are given; give at most one");
        }
        if (fields.has("shutdown_ms")) {
            return Shutdown.millis(fields.integer("shutdown_ms", 1, dev.cascade.internal.Limits.LONGEST_MS));
        }
        JsonValue value = fields.optional("shutdown").orElse(null);
        if (value == null) {
            return absent;
        }
        if (value instanceof JsonValue.JsonString word && word.value().equals("brutal_kill")) {
            return Shutdown.BRUTAL_KILL;
        }
        if (value instanceof JsonValue.JsonString word && word.value().equals("infinity")) {
            return Shutdown.INFINITY;
        }
        if (value instanceof JsonValue.JsonNumber) {
            return Shutdown.millis(Fields.integer(value, fields.at("shutdown"), 1, dev.cascade.internal.Limits.LONGEST_MS));
        }
        throw Fields.fail(fields.at("shutdown"), "expected an integer from 1 to " + dev.cascade.internal.Limits.LONGEST_MS
                + ", \"brutal_kill\" or \"infinity\" but was "
                + value.describe());
    }

    private static SortedSet<Integer> attempts(Fields init, String name) {
        SortedSet<Integer> attempts = new TreeSet<>();
        if (!init.has(name)) {
            return attempts;
        }
        List<JsonValue> elements = init.array(name).elements();
        for (int i = 0; i < elements.size(); i++) {
            JsonPath at = init.at(name).index(i);
            int attempt = (int) Fields.integer(elements.get(i), at, 1, Integer.MAX_VALUE);
            if (!attempts.add(attempt)) {
                throw Fields.fail(at, "start attempt " + attempt + " is listed twice");
            }
        }
        return attempts;
    }

    /** Builds a record; a rule the checks above missed still fails with a location, never raw. */
    public static <T> T build(JsonPath at, Supplier<T> record) {
        try {
            return record.get();
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(at.toString(), e.getMessage());
        }
    }

    private static Map<String, String> because(String why, String... fields) {
        Map<String, String> reasons = new HashMap<>();
        for (String field : fields) {
            reasons.put(field, why);
        }
        return Map.copyOf(reasons);
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new HashMap<>(first);
        merged.putAll(second);
        return Map.copyOf(merged);
    }
}
