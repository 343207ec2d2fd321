package dev.cascade.cli;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioRun;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.Deadlock;
import dev.cascade.simulation.DeterminismCheck;
import dev.cascade.simulation.Nondeterminism;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;
import dev.cascade.trace.TraceRecord;

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
     * @param trace        the run as a {@code cascade-trace/1} file holds it
     * @param scheduler    how it ran, for the summary's first line
     * @param report       lines about the simulation (steps, virtual time, deadlocks, causes of non-reproducibility)
     * @param reproducible false if the run depended on more than its seed, or the determinism check failed
     * @param run          the run itself, which specs observe
     */
    record Done(Outcome outcome, TraceRecord trace, String scheduler, List<String> report, boolean reproducible, ScenarioRun run) {}

    /** A run compared by its outcome alone, as the determinism check compares runs (a trace has no equality of its own). */
    private record SameOutcome(ScenarioRun run) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SameOutcome same && same.run.outcome().equals(run.outcome());
        }

        @Override
        public int hashCode() {
            return run.outcome().hashCode();
        }
    }

    static Done run(Scenario scenario, Arguments arguments) {
        if (arguments.real()) {
            ScenarioRun run = ScenarioRunner.record(scenario, Scheduler.real());
            return new Done(run.outcome(), run.traceRecord(), "real scheduler", List.of(), true, run);
        }
        if (arguments.check()) {
            DeterminismCheck.Result<SameOutcome> check = DeterminismCheck.run(schedulers(arguments),
                    sim -> new SameOutcome(ScenarioRunner.record(scenario, sim)));
            List<String> lines = lines(check.first());
            lines.add("determinism check: " + check.describe());
            ScenarioRun run = check.result().run();
            return new Done(run.outcome(), run.traceRecord(), scheduler(check.first()), lines, check.reproducible(), run);
        }
        ScenarioRun run = ScenarioRunner.record(scenario, schedulers(arguments).build());
        SimulationReport report = run.simulation().orElseThrow();
        return new Done(run.outcome(), run.traceRecord(), scheduler(report), lines(report), report.reproducible(), run);
    }

    /** The simulation the command line asks for: its seed, within its run budgets. */
    private static SimulatedScheduler.Builder schedulers(Arguments arguments) {
        return SimulatedScheduler.builder().seed(arguments.seed()).maxSteps(arguments.budget().maxSteps())
                .realTimeLimit(arguments.budget().maxSeconds());
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
