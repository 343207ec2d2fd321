package dev.cascade.report;

import dev.cascade.internal.Echo;
import dev.cascade.report.internal.TraceText;
import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonArray;
import dev.cascade.internal.json.JsonValue.JsonObject;
import dev.cascade.internal.json.JsonWriter;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.cascade.report.internal.TraceText.number;
import static dev.cascade.report.internal.TraceText.string;

/**
 * A run in the Chrome Trace Event format, which Perfetto (ui.perfetto.dev) and
 * {@code chrome://tracing} open: each tree path is a thread (in tree order; a process outside the
 * tree is a thread of its own), each incarnation a slice on it, each handled message a slice inside
 * that, each message a flow arrow from its send to its handling, and crashes, restarts, give-ups,
 * faults, lost and dropped messages instant events. Times are the trace's (virtual when simulated).
 *
 * <pre>{@code
 * Files.writeString(Path.of("run.chrome-trace.json"), ChromeTrace.of(traceJson));
 * }</pre>
 */
public final class ChromeTrace {
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Integer> threads = new LinkedHashMap<>();
    private final Map<Long, String> threadOfPid = new HashMap<>();
    private final Map<Long, Incarnation> alive = new LinkedHashMap<>();
    private final Map<Long, JsonObject> sends = new HashMap<>();
    private boolean first = true;

    private record Incarnation(long pid, String thread, double from, String[] name) {}

    private ChromeTrace() {}

    /**
     * Converts a {@code cascade-trace/1} document.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static String of(String traceJson) {
        return of(TraceText.read(traceJson));
    }

    static String of(TraceText trace) {
        return new ChromeTrace().convert(trace);
    }

    private String convert(TraceText trace) {
        out.append("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"format\":\"cascade-trace/1\",\"name\":")
                .append(JsonWriter.quote(trace.name())).append(trace.seed().map(seed -> ",\"seed\":" + seed).orElse(""))
                .append("},\"traceEvents\":[\n");
        meta("process_name", 0, "{\"name\":" + JsonWriter.quote(trace.name().isEmpty() ? "cascade run" : trace.name()) + "}");
        if (trace.doc().members().get("tree") instanceof JsonArray tree) {
            for (JsonValue node : tree.elements()) {
                if (node instanceof JsonObject o) {
                    string(o, "path").ifPresent(this::thread);
                }
            }
        }
        double end = 0;
        for (JsonValue value : trace.events()) {
            if (value instanceof JsonObject event) {
                end = Math.max(end, micros(event));
                event(event);
            }
        }
        for (Incarnation left : alive.values()) {
            slice(left.thread(), left.name()[0], "incarnation", left.from(), end - left.from(), "{\"pid\":" + left.pid() + ",\"end\":\"alive\"}");
        }
        out.append("\n]}\n");
        return out.toString();
    }

    private void event(JsonObject event) {
        String type = string(event, "type").orElse("");
        double at = micros(event);
        long id = number(event, "id");
        switch (type) {
            case "spawned", "started" -> process(event, "process").ifPresent(p -> {
                long pid = number(p, "pid");
                String thread = threadOf(p);
                Incarnation now = alive.computeIfAbsent(pid, k -> new Incarnation(pid, thread, at, new String[] {name(p)}));
                now.name()[0] = name(p);
            });
            case "exited" -> process(event, "process").ifPresent(p -> {
                Incarnation ended = alive.remove(number(p, "pid"));
                String reason = string(event, "reason").orElse("");
                if (ended != null) {
                    slice(ended.thread(), ended.name()[0], "incarnation", ended.from(), at - ended.from(),
                            "{\"pid\":" + ended.pid() + ",\"exit\":" + JsonWriter.quote(reason) + "}");
                }
                instant(threadOf(p), "exited " + reason, "lifecycle", at, id);
            });
            case "sent" -> {
                sends.put(id, event);
                String from = process(event, "from").map(this::threadOf).orElse(thread("outside the tree"));
                String text = string(event, "message").orElse("");
                slice(from, "send " + cut(text), "send", at, 0, "{\"message\":" + id + "}");
                flow("s", from, at, id);
            }
            case "handled" -> process(event, "by").ifPresent(p -> {
                double took = number(event, "took_ns") / 1000.0;
                long message = number(event, "message");
                JsonObject sent = sends.remove(message);
                String text = sent == null ? "message #" + message : string(sent, "message").orElse("");
                slice(threadOf(p), cut(text), "handled", at - took, took, "{\"message\":" + message + ",\"crashed\":"
                        + (event.members().get("crashed") instanceof JsonValue.JsonBoolean b && b.value()) + "}");
                if (sent != null) {
                    flow("f", threadOf(p), at - took, message);
                }
            });
            case "message_lost" -> process(event, "in").ifPresent(p -> {
                sends.remove(number(event, "message"));
                instant(threadOf(p), "lost message #" + number(event, "message"), "lost", at, id);
            });
            case "message_dropped" -> process(event, "to").ifPresent(p -> {
                sends.remove(number(event, "message"));
                instant(threadOf(p), "dropped message #" + number(event, "message") + " (" + string(event, "reason").orElse("") + ")", "dropped", at, id);
            });
            case "restart_decided" -> process(event, "supervisor").ifPresent(p ->
                    instant(threadOf(p), "restart " + string(event, "child").orElse(""), "lifecycle", at, id));
            case "supervisor_gave_up" -> process(event, "supervisor").ifPresent(p ->
                    instant(threadOf(p), "gave up on " + string(event, "child").orElse(""), "lifecycle", at, id));
            case "fault_fired" -> process(event, "target").ifPresent(p ->
                    instant(threadOf(p), "fault " + string(event, "description").orElse(""), "fault", at, id));
            case "start_failed" -> instant(thread(string(event, "path").orElse("?")), "start failed: " + string(event, "reason").orElse(""), "lifecycle", at, id);
            case "call_timed_out" -> process(event, "caller").ifPresent(p -> instant(threadOf(p), "call timed out", "call", at, id));
            default -> { }
        }
    }

    private static Optional<JsonObject> process(JsonObject event, String member) {
        return event.members().get(member) instanceof JsonObject p ? Optional.of(p) : Optional.empty();
    }

    private static String name(JsonObject process) {
        long incarnation = number(process, "incarnation");
        return string(process, "path").map(path -> incarnation > 0 ? path + "#" + incarnation : path + " (starting)")
                .orElse("<0." + number(process, "pid") + ".0>");
    }

    private String threadOf(JsonObject process) {
        long pid = number(process, "pid");
        Optional<String> path = string(process, "path");
        String thread = path.orElseGet(() -> threadOfPid.getOrDefault(pid, "<0." + pid + ".0>"));
        threadOfPid.putIfAbsent(pid, thread);
        return thread(thread);
    }

    /** The thread of a path or an outside process, named and sorted on first use. */
    private String thread(String name) {
        if (!threads.containsKey(name)) {
            int tid = threads.size() + 1;
            threads.put(name, tid);
            meta("thread_name", tid, "{\"name\":" + JsonWriter.quote(name) + "}");
            meta("thread_sort_index", tid, "{\"sort_index\":" + tid + "}");
        }
        return name;
    }

