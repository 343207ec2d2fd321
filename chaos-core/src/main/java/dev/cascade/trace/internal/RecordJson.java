package dev.cascade.trace.internal;

import dev.cascade.internal.Echo;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.FaultRecord;
import dev.cascade.trace.LeftOut;
import dev.cascade.trace.SchedulerInfo;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TreeShape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The header and footer members of a trace file, to JSON and back. Not API. */
public final class RecordJson {
    /** The format name this version writes and reads. */
    public static final String FORMAT = "cascade-trace/1";

    private RecordJson() {}

    /** {@code format}, {@code name}, {@code seed}, {@code scheduler}, {@code tree}. */
    public static JsonObject header(String name, SchedulerInfo scheduler, TreeShape tree) {
        Map<String, JsonValue> header = new LinkedHashMap<>();
        header.put("format", JsonValue.of(FORMAT));
        header.put("name", JsonValue.of(name));
        scheduler.seed().ifPresent(seed -> header.put("seed", JsonValue.of(seed)));
        header.put("scheduler", object("kind", JsonValue.of(scheduler.kind()), "description", JsonValue.of(scheduler.description())));
        header.put("tree", JsonArray.of(tree.nodes().stream().map(RecordJson::node).toList()));
        return JsonObject.of(header);
    }

    private static JsonObject object(Object... namesAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (JsonValue) namesAndValues[i + 1]);
        }
        return JsonObject.of(members);
    }

    private static JsonValue node(TreeShape.Node node) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("path", JsonValue.of(node.path()));
        members.put("kind", JsonValue.of(node instanceof TreeShape.Worker ? "worker" : "supervisor"));
        node.restart().ifPresent(restart -> members.put("restart", JsonValue.of(restart.name().toLowerCase(Locale.ROOT))));
        if (node instanceof TreeShape.Supervisor supervisor) {
            members.put("strategy", JsonValue.of(supervisor.strategy().name().toLowerCase(Locale.ROOT)));
            members.put("intensity", JsonValue.of(supervisor.intensity()));
            members.put("period_ms", JsonValue.of(supervisor.period().toMillis()));
        }
        return JsonObject.of(members);
    }

    /** {@code left_out}, {@code accounting}, {@code ledger}. */
    public static JsonObject footer(Trace trace, List<FaultRecord> ledger) {
        Map<String, JsonValue> footer = new LinkedHashMap<>();
        Map<String, JsonValue> byType = new LinkedHashMap<>();
        trace.leftOut().byType().forEach((type, n) -> byType.put(type, JsonValue.of(n)));
        footer.put("left_out", object("events", JsonValue.of(trace.leftOut().events()), "by_type", JsonObject.of(byType)));
        Map<String, JsonValue> paths = new LinkedHashMap<>();
        trace.accountingByPath().forEach((path, accounting) -> paths.put(path, accounting(accounting, null)));
        List<JsonValue> processes = new ArrayList<>();
        trace.accountingByProcess().forEach((pid, accounting) -> processes.add(accounting(accounting, pid)));
        footer.put("accounting", object("total", accounting(trace.accounting(), null), "paths", JsonObject.of(paths),
                "processes", JsonArray.of(processes)));
        footer.put("ledger", JsonArray.of(ledger.stream().map(RecordJson::fault).toList()));
        return JsonObject.of(footer);
    }

    private static JsonObject accounting(Accounting a, Pid pid) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (pid != null) {
            members.put("pid", JsonValue.of(pid.serial()));
        }
        members.put("sent", JsonValue.of(a.sent()));
        members.put("handled", JsonValue.of(a.handled()));
        members.put("dropped", JsonValue.of(a.dropped()));
        members.put("lost", JsonValue.of(a.lost()));
        members.put("queued", JsonValue.of(a.queued()));
        return JsonObject.of(members);
    }

    private static JsonValue fault(FaultRecord fault) {
        List<JsonValue> hits = fault.hits().stream().map(hit -> {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            members.put("at_ms", JsonValue.of(hit.at().toMillis()));
            members.put("path", JsonValue.of(hit.path()));
            hit.incarnation().ifPresent(n -> members.put("incarnation", JsonValue.of(n)));
            members.put("detail", JsonValue.of(hit.detail()));
            return (JsonValue) JsonObject.of(members);
        }).toList();
        return object("number", JsonValue.of(fault.number()), "at_ms", JsonValue.of(fault.at().toMillis()),
                "fault", JsonValue.of(fault.fault()), "status", JsonValue.of(fault.status()), "why", JsonValue.of(fault.why()),
                "hits", JsonArray.of(hits));
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The scheduler of a header. */
    public static SchedulerInfo scheduler(Members header) {
        Members scheduler = header.object("scheduler");
        try {
            return new SchedulerInfo(scheduler.string("kind"), header.optionalNumber("seed"), scheduler.string("description"));
        } catch (IllegalArgumentException invalid) {
            throw header.error("scheduler", invalid.getMessage());
        }
    }

    /** The tree of a header. */
    public static TreeShape tree(Members header) {
        List<TreeShape.Node> nodes = new ArrayList<>();
        List<JsonValue> elements = header.array("tree");
        for (int i = 0; i < elements.size(); i++) {
            Members n = Members.of(elements.get(i), header.where() + ", tree[" + i + "]");
            String path = n.string("path");
            Optional<Restart> restart = n.optionalString("restart").map(word -> word(n, "restart", word, Restart.values()));
            switch (n.string("kind")) {
                case "worker" -> nodes.add(new TreeShape.Worker(path, restart.orElseThrow(() -> n.error("restart", "is missing"))));
                case "supervisor" -> nodes.add(n.has("strategy")
                        ? new TreeShape.Supervisor(path, restart, word(n, "strategy", n.string("strategy"), Strategy.values()),
                                n.integer("intensity"), Duration.ofMillis(n.number("period_ms")))
                        : new TreeShape.OpaqueSupervisor(path, restart.orElseThrow(() -> n.error("restart", "is missing"))));
                default -> throw n.error("kind", "expected supervisor or worker but was " + Echo.quoted(n.string("kind")));
            }
        }
        return new TreeShape(nodes);
    }

    private static <E extends Enum<E>> E word(Members m, String name, String word, E[] values) {
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(word)) {
                return value;
            }
        }
        throw m.error(name, "expected one of " + String.join(", ", java.util.Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT)).toList()) + " but was " + Echo.quoted(word));
    }

    /** The left-out counts of a footer. */
    public static LeftOut leftOut(Members footer) {
        Members left = footer.object("left_out");
        Map<String, Long> byType = new LinkedHashMap<>();
        Members types = left.object("by_type");
        types.object().members().keySet().forEach(type -> byType.put(type, types.number(type)));
        try {
            return new LeftOut(left.number("events"), byType);
        } catch (IllegalArgumentException invalid) {
            throw footer.error("left_out", invalid.getMessage());
        }
    }

    /** The accounting per process of a footer (without queued) and the queued counts. */
    public static void processes(Members footer, Map<Pid, Accounting> counted, Map<Pid, Integer> queued) {
        List<JsonValue> processes = footer.object("accounting").array("processes");
        for (int i = 0; i < processes.size(); i++) {
            Members p = Members.of(processes.get(i), footer.where() + ", accounting.processes[" + i + "]");
            Pid pid = new Pid(p.number("pid"));
            counted.put(pid, new Accounting(p.number("sent"), p.number("handled"), p.number("dropped"), p.number("lost"), 0));
            if (p.number("queued") > 0) {
                queued.put(pid, p.integer("queued"));
            }
        }
    }

    /** The ledger of a footer. */
    public static List<FaultRecord> ledger(Members footer) {
        List<FaultRecord> ledger = new ArrayList<>();
        List<JsonValue> faults = footer.array("ledger");
        for (int i = 0; i < faults.size(); i++) {
            Members f = Members.of(faults.get(i), footer.where() + ", ledger[" + i + "]");
            List<FaultRecord.Hit> hits = new ArrayList<>();
            List<JsonValue> elements = f.array("hits");
            for (int j = 0; j < elements.size(); j++) {
                Members h = Members.of(elements.get(j), f.where() + ", hits[" + j + "]");
                hits.add(new FaultRecord.Hit(Duration.ofMillis(h.number("at_ms")), h.string("path"),
                        h.has("incarnation") ? OptionalInt.of(h.integer("incarnation")) : OptionalInt.empty(), h.string("detail")));
            }
            try {
                ledger.add(new FaultRecord(f.integer("number"), Duration.ofMillis(f.number("at_ms")), f.string("fault"),
                        f.string("status"), f.string("why"), hits));
            } catch (IllegalArgumentException invalid) {
                throw f.error("status", invalid.getMessage());
            }
        }
        return ledger;
    }

    /** Rejects a header whose format is not this one. */
    public static void checkFormat(Members header) {
        String format = header.string("format");
        if (!format.equals(FORMAT)) {
            throw header.error("format", "expected \"" + FORMAT + "\" but was " + Echo.quoted(format)
                    + "; this reader reads " + FORMAT + " only");
        }
    }
}
