package dev.cascade.internal;

import java.time.Duration;

/**
 * The bounds every time in a fault plan or scenario is held to, the same for the Java DSL and files:
 * a century, far below where the scheduler's nanoseconds overflow (292 years), so that any sum the
 * runner computes — a fault's time plus the settle time plus the tree's start-up, a time plus a delay —
 * stays exact.
 *
 * <pre>{@code
 * if (at.compareTo(Limits.LONGEST) > 0) { ... }
 * }</pre>
 */
public final class Limits {
    /** The longest time a plan or scenario may name, and the longest a whole run may last: a century. */
    public static final Duration LONGEST = Duration.ofDays(36_500);
    /** {@link #LONGEST} in milliseconds: 3,153,600,000,000. */
    public static final long LONGEST_MS = LONGEST.toMillis();
    /** {@link #LONGEST} in seconds: 3,153,600,000. */
    public static final long LONGEST_S = LONGEST.toSeconds();

    private Limits() {}

    /** {@code duration} in the file's unit, milliseconds ({@code 9300000000000 ms}), whatever its size. */
    public static String millis(Duration duration) {
        return duration.getSeconds() < Long.MAX_VALUE / 1000 && duration.getSeconds() > Long.MIN_VALUE / 1000
                ? duration.toMillis() + (duration.getNano() % 1_000_000 == 0 ? "" : "." + String.format("%06d", duration.getNano() % 1_000_000))
                        + " ms"
                : duration.getSeconds() + " s";
    }
}
