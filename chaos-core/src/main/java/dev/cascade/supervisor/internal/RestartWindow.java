package dev.cascade.supervisor.internal;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Restart intensity in exact time: at each restart, count the restarts within the last
 * {@code period} (both ends closed), the new one included; more than {@code intensity} means give
 * up. Constant cost per restart however many are recent.
 */
public final class RestartWindow {
    private final int intensity;
    private final long periodNanos;
    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private final ArrayDeque<Long> causes = new ArrayDeque<>();

    public RestartWindow(int intensity, Duration period) {
        this.intensity = intensity;
        this.periodNanos = period.toNanos();
    }

    /** Records a restart at {@code now}; false if the supervisor must give up. */
    public boolean add(long now) {
        return add(now, 0);
    }

    /** As {@link #add(long)}, remembering the trace event behind the restart. */
    public boolean add(long now, long cause) {
        while (!times.isEmpty() && now - times.peekFirst() > periodNanos) {
            times.pollFirst();
            causes.pollFirst();
        }
        times.addLast(now);
        causes.addLast(cause);
        return times.size() <= intensity;
    }

    /** How many restarts the window holds (the last one added included). */
    public int count() {
        return times.size();
    }

    /** The trace events behind the restarts in the window, oldest first. */
    public java.util.List<Long> causes() {
        return java.util.List.copyOf(causes);
    }
}
