package dev.cascade.runtime.internal;

import dev.cascade.runtime.Scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * How a mailbox's owner waits and is woken without a lock: the owner announces that it is about to
 * wait ({@link #arm}, under the mailbox lock, before it looks for a message), then {@link #await}s;
 * whoever changes what the owner looks for (a push, a signal, a timeout, death) rings afterwards.
 * Only a ring that finds the owner parked pays for an unpark; a sender to a busy owner pays one read.
 */
final class Doorbell {
    private static final int RUNNING = 0;
    private static final int ARMED = 1;
    private static final int PARKED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Doorbell.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Scheduler scheduler;
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    private Thread owner; // written by the owner before it arms; read by a ringer that finds it parked

    Doorbell(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The owner is about to look for a message, and will wait if it finds none. */
    void arm() {
        owner = Thread.currentThread();
        state = ARMED;
    }

    /** The owner found what it looked for. */
    void disarm() {
        state = RUNNING;
    }

    /** After a change the owner may be waiting for: wakes it if it is parked. */
    void ring() {
        if (state != RUNNING && (int) STATE.getAndSet(this, RUNNING) == PARKED) {
            scheduler.unpark(owner);
        }
    }

    /** The owner waits until rung (or spuriously; it looks again either way). */
    void await() {
        if (STATE.compareAndSet(this, ARMED, PARKED)) {
            scheduler.park();
        } // else rung meanwhile: look again at once
    }
}
