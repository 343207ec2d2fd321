package dev.cascade.runtime.internal;

import dev.cascade.runtime.Scheduler;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Real time: a virtual thread per process, {@link System#nanoTime()}, one platform timer thread. */
public final class RealScheduler implements Scheduler {
    private final ScheduledThreadPoolExecutor timers;
    private final Thread.Builder threads = Thread.ofVirtual();

    public RealScheduler() {
        timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "cascade-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

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
        ScheduledFuture<?> future = timers.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
