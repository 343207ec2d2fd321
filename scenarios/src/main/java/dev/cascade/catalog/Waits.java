package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.simulation.SimulatedScheduler;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a Java story's tree to reach a state, on either scheduler. */
final class Waits {
    private Waits() {}

    /**
     * Runs the tree until {@code done} holds: on virtual time when simulated; on the real scheduler by
     * checking every few milliseconds, up to {@code max} of real time.
     *
     * @throws IllegalStateException if it does not hold within {@code max}
     */
    static void until(ChaosTree tree, String what, BooleanSupplier done, Duration max) {
        if (tree.node().scheduler() instanceof SimulatedScheduler) {
            tree.runUntil(what, t -> done.getAsBoolean(), max);
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the tree did not reach \"" + what + "\" within " + max.toMillis()
                        + " ms of real time; the machine may be overloaded, or the story is broken");
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
