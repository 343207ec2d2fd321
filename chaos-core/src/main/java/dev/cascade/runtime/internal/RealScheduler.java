package dev.cascade.runtime.internal;

import dev.cascade.runtime.Scheduler;

import java.time.Duration;

/**
 * Real time: a virtual thread per process, {@link System#nanoTime()}, one platform timer thread.
 * The virtual threads run on the JDK's shared carriers, or on carriers of the node's own
 * ({@link OwnCarriers}) when asked for and the JVM allows it.
 */
public final class RealScheduler implements Scheduler {
    private final RealTimers timers = new RealTimers();
    private final Thread.Builder.OfVirtual threads;
    private final String description;

    /** On the JDK's shared carriers. */
    public RealScheduler() {
        threads = Thread.ofVirtual();
        description = "real (virtual threads, system clock)";
    }

    /** On {@code carriers} carriers of the node's own, if the JVM allows it. */
    public RealScheduler(int carriers) {
        if (carriers < 1) {
            throw new IllegalArgumentException("carriers must be >= 1 but was: " + carriers);
        }
        if (OwnCarriers.available()) {
            threads = OwnCarriers.builder(carriers);
            description = "real (virtual threads on " + carriers + (carriers == 1 ? " carrier" : " carriers") + ", system clock)";
        } else {
            threads = Thread.ofVirtual();
            description = "real (virtual threads on the JDK's shared carriers, system clock; run the JVM with "
                    + OwnCarriers.FLAG + " for the node's own, faster carriers)";
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void startThread(String name, Runnable body) {
        Thread thread = threads.unstarted(body); // the shared builder is never mutated: spawns race
        thread.setName(name);
        thread.start();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        return timers.schedule(RealTimers.nanos(delay), action);
    }

    @Override
    public void close() {
        timers.close();
    }
}
