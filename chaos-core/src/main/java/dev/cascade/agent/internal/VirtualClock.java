package dev.cascade.agent.internal;

import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.simulation.SimulatedScheduler;

import java.time.Duration;
import java.time.Instant;

/**
 * What woven user code calls instead of {@code System.currentTimeMillis()}, {@code System.nanoTime()}
 * and {@code Thread.sleep(…)}. On a process of a simulated node they read and advance the
 * simulation's virtual clock (a sleep is a timer of the simulation); anywhere else they are the JDK's.
 */
public final class VirtualClock {
    /** Where {@code currentTimeMillis} starts on virtual time: 2026-01-01T00:00:00Z, the same in every run. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final long EPOCH_MILLIS = EPOCH.toEpochMilli();

    private VirtualClock() {}

    public static long currentTimeMillis() {
        ProcessCell cell = simulated();
        return cell == null ? System.currentTimeMillis() : EPOCH_MILLIS + cell.kernel().scheduler().nanoTime() / 1_000_000;
    }

    public static long nanoTime() {
        ProcessCell cell = simulated();
        return cell == null ? System.nanoTime() : cell.kernel().scheduler().nanoTime();
    }

    public static void sleep(long millis) throws InterruptedException {
        ProcessCell cell = simulated();
        if (cell == null) {
            Thread.sleep(millis);
            return;
        }
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        sleep(cell, Duration.ofMillis(millis));
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        ProcessCell cell = simulated();
        if (cell == null) {
            Thread.sleep(millis, nanos);
            return;
        }
        if (millis < 0 || nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException(millis < 0 ? "timeout value is negative" : "nanosecond timeout value out of range");
        }
        sleep(cell, Duration.ofMillis(millis).plusNanos(nanos));
    }

    public static void sleep(Duration duration) throws InterruptedException {
        ProcessCell cell = simulated();
        if (cell == null) {
            Thread.sleep(duration);
            return;
        }
        sleep(cell, duration.isNegative() ? Duration.ZERO : duration);
    }

    private static void sleep(ProcessCell cell, Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        if (!duration.isZero()) {
            cell.sleep(duration);
        }
    }

    /** The calling process, if it runs on a simulated scheduler; null otherwise. */
    private static ProcessCell simulated() {
        ProcessCell cell = ProcessCell.current();
        return cell != null && cell.kernel().scheduler() instanceof SimulatedScheduler ? cell : null;
    }
}
