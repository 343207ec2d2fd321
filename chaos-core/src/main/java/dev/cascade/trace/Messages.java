package dev.cascade.trace;

import dev.cascade.internal.Echo;
import java.time.Duration;

/** Short renderings of messages and durations for trace lines. */
final class Messages {
    private static final int LIMIT = 60;

    private Messages() {}

    static String summary(Object message) {
        return Echo.shortened(String.valueOf(message), LIMIT); // a user's toString may hold anything
    }

    /** {@code 5 s}, {@code 1.5 s}, {@code 120 ms}, {@code 0 ms}, or {@code 250 µs} under a millisecond. */
    static String duration(Duration duration) {
        if (!duration.isZero() && duration.compareTo(Duration.ofMillis(1)) < 0) {
            return Math.max(1, duration.toNanos() / 1000) + " µs";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis >= 1000 ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0) : millis + " ms";
    }
}
