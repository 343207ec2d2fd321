package dev.cascade.simulation;

import java.time.Duration;

/**
 * Something that made a simulated run depend on more than its seed: a wake-up the simulation did not
 * order. A run with any of these is reported as not reproducible.
 *
 * @param kind    what happened
 * @param thread  the thread affected (a process's thread is named {@code cascade<pid>})
 * @param detail  where and how, e.g. the JDK call and the user frame it came from
 * @param at      virtual time when it was noticed
 * @param step    the scheduling step when it was noticed
 */
public record Nondeterminism(Kind kind, String thread, String detail, Duration at, long step) {

    /** The causes the simulator can tell apart. */
    public enum Kind {
        /** A timed JDK wait ({@code Thread.sleep}, {@code poll(timeout)}, {@code await(timeout)}) inside a handler: it runs on the real clock. */
        JDK_TIMED_WAIT("a timed JDK wait runs on the real clock, not the simulation's"),
        /** Contention on a {@code synchronized} monitor: the JVM wakes the waiter from its own thread. */
        MONITOR_CONTENTION("synchronized contention: the JVM wakes the waiter from its own thread"),
        /** A thread the simulation does not own (a foreign pool, a platform thread) woke a simulated thread. */
        FOREIGN_WAKE_UP("woken by a thread the simulation does not own"),
        /** Baton backend only: a thread blocked outside the runtime, so the order of its wake-up is not the simulation's. */
        BLOCKED_OUTSIDE_RUNTIME("blocked outside the runtime; the baton-passing backend cannot order its wake-up");

        private final String explanation;

        Kind(String explanation) {
            this.explanation = explanation;
        }

        /** Why this kind breaks reproducibility. */
        public String explanation() {
            return explanation;
        }
    }

    /** One line naming the cause. */
    public String describe() {
        return "not reproducible: " + thread + " " + kind.explanation() + " (" + detail + "), at "
                + at.toMillis() + " ms of virtual time, step " + step;
    }
}
