package dev.cascade.report.internal;

import dev.cascade.internal.json.JsonValue;
import dev.cascade.internal.json.JsonValue.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.cascade.report.internal.TraceText.number;
import static dev.cascade.report.internal.TraceText.string;

/**
 * The copy of a trace a page holds. A run of up to {@value #FULL_UP_TO} events is held whole. A
 * larger one keeps every event except the plumbing of ordinary messages beyond a cap per pair of
 * processes: their {@code sent}, {@code delivered} and {@code handled} lines, evenly sampled so that
 * the page still shows the traffic's shape. Messages that were lost or dropped, and the events the
 * explanations and verdicts name, are always kept. Lines are taken out of the document as written
 * (one event per line, docs/trace-format.md), never rewritten; what was left out is counted for the
 * page to say. Not API.
 *
 * @param text      the document the page holds
 * @param leftOut   events left out, by type (empty when held whole)
 * @param capPerPair the cap of messages kept per pair of processes (0 when held whole)
 * @param total     events in the trace as given
 */
public record PageTrace(String text, Map<String, Long> leftOut, int capPerPair, long total) {
    /** Runs up to this many events are held whole. */
    public static final int FULL_UP_TO = 20_000;
    /** A larger run keeps about this many ordinary messages in all. */
    static final int MESSAGES = 5_000;

    private record Line(String text, long id, String type, long message) {}

    public static PageTrace of(TraceText trace, Set<Long> named) {
        String[] lines = trace.text().split("\n", -1);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (start < 0 && line.endsWith("\"events\": [") || start < 0 && line.endsWith("\"events\":[")) {
                start = i + 1;
            } else if (start >= 0 && line.startsWith("]")) {
                end = i;
                break;
            }
        }
        long total = trace.events().size();
        if (total <= FULL_UP_TO || start < 0 || end < 0 || end - start != total) {
            return new PageTrace(trace.text(), Map.of(), 0, total);
        }
        List<Line> events = new ArrayList<>();
        Map<Long, String> pairOf = new HashMap<>();
        Map<String, List<Long>> byPair = new LinkedHashMap<>();
        Set<Long> keep = new HashSet<>(named);
        List<JsonValue> parsed = trace.events();
        for (int i = start; i < end; i++) {
            String text = lines[i].strip();
            // The document was parsed already; its i-th event is this line (one event per line, checked by the count).
            if (!(parsed.get(i - start) instanceof JsonObject event) || !text.startsWith("{\"id\":" + number(event, "id") + ",")) {
                return new PageTrace(trace.text(), Map.of(), 0, total);
            }
            String type = string(event, "type").orElse("");
            long id = number(event, "id");
            long message = type.equals("sent") ? id : number(event, "message");
            events.add(new Line(text, id, type, message));
            switch (type) {
                case "sent" -> {
                    String pair = who(event, "from") + " → " + who(event, "to");
                    pairOf.put(id, pair);
                    byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(id);
                }
                case "message_lost", "message_dropped" -> keep.add(message);
                default -> { }
            }
        }
        int cap = Math.max(20, MESSAGES / Math.max(1, byPair.size()));
        for (List<Long> messages : byPair.values()) {
            double step = Math.max(1.0, messages.size() / (double) cap);
            for (double at = 0; at < messages.size(); at += step) {
                keep.add(messages.get((int) at));
            }
        }
        Map<String, Long> leftOut = new TreeMap<>();
        List<String> kept = new ArrayList<>();
        for (Line line : events) {
            boolean plumbing = line.type().equals("sent") || line.type().equals("delivered") || line.type().equals("handled");
            if (plumbing && pairOf.containsKey(line.message()) && !keep.contains(line.message()) && !named.contains(line.id())) {
                leftOut.merge(line.type(), 1L, Long::sum);
            } else {
                kept.add(line.text().endsWith(",") ? line.text().substring(0, line.text().length() - 1) : line.text());
            }
        }
        StringBuilder out = new StringBuilder(trace.text().length() / 2);
        for (int i = 0; i < start; i++) {
            out.append(lines[i]).append('\n');
        }
        out.append(String.join(",\n", kept)).append('\n');
        for (int i = end; i < lines.length; i++) {
            out.append(lines[i]).append(i == lines.length - 1 ? "" : "\n");
        }
        return new PageTrace(out.toString(), leftOut, cap, total);
    }

    private static String who(JsonObject event, String member) {
        if (!(event.members().get(member) instanceof JsonObject process)) {
            return "outside";
        }
        return string(process, "path").orElse("<0." + number(process, "pid") + ".0>");
    }

    /** The number of events left out. */
    public long leftOutEvents() {
        return leftOut.values().stream().mapToLong(Long::longValue).sum();
    }
}
