package dev.cascade.simulation.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.internal.Kernel;
import dev.cascade.runtime.internal.ProcessCell;
import dev.cascade.runtime.internal.WaitingOn;
import dev.cascade.simulation.Deadlock;
import dev.cascade.simulation.WaitingCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds processes that wait on each other (calls and starts) in a cycle. Each process waits for at
 * most one other, so the wait-for graph is a set of chains; a chain that returns to itself is a
 * deadlock. Each cycle is reported once: it is known by the waits that form it.
 */
final class DeadlockFinder {
    private final Kernel kernel;
    private final Set<WaitingOn> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Deadlock> found = new ArrayList<>();

    DeadlockFinder(Kernel kernel) {
        this.kernel = kernel;
    }

    List<Deadlock> newCycles(Duration now) {
        Map<Pid, WaitingOn> waits = new HashMap<>();
        for (ProcessCell cell : kernel.cells()) {
            WaitingOn waiting = cell.waiting();
            if (waiting != null && cell.alive()) {
                waits.put(waiting.waiter(), waiting);
            }
        }
        if (waits.size() < 2) {
            return List.of();
        }
        List<Deadlock> fresh = new ArrayList<>();
        Set<Pid> done = new HashSet<>();
        for (Pid start : waits.keySet().stream().sorted(Comparator.comparingLong(Pid::serial)).toList()) {
            LinkedHashSet<Pid> path = new LinkedHashSet<>();
            Pid at = start;
            while (at != null && !done.contains(at) && path.add(at)) {
                WaitingOn next = waits.get(at);
                at = next == null ? null : next.target();
            }
            if (at != null && path.contains(at)) {
                List<WaitingOn> cycle = cycleFrom(at, waits);
                if (!reported.containsAll(cycle)) { // a wait that ended and began again makes a new deadlock
                    reported.addAll(cycle);
                    Deadlock deadlock = new Deadlock(now, cycle.stream().map(DeadlockFinder::describe).toList());
                    found.add(deadlock);
                    fresh.add(deadlock);
                }
            }
            done.addAll(path);
        }
        return fresh;
    }

    private static List<WaitingOn> cycleFrom(Pid first, Map<Pid, WaitingOn> waits) {
        List<WaitingOn> cycle = new ArrayList<>();
        Pid at = first;
        do {
            WaitingOn wait = waits.get(at);
            cycle.add(wait);
            at = wait.target();
        } while (!at.equals(first));
        return cycle;
    }

    private static WaitingCall describe(WaitingOn wait) {
        Thread thread = wait.thread();
        String where = thread == null ? "unknown" : Frames.user(thread.getStackTrace());
        return new WaitingCall(wait.waiter(), wait.kind(), wait.target(), wait.request(), where);
    }

    List<Deadlock> found() {
        return List.copyOf(found);
    }
}
