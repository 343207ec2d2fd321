package dev.cascade.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.StampedLock;

/**
 * Whether a process is alive, with the guarantee that nothing it sends is delivered after it died:
 * a sender holds the read side while it delivers, death takes the write side.
 *
 * <p>Only the process's own thread delivers on its behalf, so which thread is delivering is one
 * field rather than a per-thread hold count: a {@link StampedLock} and that field cost an idle
 * process about a third of what a {@code ReentrantReadWriteLock} (with its thread-local hold
 * counter) did.
 */
final class Liveness {
    private static final VarHandle ALIVE;

    static {
        try {
            ALIVE = MethodHandles.lookup().findVarHandle(Liveness.class, "alive", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final StampedLock lock; // null on a scheduler with one thread of control
    private volatile boolean alive = true;
    private Thread delivering; // the thread inside enter/exit; read only by that same thread

    Liveness(boolean exclusive) {
        this.lock = exclusive ? null : new StampedLock();
    }

    boolean alive() {
        return alive;
    }

    /** Enters a delivery on behalf of this process; throws if it is already dead. */
    void enter() {
        if (lock == null) {
            if (!alive) {
                throw ProcessDeath.INSTANCE;
            }
            return;
        }
        lock.readLock();
        if (!alive) {
            lock.tryUnlockRead();
            throw ProcessDeath.INSTANCE;
        }
        delivering = Thread.currentThread();
    }

    void exit() {
        if (lock != null) {
            delivering = null;
            lock.tryUnlockRead();
        }
    }

    /** Marks the process dead; true for the one caller that did it. */
    boolean kill() {
        if (lock == null || delivering == Thread.currentThread()) {
            // One thread of control, or this thread is delivering on the process's behalf (waiting
            // for the write side would deadlock): the flag alone keeps any later delivery out.
            return ALIVE.compareAndSet(this, true, false);
        }
        long stamp = lock.writeLock();
        try {
            return ALIVE.compareAndSet(this, true, false);
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
