package dev.cascade.cli;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.Deadlock;
import dev.cascade.simulation.DeterminismCheck;
import dev.cascade.simulation.Nondeterminism;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One scenario run as the command line asked: simulated (optionally twice, to check determinism) or real. */
final class Runs {
    private Runs() {}

    /**
     * What a run gave.
     *
     * @param outcome      the outcome
     * @param scheduler    how it ran, for the summary's first line
     * @param report       lines about the simulation (steps, virtual time, deadlocks, causes of non-reproducibility)
     * @param reproducible false if the run depended on more than its seed, or the determinism check failed
     */
    record Done(Outcome outcome, String scheduler, List<String> report, boolean reproducible) {}

    static Done run(Scenario scenario, Arguments arguments) {
        if (arguments.real()) {
            return new Done(ScenarioRunner.run(scenario, Scheduler.real()), "real scheduler", List.of(), true);
        }
        if (arguments.check()) {
            DeterminismCheck.Result<Outcome> check = ScenarioRunner.checkDeterminism(scenario, arguments.seed());
            List<String> lines = lines(check.first());
            lines.add("determinism check: " + check.describe());
            return new Done(check.result(), scheduler(check.first()), lines, check.reproducible());
        }
        SimulatedScheduler sim = SimulatedScheduler.withSeed(arguments.seed());
        Outcome outcome = ScenarioRunner.run(scenario, sim);
        SimulationReport report = sim.report();
        return new Done(outcome, scheduler(report), lines(report), report.reproducible());
    }

    private static String scheduler(SimulationReport report) {
        return "simulated from seed " + report.seed() + ", " + report.backend().name().toLowerCase(Locale.ROOT) + " backend";
    }

    private static List<String> lines(SimulationReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("simulation: " + report.summary() + " (replay with --seed " + report.seed() + ")");
        for (Deadlock deadlock : report.deadlocks()) {
            lines.add(deadlock.describe());
        }
        for (Nondeterminism cause : report.nondeterminism()) {
            lines.add(cause.describe());
        }
        return lines;
    }
}
