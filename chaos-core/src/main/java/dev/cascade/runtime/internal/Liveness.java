package dev.cascade.runtime.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Whether a process is alive, with the guarantee that nothing it sends is delivered after it died:
 * a sender holds the read side while it delivers, death takes the write side.
 */
final class Liveness {
    private final ReentrantReadWriteLock lock; // null on a scheduler with one thread of control
    private final AtomicBoolean alive = new AtomicBoolean(true);

    Liveness(boolean exclusive) {
        this.lock = exclusive ? null : new ReentrantReadWriteLock();
    }

    boolean alive() {
        return alive.get();
    }

    /** Enters a delivery on behalf of this process; throws if it is already dead. */
    void enter() {
        if (lock == null) {
            if (!alive.get()) {
                throw ProcessDeath.INSTANCE;
            }
            return;
        }
        lock.readLock().lock();
        if (!alive.get()) {
            lock.readLock().unlock();
            throw ProcessDeath.INSTANCE;
        }
    }

    void exit() {
        if (lock != null) {
            lock.readLock().unlock();
        }
    }

    /** Marks the process dead; true for the one caller that did it. */
    boolean kill() {
        if (lock == null || lock.getReadHoldCount() > 0) {
            // One thread of control, or this thread is delivering on the process's behalf (waiting
            // for the write side would deadlock): the flag alone keeps any later delivery out.
            return alive.compareAndSet(true, false);
        }
        lock.writeLock().lock();
        try {
            return alive.compareAndSet(true, false);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
