package dev.cascade.trace;

import dev.cascade.runtime.Pid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Builds a {@link Trace} by hand, event by event, for tests of what a trace makes of its events. */
final class HandMade {
    /** Makes an event once its id is known. */
    interface Maker {
        TraceEvent make(long id);
    }

    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<Pid, Integer> queued = new HashMap<>();

    /** Adds the event {@code maker} makes with the next id; returns that id. */
    long add(Maker maker) {
        long id = events.size() + 1L;
        events.add(maker.make(id));
        return id;
    }

    /** {@code n} messages are in {@code pid}'s mailbox when the trace is taken. */
    HandMade queued(Pid pid, int n) {
        queued.put(pid, n);
        return this;
    }

    Trace trace() {
        return new Trace(events, queued);
    }

    static ProcessId.Incarnation at(long pid, String path, int incarnation) {
        return new ProcessId.Incarnation(new Pid(pid), path, incarnation);
    }

    static ProcessId outside(long pid) {
        return ProcessId.outside(new Pid(pid));
    }

    /** A cause: event {@code id}. */
    static OptionalLong by(long id) {
        return OptionalLong.of(id);
    }

    /** No recorded cause. */
    static final OptionalLong ROOT = OptionalLong.empty();
}