    private void meta(String name, int tid, String args) {
        next().append("{\"ph\":\"M\",\"pid\":1,\"tid\":").append(tid).append(",\"name\":\"").append(name).append("\",\"args\":").append(args).append('}');
    }

    private void slice(String thread, String name, String category, double ts, double dur, String args) {
        next().append("{\"ph\":\"X\",\"pid\":1,\"tid\":").append(threads.get(thread)).append(",\"name\":").append(JsonWriter.quote(name))
                .append(",\"cat\":\"").append(category).append("\",\"ts\":").append(fmt(ts)).append(",\"dur\":").append(fmt(Math.max(0, dur)))
                .append(",\"args\":").append(args).append('}');
    }

    private void instant(String thread, String name, String category, double ts, long id) {
        next().append("{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":").append(threads.get(thread)).append(",\"name\":").append(JsonWriter.quote(name))
                .append(",\"cat\":\"").append(category).append("\",\"ts\":").append(fmt(ts)).append(",\"args\":{\"event\":").append(id).append("}}");
    }

    private void flow(String phase, String thread, double ts, long message) {
        next().append("{\"ph\":\"").append(phase).append("\",\"pid\":1,\"tid\":").append(threads.get(thread))
                .append(",\"name\":\"message\",\"cat\":\"message\",\"id\":").append(message).append(",\"ts\":").append(fmt(ts))
                .append(phase.equals("f") ? ",\"bp\":\"e\"}" : "}");
    }

    private StringBuilder next() {
        if (!first) {
            out.append(",\n");
        }
        first = false;
        return out;
    }

    private static double micros(JsonObject event) {
        return number(event, "at_ns") / 1000.0;
    }

    private static String fmt(double micros) {
        return micros == Math.rint(micros) ? Long.toString((long) micros) : String.format(Locale.ROOT, "%.3f", micros);
    }

    /** A message as a slice's name: at most 80 characters (never inside a surrogate pair). */
    private static String cut(String text) {
        return Echo.cut(text, Echo.MAX - 1);
    }
}
