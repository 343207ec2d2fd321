package dev.cascade.trace;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.supervisor.SupervisorSpec;

import java.util.List;
import java.util.Objects;

/**
 * Everything known about one run, as a {@code cascade-trace/1} file holds it: what was run (its
 * name, the scheduler and seed, the tree's shape), the trace, and the fault ledger. The trace carries
 * the message accounting and what a bounded trace left out.
 *
 * <pre>{@code
 * TraceRecord record = TraceRecord.of("payments", tree, spec);   // after tree.close()
 * TraceFile.write(record, Path.of("target/payments.trace.json"));
 * }</pre>
 *
 * @param name      the scenario's name, the test's display name, or empty
 * @param scheduler which scheduler the run was on
 * @param tree      the tree's shape ({@link TreeShape#NONE} without a tree)
 * @param trace     the run's trace
 * @param ledger    every planned fault, in plan order
 */
public record TraceRecord(String name, SchedulerInfo scheduler, TreeShape tree, Trace trace, List<FaultRecord> ledger) {
    /** Rejects null; copies the ledger. */
    public TraceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(trace, "trace");
        ledger = List.copyOf(ledger);
    }

    /** The record of a chaos tree's run so far ({@code spec} is what it was started with). */
    public static TraceRecord of(String name, ChaosTree tree, SupervisorSpec spec) {
        return new TraceRecord(name, SchedulerInfo.of(tree.node().scheduler()), TreeShape.of(tree.root(), spec), tree.trace(),
                FaultRecord.of(tree.ledger()));
    }
}
