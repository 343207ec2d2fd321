package dev.cascade.scenario;

import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.DeterminismCheck;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.scenario.internal.Run;

import java.util.Objects;

/**
 * Runs a {@link Scenario} on a fresh, traced node and returns its {@link Outcome}: the tree is
 * started, each fault is applied {@code at} after the tree finished starting (fault time zero) to
 * the process holding its target path at that moment, through the chaos fault engine (so every
 * fault of the plan is available and each fault is in the outcome's ledger), and the run ends
 * {@code settle} after the last fault (after time zero if there are none). The fault ledger and
 * each path's message accounting are taken then; the tree is then shut down without recording.
 *
 * <pre>{@code
 * Outcome outcome = ScenarioRunner.run(ScenarioReader.read(Path.of("cache-crash.json")), SimulatedScheduler.withSeed(42));
 * System.out.println(OutcomeWriter.write(outcome));
 * }</pre>
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /** Runs {@code scenario} on the simulated scheduler from seed 0: the default for scenario files. */
    public static Outcome run(Scenario scenario) {
        return run(scenario, SimulatedScheduler.withSeed(0));
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
     * Runs {@code scenario} on {@code scheduler}; the scheduler is closed afterwards. (Its faults were
     * bound to its tree when it was built: a plan that cannot apply never gets here.)
     */
    public static Outcome run(Scenario scenario, Scheduler scheduler) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(scheduler, "scheduler");
        return new Run(scenario, scheduler).execute();
    }
}
