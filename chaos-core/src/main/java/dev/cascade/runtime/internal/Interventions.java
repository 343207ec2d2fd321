package dev.cascade.runtime.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;

/**
 * Where injected faults reach into the runtime: the node holds one only while a fault plan is
 * bound to it (otherwise every hook is a single null check). Each method runs on the thread of the
 * process concerned and may block it on the scheduler's clock (a slow start, a slow handler).
 */
public interface Interventions {

    /**
     * A message ({@code entry}: the message, or its traced envelope) from {@code from} to {@code to}
     * is about to be queued. Returns true to queue it now; false if a fault took it (dropped it, or
     * holds it to queue later with {@link ProcessCell#deliverHeld}, or queued copies itself).
     */
    boolean beforeSend(ProcessCell from, Pid to, Object entry);

    /** A GenServer of a tree path is about to run {@code init}: may wait; returns a reason to fail the start, or null. */
    ExitReason beforeInit(ProcessCell cell);

    /**
     * A GenServer is about to hand {@code message} to a callback; for a call, {@code caller} and
     * its {@code callTimeout}, else both null. May wait (a slow handler).
     */
    void beforeHandle(ProcessCell cell, Object message, Pid caller, Timeout callTimeout);
}
