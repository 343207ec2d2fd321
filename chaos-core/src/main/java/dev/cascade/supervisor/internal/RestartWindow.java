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

    public RestartWindow(int intensity, Duration period) {
        this.intensity = intensity;
        this.periodNanos = period.toNanos();
    }

    /** Records a restart at {@code now}; false if the supervisor must give up. */
    public boolean add(long now) {
        while (!times.isEmpty() && now - times.peekFirst() > periodNanos) {
            times.pollFirst();
        }
        times.addLast(now);
        return times.size() <= intensity;
    }
}
