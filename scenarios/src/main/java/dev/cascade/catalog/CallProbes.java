package dev.cascade.catalog;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.runtime.Pid;
import dev.cascade.simulation.Deadlock;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.cascade.catalog.Probes.failedCallers;
import static dev.cascade.catalog.Probes.timed;

/** The probes of calls between workers, on the calls a tree makes on its own ({@link Observed}). */
final class CallProbes {
    private CallProbes() {}

    /** Each worker called by two or more others, made slow for one message: do the other callers' calls fail? */
    static List<Finding> godObject(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        Observed observed = Observed.of(tree);
        for (Map.Entry<String, Set<String>> callee : observed.callers().entrySet()) {
            if (callee.getValue().size() < 2) {
                continue;
            }
            Duration slow = observed.timeout().get(callee.getKey()).plus(Duration.ofSeconds(1));
            CatalogRun run = tree.run("probe-god-object", List.of(timed(0, Fault.slowHandling(callee.getKey(), slow)
                    .matching(MessageMatch.EVERY_MESSAGE).forMessages(1))), slow.plus(Duration.ofSeconds(1)));
            List<String> failed = failedCallers(run, callee.getValue());
            if (!failed.isEmpty()) {
                found.add(new Finding(Catalog.GOD_OBJECT, callee.getKey(), callee.getKey() + " serves " + callee.getValue().size()
                        + " callers " + callee.getValue() + ": one message handled " + slow.toMillis() + " ms late made " + failed
                        + " crash on a failed call; give each concern its own server"));
            }
        }
        return found;
    }

    /** A slow worker at the end of a chain of calls: do callers further up crash too? */
    static List<Finding> callTimeoutCascade(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        Observed observed = Observed.of(tree);
        Map<String, Set<String>> callers = observed.callers();
        for (Map.Entry<String, Set<String>> callee : callers.entrySet()) {
            if (callee.getValue().stream().noneMatch(callers::containsKey)) {
                continue;
            }
            Duration slow = observed.timeout().get(callee.getKey()).plus(Duration.ofSeconds(1));
            CatalogRun run = tree.run("probe-call-timeout-cascade", List.of(timed(0, Fault.slowHandling(callee.getKey(), slow)
                    .matching(MessageMatch.EVERY_MESSAGE).forMessages(1))), slow.plus(Duration.ofSeconds(2)));
            Set<String> upstream = new LinkedHashSet<>();
            for (String caller : callee.getValue()) {
                upstream.addAll(callers.getOrDefault(caller, Set.of()));
            }
            List<String> failed = failedCallers(run, upstream);
            if (!failed.isEmpty()) {
                found.add(new Finding(Catalog.CALL_TIMEOUT_CASCADE, callee.getKey(), "one message handled " + slow.toMillis()
                        + " ms late by " + callee.getKey() + " times out its callers " + callee.getValue()
                        + ", and their callers " + failed + " crash in turn: the timeout travels up the chain"));
            }
        }
        return found;
    }

    /** The tree's own traffic, watched for a cycle of calls each waiting for the next (the simulation's wait-for graph). */
    static List<Finding> callDeadlock(ProbeTree tree) {
        Observed observed = Observed.of(tree);
        if (observed.run().deadlocks().isEmpty()) {
            return List.of();
        }
        Deadlock deadlock = observed.run().deadlocks().getFirst();
        Map<Pid, String> names = new HashMap<>();
        for (TraceEvent.Started started : observed.run().spec().trace().events(TraceEvent.Started.class)) {
            started.process().path().ifPresent(path -> names.put(started.process().pid(), path));
        }
        List<String> waits = deadlock.cycle().stream().map(call -> names.getOrDefault(call.process(), call.process().toString())
                + " waits in a " + call.kind() + " to " + names.getOrDefault(call.waitsFor(), call.waitsFor().toString())
                + " (request: " + call.request() + ")").toList();
        String first = names.getOrDefault(deadlock.cycle().getFirst().process(), deadlock.cycle().getFirst().process().toString());
        return List.of(new Finding(Catalog.CALL_DEADLOCK, first, String.join(" and ", waits) + " (found at "
                + deadlock.at().toMillis() + " ms of virtual time, in the tree's own traffic): each waits for a reply the next cannot send until its own call returns, so "
                + "only the call timeouts end it; answer from the callee's own state, or cast instead of calling back"));
    }
}
