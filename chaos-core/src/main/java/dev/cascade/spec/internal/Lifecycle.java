package dev.cascade.spec.internal;

import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** When each tree path had a live process, read from the trace's starts and exits. */
public final class Lifecycle {
    /** A change of one path's state: alive from a start, dead from an exit. */
    public record Change(long atNanos, String path, boolean alive, TraceEvent event) {}

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Change> last = new HashMap<>();

    private Lifecycle() {}

    public static Lifecycle of(Trace trace) {
        Lifecycle lifecycle = new Lifecycle();
        for (TraceEvent event : trace.events()) {
            switch (event) {
                case TraceEvent.Started started -> TraceReading.path(started.process())
                        .ifPresent(path -> lifecycle.add(new Change(event.atNanos(), path, true, event)));
                case TraceEvent.Exited exited -> TraceReading.path(exited)
                        .ifPresent(path -> lifecycle.add(new Change(event.atNanos(), path, false, event)));
                default -> { }
            }
        }
        return lifecycle;
    }

    private void add(Change change) {
        changes.add(change);
        last.put(change.path(), change);
    }

    /** Every change in trace order. */
    public List<Change> changes() {
        return changes;
    }

    /** The last change of {@code path}, if it ever started or exited. */
    public Optional<Change> last(String path) {
        return Optional.ofNullable(last.get(path));
    }

    /** Whether {@code path} had a live process at the end of the trace. */
    public boolean aliveAtEnd(String path) {
        Change change = last.get(path);
        return change != null && change.alive();
    }
}
