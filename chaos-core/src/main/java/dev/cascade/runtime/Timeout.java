package dev.cascade.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait: a finite {@link Duration} (zero allowed) or {@link #INFINITY}.
 *
 * <pre>{@code
 * ctx.receive(Timeout.of(Duration.ofMillis(100)));
 * GenServer.call(ctx, server, "slow", Timeout.INFINITY);
 * }</pre>
 */
public sealed interface Timeout {

    /** Wait without limit. */
    Timeout INFINITY = new Infinite();

    /** A finite wait. */
    record Finite(Duration duration) implements Timeout {
        public Finite {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a timeout must be >= 0 but was: " + duration);
            }
        }

        @Override
        public String toString() {
            return duration.toMillis() + " ms";
        }
    }

    /** No limit. */
    record Infinite() implements Timeout {
        @Override
        public String toString() {
            return "infinity";
        }
    }

    static Timeout of(Duration duration) {
        return new Finite(duration);
    }

    static Timeout ofMillis(long millis) {
        return new Finite(Duration.ofMillis(millis));
    }
}
