package dev.cascade.scenario;

import dev.cascade.scenario.internal.Checks;
import java.time.Duration;

/**
 * Periodic traffic a worker sends to another worker while it runs ({@code sends} in files): one
 * call or cast every {@code every}, to the process holding path {@code to} at that moment.
 *
 * <pre>{@code
 * ScenarioTree.worker("api").send(Traffic.call("root/db", Duration.ofMillis(100), Duration.ofMillis(500)));
 * }</pre>
 *
 * @param to      the receiving worker's path, e.g. {@code root/db}
 * @param every   the time between two sends, whole milliseconds >= 1; the first comes {@code every}
 *                after the worker started
 * @param kind    a call (the worker waits for the reply) or a cast
 * @param timeout for a call, how long the worker waits for the reply (whole milliseconds >= 1); a
 *                call that times out ends the worker with {@code call:timeout}. Zero for a cast
 */
public record Traffic(String to, Duration every, Kind kind, Duration timeout) {

    /** How a worker sends: {@code call} or {@code cast} in files. */
    public enum Kind {
        /** {@code GenServer.call}: the sender waits for the reply, up to the timeout. */
        CALL,
        /** {@code GenServer.cast}: the sender goes on at once. */
        CAST
    }

    /** The call timeout when a file gives none: 5000 ms, OTP's default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMillis(5000);

    /** Validates every component; see the parameters for the rules. */
    public Traffic {
        Checks.matching("traffic target", to, Checks.PATH);
        Checks.millis("traffic interval to " + to, every, 1);
        Checks.notNull("traffic kind to " + to, kind);
        if (kind == Kind.CALL) {
            Checks.millis("call timeout to " + to, timeout, 1);
        } else if (!Checks.notNull("timeout", timeout).isZero()) {
            throw new IllegalArgumentException("a cast to " + to + " has no timeout but was given: " + Checks.render(timeout));
        }
    }

    /** A call to {@code to} every {@code every}, waiting up to {@code timeout} for each reply. */
    public static Traffic call(String to, Duration every, Duration timeout) {
        return new Traffic(to, every, Kind.CALL, timeout);
    }

    /** A cast to {@code to} every {@code every}. */
    public static Traffic cast(String to, Duration every) {
        return new Traffic(to, every, Kind.CAST, Duration.ZERO);
    }
}
