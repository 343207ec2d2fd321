package dev.cascade.spec;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioRun;
import dev.cascade.trace.TraceEvent;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.internal.Lifecycle;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A finished run as specifications observe it: its trace, its fault ledger, the tree's shape, the
 * simulation seed that replays it, and the scheduler times it began (fault time zero) and was
 * observed at.
 *
 * <pre>{@code
 * try (ChaosTree tree = ChaosTree.start(payments)) {
 *     tree.apply(plan);
 *     tree.runFor(Duration.ofSeconds(5));
 *     CascadeRun run = CascadeRun.of(tree, payments);           // taken before the tree closes
 *     CascadeSpec.rootSurvives().verify(run);
 * }
 * }</pre>
 *
 * @param seed       the simulation seed; empty on the real scheduler
 * @param zeroNanos  scheduler time the tree had started at
 * @param endNanos   scheduler time the run was observed at (>= zeroNanos)
 */
public record CascadeRun(Trace trace, FaultLedger ledger, TreeOutline tree, OptionalLong seed, long zeroNanos, long endNanos) {
    public CascadeRun {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(seed, "seed");
        if (endNanos < zeroNanos) {
            throw new IllegalArgumentException("a run ends at or after it starts but ended at " + endNanos + " ns < " + zeroNanos + " ns");
        }
    }

    /**
     * The run of {@code tree} so far, which was started from {@code spec}; take it before closing
     * the tree, or the tree's own shutdown is part of it.
     */
    public static CascadeRun of(ChaosTree tree, SupervisorSpec spec) {
        Objects.requireNonNull(tree, "tree");
        long end = tree.node().scheduler().nanoTime();
        OptionalLong seed = tree.node().scheduler() instanceof SimulatedScheduler simulated
                ? OptionalLong.of(simulated.seed()) : OptionalLong.empty();
        return new CascadeRun(tree.trace().everything(), tree.ledger(), TreeOutline.of(tree.root(), spec), seed,
                end - tree.sinceStart().toNanos(), end);
    }

    /**
     * The run of a scenario ({@code ScenarioRunner.record}): fault time zero is when its root's start
     * returned, and the run ends after its last fault's (or dynamic start's) time plus its settle time.
     */
    public static CascadeRun of(ScenarioRun run) {
        Objects.requireNonNull(run, "run");
        return of(run.scenario(), run.trace(), run.ledger(), ScenarioSpecs.outline(run.scenario()), run.seed());
    }

    /** The run of a scenario from its parts; see {@link #of(ScenarioRun)}. */
    static CascadeRun of(Scenario scenario, Trace trace, FaultLedger ledger, TreeOutline outline, OptionalLong seed) {
        String root = scenario.tree().id();
        List<TraceEvent> events = trace.events();
        long zero = events.isEmpty() ? 0 : events.getFirst().atNanos();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.Started started && started.process().isAt(root)) {
                zero = started.atNanos();
                break;
            }
        }
        long end = zero + scenario.span().plus(scenario.settle()).toNanos();
        return new CascadeRun(trace, ledger, outline, seed, zero, end);
    }

    /** How long the run lasted since the tree started. */
    public Duration length() {
        return Duration.ofNanos(endNanos - zeroNanos);
    }

    /**
     * Paths whose cascade had not finished when the run was observed: permanent children that were
     * down while their supervisor was alive (a restart still to come). Empty when the tree was quiet.
     */
    public List<String> unsettled() {
        Lifecycle lifecycle = Lifecycle.of(trace);
        List<String> open = new ArrayList<>();
        for (String path : tree.paths()) {
            TreeOutline.Node node = tree.node(path).orElseThrow();
            boolean parentAlive = node.parent().map(lifecycle::aliveAtEnd).orElse(false);
            if (node.restart() == Restart.PERMANENT && parentAlive && !lifecycle.aliveAtEnd(path)) {
                open.add(path);
            }
        }
        return open;
    }

    /** The seed as a failure message writes it: {@code seed=42}, or {@code real scheduler (no seed)}. */
    String seedText() {
        return seed.isPresent() ? "seed=" + seed.getAsLong() : "real scheduler (no seed)";
    }
}
