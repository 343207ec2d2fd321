package dev.cascade.gate.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * What the gate knows of one test's run: its identity, seed and mode, and its readings by key
 * ({@code outcome}, {@code restarts[payments:root/gateway]}, {@code ledger[payments#1]}, …).
 *
 * @param test     the test id
 * @param uniqueId JUnit's unique id (selects the test for a replay)
 * @param seed     the seed it ran with
 * @param mode     {@code simulated} or {@code real}
 * @param replay   the record's one-line replay command
 * @param report   where its run files are, relative to the project (or its record when it has none)
 * @param readings the readings by key, in record order
 */
public record Snapshot(String test, String uniqueId, long seed, String mode, String replay, String report,
                       SequencedMap<String, Reading> readings) {
    public Snapshot {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(report, "report");
        readings = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(readings));
    }

    /** Whether it ran on the simulated scheduler (and so compares exactly and can be replayed). */
    public boolean simulated() {
        return mode.equals("simulated");
    }

    /** The metric a reading key belongs to: the part before {@code [}. */
    public static Metric metricOf(String key) {
        int bracket = key.indexOf('[');
        String name = bracket < 0 ? key : key.substring(0, bracket);
        return Metric.named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown metric in reading key " + key + "; known: " + Metric.names()));
    }

    /** The keys of both snapshots' readings, this one's first. */
    public List<String> keysWith(SequencedMap<String, Reading> other) {
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        readings.keySet().forEach(key -> keys.put(key, true));
        other.keySet().forEach(key -> keys.put(key, true));
        return List.copyOf(keys.keySet());
    }
}
