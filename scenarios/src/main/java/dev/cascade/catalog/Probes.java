package dev.cascade.catalog;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.spec.TreeOutline;
import dev.cascade.supervisor.Restart;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TreeShape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The probes of how a tree lives and restarts: each entry's faults run against a user's tree (a
 * scenario file's or a {@code SupervisorSpec}) on the simulated scheduler; what the tree does on its
 * own (start times, traffic) is read from a fault-free run ({@link Observed}).
 */
final class Probes {
    private Probes() {}

    /** Each worker's crash loop (a breach of its supervisor's intensity, once the tree's traffic ran for 510 ms): are other processes' queued messages lost? */
    static List<Finding> silentCascade(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        TreeOutline outline = tree.outline();
        for (String path : workers(outline)) {
            TreeOutline.Node parent = parent(outline, path);
            TreeShape.Supervisor limits = parent.settings().orElseThrow(); // a parent of known children is a known supervisor
            if (node(outline, path).restart() == Restart.TEMPORARY || limits.intensity() < 1) {
                continue;
            }
            CatalogRun run = tree.run("probe-silent-cascade", List.of(timed(510, Fault.breachIntensity(path))), Duration.ofSeconds(2));
            Map<String, Integer> lost = new LinkedHashMap<>();
            for (TraceEvent.MessageLost message : run.spec().trace().events(TraceEvent.MessageLost.class)) {
                message.in().path().filter(at -> !at.equals(path)).ifPresent(at -> lost.merge(at, 1, Integer::sum));
            }
            if (!lost.isEmpty()) {
                found.add(new Finding(Catalog.SILENT_CASCADE, path, "a crash loop of " + path + " breaches " + parent.path()
                        + "'s intensity (" + limits.intensity() + " in " + limits.period().toSeconds() + " s) and takes down more than "
                        + path + ": messages queued elsewhere vanish with it " + lost + ", and no error says so"));
            }
        }
        return found;
    }

    /** A flood of 10,000 messages at each worker: does its mailbox grow without bound? */
    static List<Finding> unboundedMailbox(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : workers(tree.outline())) {
            CatalogRun run = tree.run("probe-unbounded-mailbox", List.of(timed(0, Fault.flood(path, 10_000, FloodMessage.NUMBERED))),
                    Duration.ofSeconds(1));
            long queued = run.spec().trace().accountingByPath().getOrDefault(path, Accounting.ZERO).queued();
            if (queued > 1_000) {
                found.add(new Finding(Catalog.UNBOUNDED_MAILBOX, path, queued + " of a flood of 10000 messages still wait in " + path
                        + "'s mailbox 1 s later: nothing bounds it, so memory grows with the load; give it a bounded mailbox with an "
                        + "overflow policy"));
            }
        }
        return found;
    }

    /** Each worker whose start takes 100 ms or more, killed with a sibling 50 ms later: how long does the sibling stay down? */
    static List<Finding> initTrap(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        TreeOutline outline = tree.outline();
        Observed observed = Observed.of(tree);
        for (String path : workers(outline)) {
            Duration init = observed.start(path);
            if (init.compareTo(Duration.ofMillis(100)) < 0 || node(outline, path).restart() == Restart.TEMPORARY) {
                continue;
            }
            String parent = parent(outline, path).path();
            String sibling = parent(outline, path).children().stream().filter(other -> !other.equals(path))
                    .filter(other -> !node(outline, other).supervisor() && node(outline, other).restart() != Restart.TEMPORARY)
                    .findFirst().orElse(null);
            if (sibling == null) {
                continue;
            }
            Duration settle = init.plus(Duration.ofSeconds(1));
            CatalogRun run = tree.run("probe-init-trap", List.of(timed(0, Fault.kill(path)), timed(50, Fault.kill(sibling))), settle);
            long zero = run.spec().zeroNanos();
            long back = run.spec().trace().events(TraceEvent.Started.class).stream()
                    .filter(started -> started.process().isAt(sibling) && started.atNanos() > zero)
                    .mapToLong(started -> (started.atNanos() - zero) / 1_000_000).findFirst().orElse(-1);
            long down = back < 0 ? settle.toMillis() : back - 50;
            boolean gaveUp = run.spec().trace().events(TraceEvent.SupervisorGaveUp.class).stream()
                    .anyMatch(up -> up.supervisor().isAt(parent));
            if (down >= 500) {
                found.add(new Finding(Catalog.INIT_TRAP, path, path + "'s init takes " + init.toMillis()
                        + " ms: its supervisor " + parent + " starts nothing else meanwhile (" + sibling + ", killed 50 ms after "
                        + path + ", was down " + (back < 0 ? "more than " : "") + down + " ms"
                        + (gaveUp ? ", and then " + parent + " gave up: the two restarts exceeded its intensity" : "")
                        + "); move the slow work to handleContinue"));
            }
        }
        return found;
    }

    /** Each temporary worker, crashed once: is it ever running again? */
    static List<Finding> temporaryChild(ProbeTree tree) {
        List<Finding> found = new ArrayList<>();
        for (String path : workers(tree.outline())) {
            if (node(tree.outline(), path).restart() != Restart.TEMPORARY) {
                continue;
            }
            CatalogRun run = tree.run("probe-temporary-child", List.of(timed(0, Fault.raise(path, "probe"))), Duration.ofSeconds(1));
            if (Checks.aliveAtEnd(path).check(run).failed()) {
                found.add(new Finding(Catalog.TEMPORARY_CHILD, path, path + " is temporary: after one crash nothing restarts it "
                        + "and its work stops for good; make it transient (restarted after abnormal exits) if the work must survive"));
            }
        }
        return found;
    }

    /** A burst of three crashes of the tree's workers, 100 ms apart: does the root give up? */
    static List<Finding> rootDefaultIntensity(ProbeTree tree) {
        TreeOutline outline = tree.outline();
        List<String> targets = workers(outline).stream().filter(path -> node(outline, path).restart() != Restart.TEMPORARY).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        List<FaultPlan.Timed> burst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            burst.add(timed(100L * i, Fault.raise(targets.get(i % targets.size()), "burst")));
        }
        Observed observed = Observed.of(tree);
        Duration slowestStart = targets.stream().map(observed::start).max(Duration::compareTo).orElseThrow();
        CatalogRun run = tree.run("probe-root-default-intensity", burst, Duration.ofSeconds(2).plus(slowestStart.multipliedBy(3)));
        TreeOutline.Node root = node(outline, outline.root());
        boolean gaveUp = run.spec().trace().events(TraceEvent.SupervisorGaveUp.class).stream()
                .anyMatch(up -> up.supervisor().isAt(root.path()));
        if (!gaveUp) {
            return List.of();
        }
        return List.of(new Finding(Catalog.ROOT_DEFAULT_INTENSITY, root.path(), "a burst of 3 crashes 100 ms apart ("
                + String.join(", ", burst.stream().map(t -> t.fault().describe()).toList()) + ") takes the whole tree down: "
                + root.path() + " allows " + root.settings().orElseThrow().intensity() + " restart(s) in "
                + root.settings().orElseThrow().period().toSeconds()
                + " s; size the root's intensity for bursts and give flaky workers a supervisor of their own"));
    }

    static List<String> workers(TreeOutline outline) {
        return outline.paths().stream().filter(path -> Observed.worker(outline, path)).toList();
    }

    static TreeOutline.Node node(TreeOutline outline, String path) {
        return outline.node(path).orElseThrow();
    }

    static TreeOutline.Node parent(TreeOutline outline, String path) {
        return node(outline, node(outline, path).parent().orElseThrow());
    }

    /** The processes among {@code paths} that ended because one of their calls failed. */
    static List<String> failedCallers(CatalogRun run, Set<String> paths) {
        Set<String> failed = new LinkedHashSet<>();
        for (TraceEvent.Exited exited : run.spec().trace().events(TraceEvent.Exited.class)) {
            if (exited.reason() instanceof ExitReason.CallFailed) {
                exited.process().path().filter(paths::contains).ifPresent(failed::add);
            }
        }
        return List.copyOf(failed);
    }

    static FaultPlan.Timed timed(long atMs, Fault fault) {
        return new FaultPlan.Timed(Duration.ofMillis(atMs), fault);
    }
}
