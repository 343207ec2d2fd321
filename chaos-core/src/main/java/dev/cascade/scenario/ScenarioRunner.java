package dev.cascade.scenario;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.internal.DynamicRun;
import dev.cascade.scenario.internal.Sections;
import dev.cascade.scenario.internal.TreeRun;
import dev.cascade.scenario.internal.TreeSpecs;
import dev.cascade.simulation.DeterminismCheck;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.SchedulerInfo;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TreeShape;

import java.util.Objects;
import java.util.Optional;

/**
 * Runs a {@link Scenario} as a {@link ChaosTree}: the tree is started with the scenario's
 * {@linkplain Scenario#plan() fault plan}, each fault applied {@code at} after the tree finished
 * starting (fault time zero) to the process holding its target path at that moment; the tree runs
 * until {@code settle} after the last fault (after time zero if there are none); the trace is taken
 * then, the faults are ended (what never happened is skipped) and the tree is stopped. The outcome is
 * a view of that trace ({@link Outcome#of}). A tree that fails to start is an outcome too: its
 * start-up events, and every fault skipped.
 *
 * <p>A scenario whose dynamic supervisors start children runs from one instant of the scenario to the
 * next instead: at each, the children due are started (by a process outside the tree asking the
 * supervisor holding the path), then the faults due are applied; the run ends {@code settle} after the
 * last fault or start.
 *
 * <pre>{@code
 * ScenarioRun run = ScenarioRunner.record(ScenarioReader.read(Path.of("cache-crash.json")), SimulatedScheduler.withSeed(42));
 * System.out.println(OutcomeWriter.write(run.outcome()));
 * run.trace().events(TraceEvent.Lost.class);
 * }</pre>
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /** Runs {@code scenario} on the simulated scheduler from seed 0, the default for scenario files, and returns its outcome. */
    public static Outcome run(Scenario scenario) {
        return run(scenario, SimulatedScheduler.withSeed(0));
    }

    /** Runs {@code scenario} on {@code scheduler} (closed afterwards) and returns its outcome: {@code record(..).outcome()}. */
    public static Outcome run(Scenario scenario, Scheduler scheduler) {
        return record(scenario, scheduler).outcome();
    }

    /**
     * Runs {@code scenario} twice on the simulated scheduler from {@code seed} and compares the
     * complete step logs and the outcomes; see {@link DeterminismCheck}.
     */
    public static DeterminismCheck.Result<Outcome> checkDeterminism(Scenario scenario, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        return DeterminismCheck.run(seed, sim -> run(scenario, sim));
    }

    /**
     * Runs {@code scenario} on {@code scheduler} (closed afterwards) and returns everything the run
     * left: outcome, trace, ledger, and the seed and report of a simulated scheduler.
     */
    public static ScenarioRun record(Scenario scenario, Scheduler scheduler) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(scheduler, "scheduler");
        String root = scenario.tree().id();
        SupervisorSpec spec = TreeSpecs.supervisor(scenario.tree());
        TreeRun ran = TreeRun.of(scenario, spec, scheduler);
        Trace trace = ran.trace();
        FaultLedger ledger = ran.ledger();
        long zero = ran.zeroNanos();
        boolean dynamic = DynamicRun.applies(scenario);
        Outcome outcome = Outcome.of(scenario.name(), trace, TreeShape.of(root, spec), ledger, zero,
                Sections.ledger(scenario, ledger));
        if (dynamic) {
            outcome = DynamicRun.withDynamicPaths(outcome, scenario, trace);
        }
        Optional<SimulationReport> report = scheduler instanceof SimulatedScheduler simulated
                ? Optional.of(simulated.report()) : Optional.empty();
        return new ScenarioRun(scenario, outcome, trace, ledger, SchedulerInfo.of(scheduler), report);
    }
}
