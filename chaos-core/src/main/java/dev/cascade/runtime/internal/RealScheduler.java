package dev.cascade.runtime.internal;

import dev.cascade.runtime.Scheduler;

import java.time.Duration;

/** Real time: a virtual thread per process, {@link System#nanoTime()}, one platform timer thread. */
public final class RealScheduler implements Scheduler {
    private final RealTimers timers = new RealTimers();
    private final Thread.Builder threads = Thread.ofVirtual();

    @Override
    public String description() {
        return "real (virtual threads, system clock)";
    }

    @Override
    public void startThread(String name, Runnable body) {
        threads.name(name).start(body);
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
