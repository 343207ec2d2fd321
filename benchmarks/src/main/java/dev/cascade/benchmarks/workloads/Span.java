package dev.cascade.benchmarks.workloads;

import dev.cascade.runtime.Scheduler;

import java.util.List;

/**
 * The measured part of an iteration, on two clocks at once: the wall clock ({@link System#nanoTime})
 * and the node's scheduler, whose clock is virtual on a simulation. Safe to read from a process
 * or from the thread that drives the node.
 */
final class Span {
    private final Scheduler scheduler;
    private final long wallStart;
    private final long schedulerStart;
    private long wall;
    private long virtual;

    private Span(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.schedulerStart = scheduler.nanoTime();
        this.wallStart = System.nanoTime();
    }

    static Span start(Scheduler scheduler) {
        return new Span(scheduler);
    }

    /** Ends the span; returns it. */
    Span stop() {
        wall = System.nanoTime() - wallStart;
        virtual = scheduler.nanoTime() - schedulerStart;
        return this;
    }

    long wallNanos() {
        return wall;
    }

    Sample sample(Metric... metrics) {
        return new Sample(wall, virtual, List.of(metrics));
    }
}
