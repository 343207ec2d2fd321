package dev.cascade.scenario.internal;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Scenario;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;

/**
 * How a scenario's tree runs, the one place: started with the scenario's plan and run until its
 * last fault plus the settle time (a scenario with dynamic additions is driven by {@link DynamicRun}),
 * the whole trace taken (not the tree's view of it), then the faults ended. {@code ScenarioRunner.record}
 * makes the outcome of it; a spec check ({@code ScenarioSpecs.check}) needs only the trace and the
 * ledger, so it skips the outcome (a seed campaign runs millions).
 *
 * @param trace     every event of the run (the test's own processes too)
 * @param ledger    the final fault ledger, faults that never happened marked skipped
 * @param zeroNanos fault time zero on the scheduler's clock
 */
public record TreeRun(Trace trace, FaultLedger ledger, long zeroNanos) {
    /** Runs {@code scenario}'s tree, started from {@code spec} ({@code TreeSpecs.supervisor(scenario.tree())}), on {@code scheduler} (closed afterwards). */
    public static TreeRun of(Scenario scenario, SupervisorSpec spec, Scheduler scheduler) {
        FaultPlan plan = scenario.plan();
        boolean dynamic = DynamicRun.applies(scenario);
        ChaosTree.Builder builder = ChaosTree.builder(spec).root(scenario.tree().id()).scheduler(scheduler);
        try (ChaosTree tree = (dynamic ? builder : builder.plan(plan)).tryStart()) {
            if (dynamic) {
                DynamicRun.drive(tree, scenario); // starts and faults by instant
            } else if (tree.started()) {
                tree.runUntil(plan.span().plus(scenario.settle()));
            }
            Trace trace = tree.node().trace(); // the run's record, not the tree's view of it (ChaosTree.trace() is scoped to the tree)
            long zero = tree.startNanos();
            return new TreeRun(trace, tree.endFaults(), zero);
        }
    }
}
