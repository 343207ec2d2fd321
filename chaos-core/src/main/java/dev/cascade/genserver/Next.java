package dev.cascade.genserver;

import java.time.Duration;
import java.util.Objects;

/**
 * What a GenServer does after a callback (otp-semantics 2.4): wait for the next message, wait
 * with an inactivity timeout, hibernate, or continue at once with {@code handleContinue}.
 */
public sealed interface Next {

    /** Wait for the next message without limit. */
    Next WAIT = new Wait();

    /** Hibernation; on this runtime the same as {@link #WAIT} (G15). */
    Next HIBERNATE = new Hibernate();

    record Wait() implements Next {}

    record Hibernate() implements Next {}

    /**
     * Wait at most {@code duration} for a message; if none comes, {@code handleInfo} gets
     * {@link GenServer#TIMEOUT} (G12). Any call, cast or info message cancels it; zero fires at once
     * unless a message is already queued (G13).
     */
    record Timeout(Duration duration) implements Next {
        public Timeout {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("an inactivity timeout must be >= 0 but was: " + duration);
            }
        }
    }

    /** Call {@code handleContinue(value, state)} before reading the mailbox (G14). */
    record Continue(Object value) implements Next {}

    static Next timeout(Duration duration) {
        return new Timeout(duration);
    }

    static Next continueWith(Object value) {
        return new Continue(value);
    }
}
