package dev.cascade.agent.internal;

import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;

/** The faults armed on user methods for the processes of one node (the fault engine of a chaos tree implements it). */
public interface MethodFaults {

    /** The node whose processes these faults hit. */
    Kernel kernel();

    /**
     * A process of {@link #kernel()} is entering {@code site}: applies what is armed on it (a delay
     * blocks the caller on the node's clock) and returns the exception to throw instead of running
     * the method, or null to run it.
     */
    Throwable onCall(ProcessCell caller, Site site);
}
