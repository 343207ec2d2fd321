package dev.cascade.simulation.internal;

import dev.cascade.simulation.Nondeterminism;

/** Tells, from the thread that submitted a wake-up, what kind of outside event it was. */
final class ForeignWakeUps {
    private ForeignWakeUps() {}

    /** A task made ready by a thread the simulation does not own. */
    record WakeUp(Object task, String waker, Nondeterminism.Kind kind) {}

    static Nondeterminism.Kind kindOf(Thread waker) {
        String name = waker.getName();
        if (name.contains("unblocker")) {
            return Nondeterminism.Kind.MONITOR_CONTENTION;
        }
        if (name.contains("unparker") || name.contains("delayScheduler") || name.contains("Timer")) {
            return Nondeterminism.Kind.JDK_TIMED_WAIT;
        }
        return Nondeterminism.Kind.FOREIGN_WAKE_UP;
    }
}
