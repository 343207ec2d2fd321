package dev.cascade.scenario;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.scenario.internal.TreeSpecs;
import dev.cascade.simulation.SimulationReport;
import dev.cascade.trace.FaultRecord;
import dev.cascade.trace.SchedulerInfo;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceRecord;
import dev.cascade.trace.TreeShape;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run of a {@link Scenario}, everything it left: its {@link Outcome} (a view of the trace), the
 * full {@link Trace} up to the end of its settle time, the fault ledger, and, when it ran on a
 * simulated scheduler, the seed and the simulation's report.
 *
 * <pre>{@code
 * ScenarioRun run = ScenarioRunner.record(scenario, SimulatedScheduler.withSeed(42));
 * System.out.println(OutcomeWriter.write(run.outcome()));
 * run.trace().explain(run.trace().events(TraceEvent.Lost.class).getFirst());
 * }</pre>
 *
 * @param scenario   what ran
 * @param outcome    its events, final state, fault ledger and message accounting
 * @param trace      every event of the run, from the tree's start to the end of its settle time (the
 *                   tree's stop afterwards is not part of the run)
 * @param ledger     what became of each fault, in the order they fired ({@link dev.cascade.chaos.FaultPlan} order);
 *                   the outcome's ledger has them in the scenario's order
 * @param scheduler  which scheduler it ran on, with the seed of a simulated one
 * @param simulation the simulated scheduler's report (steps, virtual time, deadlocks, causes of
 *                   non-reproducibility); empty on the real scheduler
 */
public record ScenarioRun(Scenario scenario, Outcome outcome, Trace trace, FaultLedger ledger, SchedulerInfo scheduler,
                          Optional<SimulationReport> simulation) {

    /** Checks that nothing is null. */
    public ScenarioRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(simulation, "simulation");
    }

    /** The simulated scheduler's seed; empty on the real scheduler. */
    public OptionalLong seed() {
        return scheduler.seed();
    }

    /**
     * The run as a {@code cascade-trace/1} file holds it: name, scheduler, the tree's shape, the trace
     * and the ledger.
     *
     * <pre>{@code
     * TraceFile.write(run.traceRecord(), Path.of("out/cache-crash.trace.json"));
     * }</pre>
     */
    public TraceRecord traceRecord() {
        return new TraceRecord(scenario.name(), scheduler,
                TreeShape.of(scenario.tree().id(), TreeSpecs.supervisor(scenario.tree())), trace, FaultRecord.of(ledger));
    }
}
