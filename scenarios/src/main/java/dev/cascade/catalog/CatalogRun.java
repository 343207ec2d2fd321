package dev.cascade.catalog;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioRun;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.Deadlock;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.simulation.SimulationReport;
import dev.cascade.spec.CascadeRun;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.FaultRecord;
import dev.cascade.trace.SchedulerInfo;
import dev.cascade.trace.TraceRecord;
import dev.cascade.trace.TreeShape;

import java.util.List;
import java.util.Objects;

/**
 * One run of a catalog story (an entry's bad or fixed tree, or a probe of a user's tree), as the
 * entries' checks observe it: the spec's view ({@link CascadeRun}), the run as a trace file holds it
 * (for the HTML report) and the deadlocks the simulation found (empty on the real scheduler, whose
 * deadlocks end only by timeouts).
 *
 * <pre>{@code
 * CatalogRun run = CatalogRun.of(scenario, SimulatedScheduler.withSeed(0));
 * Verdict verdict = Catalog.SILENT_CASCADE.check(run);
 * }</pre>
 *
 * @param spec      the run as specifications observe it
 * @param record    the run as a {@code cascade-trace/1} file holds it
 * @param deadlocks the call cycles the simulated scheduler found, at the moment each formed
 */
public record CatalogRun(CascadeRun spec, TraceRecord record, List<Deadlock> deadlocks) {

    /** Checks that nothing is null. */
    public CatalogRun {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(record, "record");
        deadlocks = List.copyOf(deadlocks);
    }

    /**
     * Runs {@code scenario} on {@code scheduler}: the tree starts, the faults apply from fault time
     * zero, the run lasts the faults' span plus the settle time.
     */
    public static CatalogRun of(Scenario scenario, Scheduler scheduler) {
        ScenarioRun run = ScenarioRunner.record(scenario, scheduler);
        CascadeRun spec = CascadeRun.of(run);
        List<Deadlock> deadlocks = run.simulation().map(SimulationReport::deadlocks).orElse(List.of());
        return new CatalogRun(spec, run.traceRecord(), deadlocks);
    }

    /** The run so far of {@code tree}, started from {@code spec}, named {@code name}; take it before closing the tree. */
    public static CatalogRun of(String name, ChaosTree tree, SupervisorSpec spec) {
        Scheduler scheduler = tree.node().scheduler();
        CascadeRun run = CascadeRun.of(tree, spec);
        TraceRecord record = new TraceRecord(name, SchedulerInfo.of(scheduler), TreeShape.of(tree.root(), spec), run.trace(),
                FaultRecord.of(tree.ledger()));
        List<Deadlock> deadlocks = scheduler instanceof SimulatedScheduler simulated ? simulated.deadlocks() : List.of();
        return new CatalogRun(run, record, deadlocks);
    }
}
