package dev.cascade.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervisor stops a child (otp-semantics 3.8): kill it at once, ask it to stop and kill it
 * after a timeout, or ask and wait forever.
 */
public sealed interface Shutdown {

    /** {@code brutal_kill}: an untrappable {@code kill} exit signal. */
    Shutdown BRUTAL_KILL = new BrutalKill();
    /** {@code infinity}: a {@code shutdown} exit signal, then wait as long as it takes. */
    Shutdown INFINITY = new Infinity();

    /** The default for workers: 5 seconds. */
    Shutdown WORKER_DEFAULT = new Timeout(Duration.ofSeconds(5));

    record BrutalKill() implements Shutdown {
        @Override
        public String toString() {
            return "brutal_kill";
        }
    }

    record Infinity() implements Shutdown {
        @Override
        public String toString() {
            return "infinity";
        }
    }

    /** A {@code shutdown} exit signal, then a {@code kill} if the child is still alive after {@code duration}. */
    record Timeout(Duration duration) implements Shutdown {
        public Timeout {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a shutdown timeout must be >= 0 but was: " + duration);
            }
        }

        @Override
        public String toString() {
            return duration.toMillis() + " ms";
        }
    }

    static Shutdown timeout(Duration duration) {
        return new Timeout(duration);
    }

    static Shutdown millis(long millis) {
        return new Timeout(Duration.ofMillis(millis));
    }
}
