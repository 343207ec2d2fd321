package dev.cascade.runtime.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Whether a process is alive, with the guarantee that nothing it sends is delivered after it died:
 * a sender holds the read side while it delivers, death takes the write side.
 */
final class Liveness {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean alive = new AtomicBoolean(true);

    boolean alive() {
        return alive.get();
    }

    /** Enters a delivery on behalf of this process; throws if it is already dead. */
    void enter() {
        lock.readLock().lock();
        if (!alive.get()) {
            lock.readLock().unlock();
            throw ProcessDeath.INSTANCE;
        }
    }

    void exit() {
        lock.readLock().unlock();
    }

    /** Marks the process dead; true for the one caller that did it. */
    boolean kill() {
        if (lock.getReadHoldCount() > 0) {
            // This thread is delivering on the process's behalf; waiting for the write side would
            // deadlock. The flag alone keeps any later delivery out.
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
