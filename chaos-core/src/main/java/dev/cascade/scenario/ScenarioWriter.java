package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.scenario.internal.WorkerKnobs;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.scenario.internal.FaultSpelling;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonWriter;
import dev.cascade.dynamic.ChildLimit;
import dev.cascade.supervisor.Shutdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Writes {@link Scenario}s as {@code cascade-scenario/1} files, deterministically: the same
 * scenario always gives the same text, and {@code ScenarioReader.read(ScenarioWriter.write(s))}
 * equals {@code s}.
 *
 * <pre>{@code
 * Files.writeString(Path.of("cache-crash.json"), ScenarioWriter.write(scenario));
 * }</pre>
 *
 * <p>Supervisors are written with every field; workers with {@code id}, {@code restart} and their
 * shutdown, plus {@code init}, {@code trap_exit}, {@code terminate_delay_ms}, {@code handling_ms},
 * {@code mailbox} and {@code sends} where they differ from the defaults; dynamic supervisors with
 * every field ({@code max_children} when bounded), their templates as workers and their starts; faults with the fields
 * their kind takes.
 */
public final class ScenarioWriter {

    private ScenarioWriter() {}

    /** The file text of {@code scenario}, indented by 2 spaces, ending with a newline. */
    public static String write(Scenario scenario) {
        Map<String, JsonValue> file = new LinkedHashMap<>();
        file.put("format", JsonValue.of(ScenarioReader.FORMAT));
        file.put("name", JsonValue.of(scenario.name()));
        file.put("tree", node(scenario.tree(), true));
        file.put("faults", JsonArray.of(scenario.faults().stream().map(ScenarioWriter::fault).toList()));
        file.put("settle_ms", JsonValue.of(scenario.settle().toMillis()));
        return JsonWriter.write(JsonObject.of(file));
    }

    private static JsonValue node(ScenarioNode node, boolean root) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("id", JsonValue.of(node.id()));
        switch (node) {
            case SupervisorNode supervisor -> {
                fields.put("supervisor", JsonValue.of(true));
                if (!root) {
                    restartAndShutdown(node, fields);
                }
                fields.put("strategy", JsonValue.of(Checks.spelling(supervisor.strategy())));
                fields.put("intensity", JsonValue.of(supervisor.intensity()));
                fields.put("period_s", JsonValue.of(supervisor.period().toSeconds()));
                fields.put("children", JsonArray.of(supervisor.children().stream().map(c -> node(c, false)).toList()));
            }
            case DynamicSupervisorNode dynamic -> {
                fields.put("supervisor", JsonValue.of("dynamic"));
                restartAndShutdown(node, fields);
                fields.put("intensity", JsonValue.of(dynamic.intensity()));
                fields.put("period_s", JsonValue.of(dynamic.period().toSeconds()));
                if (dynamic.maxChildren() instanceof ChildLimit.AtMost limit) {
                    fields.put("max_children", JsonValue.of(limit.limit()));
                }
                fields.put("templates", JsonArray.of(dynamic.templates().stream().map(t -> node(t, false)).toList()));
                fields.put("starts", JsonArray.of(dynamic.starts().stream().map(ScenarioWriter::start).toList()));
            }
            case WorkerNode worker -> {
                restartAndShutdown(node, fields);
                Map<String, JsonValue> init = new LinkedHashMap<>();
                attempts(init, "fail_on", worker.failOn());
                attempts(init, "ignore_on", worker.ignoreOn());
                if (!worker.initDelay().isZero()) {
                    init.put("delay_ms", JsonValue.of(worker.initDelay().toMillis()));
                }
                if (!init.isEmpty()) {
                    fields.put("init", JsonObject.of(init));
                }
                if (worker.trapExit()) {
                    fields.put("trap_exit", JsonValue.of(true));
                }
                if (!worker.terminateDelay().isZero()) {
                    fields.put("terminate_delay_ms", JsonValue.of(worker.terminateDelay().toMillis()));
                }
                knobs(worker, fields);
            }
        }
        return JsonObject.of(fields);
    }

    private static void restartAndShutdown(ScenarioNode node, Map<String, JsonValue> fields) {
        fields.put("restart", JsonValue.of(Checks.spelling(node.restart())));
        switch (node.shutdown()) {
            case Shutdown.Timeout timeout -> fields.put("shutdown_ms", JsonValue.of(timeout.duration().toMillis()));
            case Shutdown.BrutalKill kill -> fields.put("shutdown", JsonValue.of("brutal_kill"));
            case Shutdown.Infinity infinity -> fields.put("shutdown", JsonValue.of("infinity"));
        }
    }

    private static void attempts(Map<String, JsonValue> init, String name, SortedSet<Integer> attempts) {
        if (!attempts.isEmpty()) {
            List<JsonValue> values = attempts.stream().map(attempt -> JsonValue.of(attempt.longValue())).toList();
            init.put(name, JsonArray.of(values));
        }
    }

    private static void knobs(WorkerNode worker, Map<String, JsonValue> fields) {
        if (!worker.handling().isZero()) {
            fields.put("handling_ms", JsonValue.of(worker.handling().toMillis()));
        }
        if (!worker.continueDelay().isZero()) {
            fields.put("continue_ms", JsonValue.of(worker.continueDelay().toMillis()));
        }
        if (worker.mailbox().bounded()) {
            Map<String, JsonValue> mailbox = new LinkedHashMap<>();
            mailbox.put("capacity", JsonValue.of(worker.mailbox().capacity()));
            mailbox.put("overflow", JsonValue.of(Checks.spelling(WorkerKnobs.Overflow.of(worker.mailbox().overflow()))));
            fields.put("mailbox", JsonObject.of(mailbox));
        }
        if (!worker.sends().isEmpty()) {
            fields.put("sends", JsonArray.of(worker.sends().stream().map(ScenarioWriter::traffic).toList()));
        }
    }

    private static JsonValue traffic(Traffic traffic) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("to", JsonValue.of(traffic.to()));
        fields.put("every_ms", JsonValue.of(traffic.every().toMillis()));
        fields.put("kind", JsonValue.of(Checks.spelling(traffic.kind())));
        if (traffic.kind() == Traffic.Kind.CALL) {
            fields.put("timeout_ms", JsonValue.of(traffic.timeout().toMillis()));
        }
        return JsonObject.of(fields);
    }

    private static JsonValue start(DynamicStart start) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("at_ms", JsonValue.of(start.at().toMillis()));
        fields.put("template", JsonValue.of(start.template()));
        fields.put("key", JsonValue.of(start.key()));
        return JsonObject.of(fields);
    }

    private static JsonValue fault(FaultPlan.Timed timed) {
        return JsonObject.of(FaultSpelling.write(timed));
    }
}
