package dev.cascade.runtime;

import java.util.List;

/**
 * Observes a node's lifecycle events as they happen, on the thread that causes them. Methods must
 * be quick and must not block or call back into the runtime.
 *
 * <p>A low-level hook, kept for tests and benchmarks that watch the runtime directly. It is not the
 * record of a run: a run's record is its {@link dev.cascade.trace.Trace}, of which a scenario's
 * outcome, the JUnit assertions and the reports are views; nothing in Cascade computes a result
 * from this listener.
 */
public interface RuntimeListener {

    RuntimeListener NONE = new RuntimeListener() {};

    /** A process was created; {@code parent} is the process that spawned it, or null from outside. */
    default void processSpawned(Pid pid, Pid parent) {}

    /**
     * A process ended. Called after it became dead to the world and before its links and monitors
     * are notified, so this event precedes everything it causes.
     *
     * @param unhandled the messages still queued in its mailbox, lost with it
     */
    default void processExited(Pid pid, ExitReason reason, List<Object> unhandled) {}

    /** A supervisor's start of child {@code childId} returned a process. */
    default void childStarted(Pid supervisor, String childId, Pid child) {}

    /** A supervisor's start of child {@code childId} failed with {@code reason}. */
    default void childStartFailed(Pid supervisor, String childId, ExitReason reason) {}

    /** A supervisor's start of child {@code childId} returned ignore. */
    default void childIgnored(Pid supervisor, String childId) {}
}
