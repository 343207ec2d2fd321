package dev.cascade.simulation.internal;

import dev.cascade.simulation.Nondeterminism;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the driver does when nothing is ready but a simulated thread is in a timed JDK wait (a
 * {@code Thread.sleep} or {@code poll(timeout)} inside a handler): that thread will be woken by the
 * JDK's clock, so the run is reported as not reproducible and the driver waits, in real time, for
 * that wake-up rather than moving virtual time past it.
 */
final class Stalls {
    private static final long SLICE_NANOS = 5_000_000;

    private final Driver driver;
    private final Set<Thread> reported = Collections.newSetFromMap(new IdentityHashMap<>());

    Stalls(Driver driver) {
        this.driver = driver;
    }

    /** True if a foreign wake-up arrived (or may be about to: the caller should look again). */
    boolean waitForForeignWakeUp(long realStart, Duration realTimeLimit) {
        Thread sleeper = null;
        for (Thread thread : driver.threads().liveThreads()) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TIMED_WAITING) {
                sleeper = thread;
                report(thread, Nondeterminism.Kind.JDK_TIMED_WAIT);
            } else if (state == Thread.State.BLOCKED) {
                report(thread, Nondeterminism.Kind.MONITOR_CONTENTION);
            }
        }
        if (sleeper == null) {
            return false;
        }
        Thread late = sleeper;
        return awaitSlice(realStart, realTimeLimit, () -> "the simulation waited more than " + realTimeLimit.toSeconds()
                + " s of real time for " + late.getName() + ", which is in a timed JDK wait ("
                + Frames.blockingCall(driver.stackOf(late)) + "); use ctx.sleep or a receive timeout instead");
    }

    /**
     * Nothing can run and no timer is set, but the goal is not reached: if some simulated thread is
     * blocked outside the runtime (a {@code java.util.concurrent} wait a foreign thread may end), wait
     * in real time for that wake-up, up to the limit. False if no such thread exists and no wake-up
     * is queued.
     */
    boolean waitForWakeUpFromOutside(long realStart, Duration realTimeLimit) {
        Collection<Thread> live = driver.threads().liveThreads();
        if (live.size() <= driver.parkedInRuntime()) {
            // none is outside now, but one that came back from outside may have woken a thread (a foreign
            // wake-up) after the driver last took them: then look again
            return driver.foreignPending();
        }
        int outside = live.size() - driver.parkedInRuntime();
        return awaitSlice(realStart, realTimeLimit, () -> "nothing in the simulation can run, no timer is set, and no wake-up"
                + " came from outside within " + realTimeLimit.toSeconds() + " s of real time for the " + outside
                + " simulated thread(s) blocked outside the runtime");
    }

    /** Waits one slice of real time for a foreign wake-up; fails with {@code overdue} once the limit has passed. */
    private boolean awaitSlice(long realStart, Duration realTimeLimit, Supplier<String> overdue) {
        if (System.nanoTime() - realStart > realTimeLimit.toNanos()) {
            throw new IllegalStateException(overdue.get());
        }
        try {
            driver.awaitForeign(SLICE_NANOS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a wake-up from outside the simulation", interrupted);
        }
        return true;
    }

    private void report(Thread thread, Nondeterminism.Kind kind) {
        if (reported.add(thread)) {
            driver.noteNondeterminism(kind, thread.getName(), Frames.blockingCall(driver.stackOf(thread)));
        }
    }
}
