package dev.cascade.catalog;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.runtime.ExitReason;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.SupervisorNode;
import dev.cascade.scenario.WorkerNode;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.Restart;
import dev.cascade.trace.TraceEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The probes: each entry's faults run against a user's tree on the simulated scheduler, seed 0. */
final class Probes {
    private Probes() {}

    /** Each worker's crash loop (a breach of its supervisor's intensity, once the tree's traffic ran for 510 ms): are other processes' queued messages lost? */
    static List<Finding> silentCascade(Scenario tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : Trees.workers(tree)) {
            WorkerNode worker = Trees.worker(tree, path);
            SupervisorNode parent = (SupervisorNode) tree.node(Trees.parent(path)).orElseThrow();
            if (worker.restart() == Restart.TEMPORARY || parent.intensity() < 1) {
                continue;
            }
            CatalogRun run = run(tree, "probe-silent-cascade", Duration.ofSeconds(2), timed(510, Fault.breachIntensity(path)));
            Map<String, Integer> lost = new LinkedHashMap<>();
            for (TraceEvent.MessageLost message : run.spec().trace().events(TraceEvent.MessageLost.class)) {
                message.in().path().filter(at -> !at.equals(path)).ifPresent(at -> lost.merge(at, 1, Integer::sum));
            }
            if (!lost.isEmpty()) {
                found.add(new Finding(Catalog.SILENT_CASCADE, path, "a crash loop of " + path + " breaches " + parent.id()
                        + "'s intensity (" + parent.intensity() + " in " + parent.period().toSeconds() + " s) and takes down more than "
                        + path + ": messages queued elsewhere vanish with it " + lost + ", and no error says so"));
            }
        }
        return found;
    }

    /** A flood of 10,000 messages at each worker that takes time per message: does its mailbox grow without bound? */
    static List<Finding> unboundedMailbox(Scenario tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : Trees.workers(tree)) {
            WorkerNode worker = Trees.worker(tree, path);
            if (worker.handling().isZero()) {
                continue;
            }
            CatalogRun run = run(tree, "probe-unbounded-mailbox", Duration.ofSeconds(1),
                    timed(0, Fault.flood(path, 10_000, FloodMessage.NUMBERED)));
            long queued = run.spec().trace().accountingByPath().getOrDefault(path, dev.cascade.trace.Accounting.ZERO).queued();
            if (queued > 1_000) {
                found.add(new Finding(Catalog.UNBOUNDED_MAILBOX, path, queued + " of a flood of 10000 messages still wait in " + path
                        + "'s mailbox 1 s later (it takes " + worker.handling().toMillis() + " ms per message): nothing bounds it, "
                        + "so memory grows with the load; give it a bounded mailbox with an overflow policy"));
            }
        }
        return found;
    }

    /** Each worker with a slow init, killed with a sibling: how long does the sibling stay down? */
    static List<Finding> initTrap(Scenario tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : Trees.workers(tree)) {
            WorkerNode worker = Trees.worker(tree, path);
            if (worker.initDelay().compareTo(Duration.ofMillis(100)) < 0 || worker.restart() == Restart.TEMPORARY) {
                continue;
            }
            String parent = Trees.parent(path);
            for (String sibling : Trees.children(tree, parent)) {
                if (sibling.equals(path) || !(tree.node(sibling).orElseThrow() instanceof WorkerNode w) || w.restart() == Restart.TEMPORARY) {
                    continue;
                }
                Duration settle = worker.initDelay().plus(Duration.ofSeconds(1));
                CatalogRun run = run(tree, "probe-init-trap", settle, timed(0, Fault.kill(path)), timed(50, Fault.kill(sibling)));
                long zero = run.spec().zeroNanos();
                long back = run.spec().trace().events(TraceEvent.Started.class).stream()
                        .filter(started -> started.process().isAt(sibling) && started.atNanos() > zero)
                        .mapToLong(started -> (started.atNanos() - zero) / 1_000_000).findFirst().orElse(-1);
                long down = back < 0 ? settle.toMillis() : back - 50;
                boolean gaveUp = run.spec().trace().events(TraceEvent.SupervisorGaveUp.class).stream()
                        .anyMatch(up -> up.supervisor().isAt(parent));
                if (down >= 500) {
                    found.add(new Finding(Catalog.INIT_TRAP, path, path + "'s init takes " + worker.initDelay().toMillis()
                            + " ms: its supervisor " + parent + " starts nothing else meanwhile (" + sibling + ", killed 50 ms after "
                            + path + ", was down " + (back < 0 ? "more than " : "") + down + " ms"
                            + (gaveUp ? ", and then " + parent + " gave up: the two restarts exceeded its intensity" : "")
                            + "); move the slow work to handleContinue"));
                }
                break;
            }
        }
        return found;
    }

    /** Each worker called by two or more others, made slow for one message: do the other callers' calls fail? */
    static List<Finding> godObject(Scenario tree) {
        List<Finding> found = new ArrayList<>();
        for (Map.Entry<String, Set<String>> callee : Trees.callers(tree).entrySet()) {
            if (callee.getValue().size() < 2) {
                continue;
            }
            Duration slow = Trees.longestTimeout(tree, callee.getKey()).plus(Duration.ofSeconds(1));
            CatalogRun run = run(tree, "probe-god-object", slow.plus(Duration.ofSeconds(1)),
                    timed(0, Fault.slowHandling(callee.getKey(), slow).matching(MessageMatch.EVERY_MESSAGE).forMessages(1)));
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
    static List<Finding> callTimeoutCascade(Scenario tree) {
        List<Finding> found = new ArrayList<>();
        Map<String, Set<String>> callers = Trees.callers(tree);
        for (Map.Entry<String, Set<String>> callee : callers.entrySet()) {
            boolean chain = callee.getValue().stream().anyMatch(caller -> callers.containsKey(caller));
            if (!chain) {
                continue;
            }
            Duration slow = Trees.longestTimeout(tree, callee.getKey()).plus(Duration.ofSeconds(1));
            CatalogRun run = run(tree, "probe-call-timeout-cascade", slow.plus(Duration.ofSeconds(2)),
                    timed(0, Fault.slowHandling(callee.getKey(), slow).matching(MessageMatch.EVERY_MESSAGE).forMessages(1)));
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

    /** Each temporary worker, crashed once: is it ever running again? */
    static List<Finding> temporaryChild(Scenario tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : Trees.workers(tree)) {
            if (Trees.worker(tree, path).restart() != Restart.TEMPORARY) {
                continue;
            }
            CatalogRun run = run(tree, "probe-temporary-child", Duration.ofSeconds(1), timed(0, Fault.raise(path, "probe")));
            if (Checks.aliveAtEnd(path).check(run).failed()) {
                found.add(new Finding(Catalog.TEMPORARY_CHILD, path, path + " is temporary: after one crash nothing restarts it "
                        + "and its work stops for good; make it transient (restarted after abnormal exits) if the work must survive"));
            }
        }
        return found;
    }

    /** A burst of three crashes of the root's workers, 100 ms apart: does the root give up? */
    static List<Finding> rootDefaultIntensity(Scenario tree) {
        List<String> targets = Trees.workers(tree).stream()
                .filter(path -> Trees.worker(tree, path).restart() != Restart.TEMPORARY).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        List<FaultPlan.Timed> burst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            burst.add(timed(100L * i, Fault.raise(targets.get(i % targets.size()), "burst")));
        }
        Duration slowestStart = targets.stream().map(path -> Trees.worker(tree, path).initDelay()).max(Duration::compareTo).orElseThrow();
        CatalogRun run = run(tree, "probe-root-default-intensity", Duration.ofSeconds(2).plus(slowestStart.multipliedBy(3)),
                burst.toArray(FaultPlan.Timed[]::new));
        SupervisorNode root = tree.tree();
        boolean gaveUp = run.spec().trace().events(TraceEvent.SupervisorGaveUp.class).stream()
                .anyMatch(up -> up.supervisor().isAt(root.id()));
        if (!gaveUp) {
            return List.of();
        }
        return List.of(new Finding(Catalog.ROOT_DEFAULT_INTENSITY, root.id(), "a burst of 3 crashes 100 ms apart ("
                + String.join(", ", burst.stream().map(t -> t.fault().describe()).toList()) + ") takes the whole tree down: "
                + root.id() + " allows " + root.intensity() + " restart(s) in " + root.period().toSeconds()
                + " s; size the root's intensity for bursts and give flaky workers a supervisor of their own"));
    }

    private static List<String> failedCallers(CatalogRun run, Set<String> callers) {
        Set<String> failed = new LinkedHashSet<>();
        for (TraceEvent.Exited exited : run.spec().trace().events(TraceEvent.Exited.class)) {
            if (exited.reason() instanceof ExitReason.CallFailed) {
                exited.process().path().filter(callers::contains).ifPresent(failed::add);
            }
        }
        return List.copyOf(failed);
    }

    private static FaultPlan.Timed timed(long atMs, Fault fault) {
        return new FaultPlan.Timed(Duration.ofMillis(atMs), fault);
    }

    private static CatalogRun run(Scenario tree, String name, Duration settle, FaultPlan.Timed... faults) {
        return CatalogRun.of(new Scenario(name, tree.tree(), List.of(faults), settle), SimulatedScheduler.withSeed(0));
    }
}
