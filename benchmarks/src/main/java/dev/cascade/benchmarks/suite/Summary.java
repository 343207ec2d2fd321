package dev.cascade.benchmarks.suite;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The suite's results: how it ran (command, JVM, machine load at the start and the end, wall
 * time), one {@link Entry} per workload, mode and figure, and the jobs that failed. Written as
 * JSON ({@link #json}) and as a Markdown table ({@link #markdown}).
 */
record Summary(String command, String started, String java, int cores, String uptimeBefore, String uptimeAfter,
               double wallSeconds, List<Entry> entries, List<String> failures) {

    String json() {
        String rows = entries.stream().map(Summary::json).collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
        return "{\n"
                + "  \"command\": " + quote(command) + ",\n"
                + "  \"started\": " + quote(started) + ",\n"
                + "  \"java\": " + quote(java) + ",\n"
                + "  \"cores\": " + cores + ",\n"
                + "  \"uptimeBefore\": " + quote(uptimeBefore) + ",\n"
                + "  \"uptimeAfter\": " + quote(uptimeAfter) + ",\n"
                + "  \"wallSeconds\": " + number(wallSeconds) + ",\n"
                + "  \"results\": " + (entries.isEmpty() ? "[]" : rows) + ",\n"
                + "  \"failures\": [" + failures.stream().map(Summary::quote).collect(Collectors.joining(", ")) + "]\n"
                + "}\n";
    }

    private static String json(Entry e) {
        return "{\"workload\": " + quote(e.workload()) + ", \"description\": " + quote(e.description())
                + ", \"mode\": " + quote(e.mode()) + ", \"metric\": " + quote(e.metric()) + ", \"unit\": " + quote(e.unit())
                + ", \"median\": " + number(e.median()) + ", \"min\": " + number(e.min()) + ", \"max\": " + number(e.max())
                + ", \"n\": " + e.values().size()
                + ", \"goal\": " + (e.goal() == null ? "null" : "{\"text\": " + quote(e.goal() + " " + e.unit())
                        + ", \"bound\": " + quote(e.goal().atLeast() ? "min" : "max") + ", \"value\": " + number(e.goal().value()) + "}")
                + ", \"met\": " + e.met()
                + ", \"values\": " + e.values().stream().map(Summary::number).collect(Collectors.joining(", ", "[", "]"))
                + ", \"loadBefore\": " + number(e.loadBefore()) + ", \"loadAfter\": " + number(e.loadAfter()) + "}";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Cascade benchmark suite\n\n");
        md.append("`").append(command).append("`, started ").append(started).append(", ")
                .append(String.format(Locale.ROOT, "%.0f s", wallSeconds)).append(" wall; ").append(java).append(", ")
                .append(cores).append(" cores.\n\n");
        md.append("- uptime before: `").append(uptimeBefore).append("`\n");
        md.append("- uptime after: `").append(uptimeAfter).append("`\n\n");
        md.append("| workload | mode | figure | median | range (min - max) | unit | n | goal | met | load |\n");
        md.append("|---|---|---|---:|---:|---|---:|---|---|---|\n");
        for (Entry e : entries) {
            md.append("| ").append(e.workload()).append(" | ").append(e.mode()).append(" | ").append(e.metric())
                    .append(" | ").append(Figures.format(e.median()))
                    .append(" | ").append(Figures.format(e.min())).append(" - ").append(Figures.format(e.max()))
                    .append(" | ").append(e.unit()).append(" | ").append(e.values().size())
                    .append(" | ").append(e.goal() == null ? "" : e.goal().toString())
                    .append(" | ").append(e.met() == null ? "" : e.met() ? "yes" : "**no**")
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f-%.1f", e.loadBefore(), e.loadAfter()))
                    .append(" |\n");
        }
        md.append("\nMedian and range over the n measured iterations, each workload and mode in its own fresh JVM (W6's"
                + " first iteration: n fresh JVMs); load: the 1-minute load average when the measurement began and"
                + " ended. Goals are benchmarks.md's (the scenarios': issue 3's); traced and simulated figures have none."
                + " Virtual time is 0 where a workload sets no timer: running code takes no virtual time.\n");
        md.append(TracingCost.table(entries));
        if (!failures.isEmpty()) {
            md.append("\n**Failed:**\n\n");
            failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
        return md.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.valueOf(value) : "null";
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
