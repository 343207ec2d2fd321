package dev.cascade.scenario.internal;

/** What the runner asks a scenario worker to do to itself. */
sealed interface FaultCommand {
    /** The worker's handler throws {@code Crash(reason)}. */
    record Raise(String reason) implements FaultCommand {}

    /** The worker's handler stops the worker with {@code reason}. */
    record Stop(String reason) implements FaultCommand {}
}
