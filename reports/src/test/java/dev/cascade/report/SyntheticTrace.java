package dev.cascade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A large cascade-trace/1 document made by hand, as docs/trace-format.md lays it out: a root with a
 * group supervisor of {@code workers} workers that pass messages around a ring, one of which is
 * crashed by a fault every so often (losing what it had queued) and restarted. Used to check that a
 * run of ~100,000 events stays small and renders; the numbers add up (sent = handled + lost + queued).
 */
final class SyntheticTrace {
    private final StringBuilder events = new StringBuilder();
    private long id;
    private long sent;
    private long handled;
    private long lost;
    private long restarts;
    private long faults;

    private SyntheticTrace() {}

    static String of(int workers, int targetEvents) {
        return new SyntheticTrace().write(workers, targetEvents);
    }

    private String write(int workers, int targetEvents) {
        int[] incarnation = new int[workers];
        long[][] perWorker = new long[workers][3]; // sent, handled, lost
        long[] pids = new long[workers];
        long nextPid = 3;
        event(0, 0, "\"type\":\"started\",\"process\":{\"pid\":1,\"path\":\"root\",\"incarnation\":1}");
        event(0, 0, "\"type\":\"started\",\"process\":{\"pid\":2,\"path\":\"root/group\",\"incarnation\":1}");
        for (int w = 0; w < workers; w++) {
            pids[w] = nextPid++;
            incarnation[w] = 1;
            event(0, 0, "\"type\":\"started\",\"process\":" + worker(w, pids[w], 1));
        }
        long t = 0;
        int round = 0;
        while (id < targetEvents - 10) {
            t += 1_000_000; // 1 ms
            int from = round % workers;
            int to = (round + 1) % workers;
            long s = event(t, 0, "\"type\":\"sent\",\"from\":" + worker(from, pids[from], incarnation[from]) + ",\"to\":"
                    + worker(to, pids[to], incarnation[to]) + ",\"message\":\"cast Tick[n=" + round + "]\",\"message_type\":\"Tick\"");
            sent++;
            perWorker[to][0]++;
            long d = event(t, s, "\"type\":\"delivered\",\"message\":" + s + ",\"to\":" + worker(to, pids[to], incarnation[to]));
            if (round % 997 == 500) { // the fault crashes the receiver with the message queued
                faults++;
                long f = event(t, 0, "\"type\":\"fault_fired\",\"fault\":" + faults + ",\"description\":\"kill root/group/w"
                        + pad(to) + "\",\"target\":" + worker(to, pids[to], incarnation[to]) + ",\"detail\":\"\"");
                long x = event(t, f, "\"type\":\"exited\",\"process\":" + worker(to, pids[to], incarnation[to]) + ",\"reason\":\"killed\"");
                event(t, x, "\"type\":\"message_lost\",\"message\":" + s + ",\"in\":" + worker(to, pids[to], incarnation[to])
                        + ",\"from\":" + worker(from, pids[from], incarnation[from]));
                lost++;
                perWorker[to][2]++;
                long r = event(t, x, "\"type\":\"restart_decided\",\"supervisor\":{\"pid\":2,\"path\":\"root/group\",\"incarnation\":1},"
                        + "\"child\":\"root/group/w" + pad(to) + "\",\"group\":[\"root/group/w" + pad(to) + "\"]");
                restarts++;
                pids[to] = nextPid++;
                incarnation[to]++;
                event(t, r, "\"type\":\"started\",\"process\":" + worker(to, pids[to], incarnation[to]));
            } else {
                event(t + 200_000, d, "\"type\":\"handled\",\"message\":" + s + ",\"by\":" + worker(to, pids[to], incarnation[to])
                        + ",\"took_ns\":200000,\"crashed\":false");
                handled++;
                perWorker[to][1]++;
            }
            round++;
        }
        StringBuilder tree = new StringBuilder("[\n    {\"path\":\"root\",\"kind\":\"supervisor\",\"strategy\":\"one_for_one\",\"intensity\":3,\"period_ms\":5000},\n"
                + "    {\"path\":\"root/group\",\"kind\":\"supervisor\",\"restart\":\"permanent\",\"strategy\":\"one_for_one\",\"intensity\":1000,\"period_ms\":5000}");
        for (int w = 0; w < workers; w++) {
            tree.append(",\n    {\"path\":\"root/group/w").append(pad(w)).append("\",\"kind\":\"worker\",\"restart\":\"permanent\"}");
        }
        tree.append("\n  ]");
        String counts = "{\"sent\":" + sent + ",\"handled\":" + handled + ",\"dropped\":0,\"lost\":" + lost + ",\"queued\":0}";
        StringBuilder paths = new StringBuilder();
        for (int w = 0; w < workers; w++) {
            paths.append(w == 0 ? "" : ", ").append("\"root/group/w").append(pad(w)).append("\": {\"sent\":").append(perWorker[w][0])
                    .append(",\"handled\":").append(perWorker[w][1]).append(",\"dropped\":0,\"lost\":").append(perWorker[w][2]).append(",\"queued\":0}");
        }
        StringBuilder ledger = new StringBuilder("[");
        for (int f = 1; f <= faults; f++) {
            ledger.append(f == 1 ? "\n" : ",\n").append("    {\"number\":").append(f).append(",\"at_ms\":0,\"fault\":\"kill\",\"status\":\"fired\",\"why\":\"\",\"hits\":[]}");
        }
        ledger.append("\n  ]");
        return "{\n  \"format\": \"cascade-trace/1\",\n  \"name\": \"ring-" + targetEvents + "\",\n  \"seed\": 42,\n"
                + "  \"scheduler\": {\"kind\": \"simulated\"},\n  \"tree\": " + tree + ",\n  \"events\": [\n" + events
                + "\n  ],\n  \"left_out\": {\"events\": 0, \"by_type\": {}},\n  \"accounting\": {\"total\": " + counts
                + ", \"paths\": {" + paths + "}, \"processes\": []},\n  \"ledger\": " + ledger + "\n}\n";
    }

    long restarts() {
        return restarts;
    }

    private long event(long atNanos, long cause, String rest) {
        id++;
        if (id > 1) {
            events.append(",\n");
        }
        events.append("{\"id\":").append(id).append(",\"at_ns\":").append(atNanos);
        if (cause > 0) {
            events.append(",\"cause\":").append(cause);
        }
        events.append(',').append(rest).append('}');
        return id;
    }

    private static String worker(int w, long pid, int incarnation) {
        return "{\"pid\":" + pid + ",\"path\":\"root/group/w" + pad(w) + "\",\"incarnation\":" + incarnation + "}";
    }

    private static String pad(int w) {
        return String.format(Locale.ROOT, "%02d", w);
    }

    static List<Long> firstLoss(String trace) {
        List<Long> ids = new ArrayList<>();
        int at = trace.indexOf("\"type\":\"fault_fired\"");
        for (String type : List.of("fault_fired", "exited", "message_lost")) {
            int i = trace.indexOf("\"type\":\"" + type + "\"", at);
            int start = trace.lastIndexOf("{\"id\":", i) + 6;
            ids.add(Long.parseLong(trace.substring(start, trace.indexOf(',', start))));
        }
        return ids;
    }
}
