package dev.cascade.trace.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Tracing;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Records a node's trace events in the order they happen, keeping all of them or, bounded, what
 * {@link Kept} keeps. The runtime holds one only when tracing is on; with tracing off every hook is a single null check. Events are made under the recorder's lock
 * so ids and times are in the same order as the list (no lock on a scheduler with one thread of
 * control).
 */
public final class Tracer {
    /** Makes an event once its id and time are known. */
    @FunctionalInterface
    public interface Maker {
        TraceEvent make(long id, long atNanos);
    }

    private final Scheduler scheduler;
    private final ReentrantLock lock;
    private final List<TraceEvent> events;
    private final Kept kept;
    private long lastId;
    private volatile Supplier<Map<Pid, Integer>> inFlight = Map::of;
    private final Map<Pid, ProcessId> dead = new java.util.concurrent.ConcurrentHashMap<>();

    /** A tracer that keeps every event ({@link Tracing#ON}) or what a bounded trace keeps. */
    public Tracer(Scheduler scheduler, boolean exclusive, Tracing tracing) {
        this.scheduler = scheduler;
        this.lock = exclusive ? null : new ReentrantLock();
        if (tracing instanceof Tracing.Bounded bounded) {
            this.kept = new Kept(bounded.lastPerProcess());
            this.events = null;
        } else {
            this.kept = null;
            this.events = new ArrayList<>();
        }
    }

    /** Records the event {@code maker} makes; returns its id. */
    public long record(Maker maker) {
        if (lock != null) {
            lock.lock();
        }
        try {
            long id = ++lastId;
            TraceEvent event = maker.make(id, scheduler.nanoTime());
            if (kept == null) {
                events.add(event);
            } else {
                kept.add(event);
            }
            return id;
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    /**
     * Names {@code pid} as {@code name} after its death, for the signals it sends as it dies. A process
     * outside the tree is named by its pid anyway ({@link #nameOf}), so only tree processes are kept: the
     * map grows with the tree's incarnations, not with every short-lived process (a bounded trace's budget).
     */
    public void died(Pid pid, ProcessId name) {
        if (!(name instanceof ProcessId.Outside)) {
            dead.put(pid, name);
        }
    }

    /** The name of a dead process: its last {@link #died} name, or its pid. */
    public ProcessId nameOf(Pid pid) {
        ProcessId name = dead.get(pid);
        return name == null ? ProcessId.outside(pid) : name;
    }

    /** Where messages held back by faults (delayed, reordered) are counted as queued. */
    public void inFlight(Supplier<Map<Pid, Integer>> held) {
        this.inFlight = held;
    }

    /** The trace so far, with {@code queued} (messages per live mailbox) as measured by the caller. */
    public Trace snapshot(Map<Pid, Integer> queued) {
        Map<Pid, Integer> all = new java.util.HashMap<>(queued);
        inFlight.get().forEach((pid, n) -> all.merge(pid, n, Integer::sum));
        if (lock != null) {
            lock.lock();
        }
        try {
            return kept == null ? new Trace(events, all) : new Trace(kept.events(), all, kept.leftOut(), kept.counted());
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }
}
