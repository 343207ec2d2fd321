package dev.cascade.scenario;

/** What a {@link ScenarioFault} does; files spell them {@code raise}, {@code stop}, {@code exit_signal}. */
public enum FaultKind {
    /** The worker's own handler throws; it ends with {@code error:<reason>} (workers only). */
    RAISE,
    /** The worker's handler stops the worker with the reason (workers only). */
    STOP,
    /** An exit signal with the reason arrives from a process outside the tree (not a parent). */
    EXIT_SIGNAL;

    /** Whether only a worker can be the target: {@link #RAISE} and {@link #STOP}. */
    public boolean needsWorker() {
        return this != EXIT_SIGNAL;
    }
}
