package dev.cascade.simulation;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Processes that wait on each other's calls in a cycle while nothing else in the simulation can
 * run: only a timeout can end it. Reported the moment it forms, before virtual time moves on.
 *
 * @param at    the virtual time it was found
 * @param cycle the waits, each on the next, the last on the first
 */
public record Deadlock(Duration at, List<WaitingCall> cycle) {

    public Deadlock {
        cycle = List.copyOf(cycle);
    }

    /** A few lines: the time, then one line per waiting process. */
    public String describe() {
        return "deadlock at " + at.toMillis() + " ms of virtual time, " + cycle.size() + " processes wait on each other:\n"
                + cycle.stream().map(call -> "  " + call.describe()).collect(Collectors.joining("\n"));
    }
}
