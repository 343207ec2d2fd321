package dev.cascade.simulation;

/** Thrown by a driving call of a simulation whose {@link DeadlockPolicy} is {@link DeadlockPolicy#STOP}. */
public final class DeadlockException extends RuntimeException {
    private final transient Deadlock deadlock;

    public DeadlockException(Deadlock deadlock) {
        super(deadlock.describe());
        this.deadlock = deadlock;
    }

    /** The deadlock that stopped the run. */
    public Deadlock deadlock() {
        return deadlock;
    }
}
