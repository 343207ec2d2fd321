package dev.cascade.trace;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a bounded trace did not keep: how many events, by type ({@code sent}, {@code delivered}, …,
 * as trace files name the types). Ids still count them, so a trace's last id is the number of events
 * the run had. A full trace leaves nothing out ({@link #NOTHING}).
 *
 * <pre>{@code
 * LeftOut left = trace.leftOut();
 * left.events();                  // 9_873_200
 * left.byType().get("handled");   // 3_290_011
 * }</pre>
 *
 * @param events how many events were left out
 * @param byType per type, only types with a count above 0, sorted by type
 */
public record LeftOut(long events, Map<String, Long> byType) {
    /** Nothing left out: a full trace. */
    public static final LeftOut NOTHING = new LeftOut(0, Map.of());

    /** Checks that the counts add up; copies them, sorted. */
    public LeftOut {
        Objects.requireNonNull(byType, "byType");
        TreeMap<String, Long> sorted = new TreeMap<>(byType);
        long sum = 0;
        for (Map.Entry<String, Long> entry : sorted.entrySet()) {
            if (entry.getValue() == null || entry.getValue() < 1) {
                throw new IllegalArgumentException("a left-out count must be >= 1 but " + entry.getKey() + " has " + entry.getValue());
            }
            sum += entry.getValue();
        }
        if (sum != events) {
            throw new IllegalArgumentException("left-out events by type add up to " + sum + " but the total is " + events);
        }
        byType = Collections.unmodifiableSortedMap(sorted);
    }

    /** Whether nothing was left out. */
    public boolean none() {
        return events == 0;
    }
}
