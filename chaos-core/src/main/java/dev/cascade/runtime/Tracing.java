package dev.cascade.runtime;

/**
 * Whether and how a node records a {@link dev.cascade.trace.Trace}.
 *
 * <ul>
 *   <li>{@link #OFF} (the default for a bare node): the runtime makes one null check per hook and nothing else.</li>
 *   <li>{@link #ON}: every spawn, start, message, call, exit, restart decision and fault is an event with its cause;
 *       the trace keeps them all.</li>
 *   <li>{@link #bounded(int) bounded(n)}: the same events are made, but the trace keeps only what an explanation
 *       and a report need: every lifecycle event (spawned, started, start ignored or failed, exited, restart decided,
 *       supervisor gave up), every fault event and every loss (message dropped or lost), and of the routine message
 *       events (sent, delivered, handled, call started/replied/timed out/failed, user call) the last {@code n} of each
 *       process. The trace says how many events it left out ({@link dev.cascade.trace.Trace#leftOut()}), ids still
 *       count them, and its message accounting stays exact.</li>
 * </ul>
 *
 * <pre>{@code
 * ChaosTree.builder(spec).tracing(Tracing.bounded(1_000)).start();   // a long run in bounded memory
 * }</pre>
 */
public sealed interface Tracing {
    /** No trace. */
    Tracing OFF = new Off();

    /** A full trace: every event kept. */
    Tracing ON = new Full();

    /**
     * A bounded trace: lifecycle, fault and loss events all kept, routine message events the last
     * {@code lastPerProcess} of each process.
     *
     * @throws IllegalArgumentException if {@code lastPerProcess} is below 1
     */
    static Tracing bounded(int lastPerProcess) {
        return new Bounded(lastPerProcess);
    }

    /** Whether a trace is recorded at all. */
    default boolean records() {
        return !(this instanceof Off);
    }

    /** No trace: {@link #OFF}. */
    record Off() implements Tracing {
        @Override
        public String toString() {
            return "OFF";
        }
    }

    /** Every event kept: {@link #ON}. */
    record Full() implements Tracing {
        @Override
        public String toString() {
            return "ON";
        }
    }

    /** Routine message events kept: the last {@code lastPerProcess} of each process; see {@link Tracing}. */
    record Bounded(int lastPerProcess) implements Tracing {
        /** Rejects a budget below 1. */
        public Bounded {
            if (lastPerProcess < 1) {
                throw new IllegalArgumentException("a bounded trace keeps at least 1 event per process but was asked for "
                        + lastPerProcess + "; use Tracing.OFF for no trace");
            }
        }

        @Override
        public String toString() {
            return "bounded(" + lastPerProcess + ")";
        }
    }
}
