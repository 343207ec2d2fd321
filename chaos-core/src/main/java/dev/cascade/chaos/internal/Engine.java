package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.internal.Kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The fault machinery bound to one tree: checks plans, fires their faults on time, keeps the ledger. */
public final class Engine {
    private final Kernel kernel;
    private final Binding binding;
    private final Ledger ledger = new Ledger();
    private final Hits hits;
    private final Injector injector;
    private final Firing firing;
    private final MethodRules methods;
    private final TreeShape shape;
    private volatile boolean finished;

    public Engine(Kernel kernel, TreeShape shape, long zero) {
        this.kernel = kernel;
        this.shape = shape;
        shape.grows(new DynamicNodes(kernel));
        this.binding = new Binding(shape, Binding.Vocabulary.JAVA);
        this.hits = new Hits(kernel, ledger, zero);
        this.injector = new Injector(kernel, hits);
        this.methods = new MethodRules(kernel, hits);
        this.firing = new Firing(kernel, hits, injector, methods, shape);
    }

    /** Checks every fault of {@code plan} against the tree; throws before anything is planned. */
    public void check(FaultPlan plan) {
        plan.faults().forEach(timed -> binding.checkLive(timed.fault(), kernel.tree()));
    }

    /** Checks {@code fault} against the tree's paths, not its live processes. */
    public void checkBound(Fault fault) {
        binding.check(fault);
    }

    public void check(Fault fault) {
        binding.checkLive(fault, kernel.tree());
    }

    /** Registers {@code fault} as planned at {@code at} since the tree started; its ledger number. */
    public int plan(Duration at, Fault fault) {
        return ledger.plan(at, fault);
    }

    /** Fires fault {@code number} now, from the calling (injector) process. */
    public void fire(ProcessContext ctx, int number, Fault fault) {
        if (!finished) { // a plan's process may outlive the end of its faults: what it has left never fires
            firing.fire(ctx, number, fault);
        }
    }

    /**
     * The body of a plan's process: fires each fault at its time after {@code start} (scheduler nanos),
     * in plan order; {@code numbers} are their ledger numbers.
     */
    public void run(ProcessContext ctx, FaultPlan plan, List<Integer> numbers, long start) {
        List<FaultPlan.Timed> faults = new ArrayList<>(plan.faults());
        for (int i = 0; i < faults.size(); i++) {
            long wait = start + faults.get(i).at().toNanos() - ctx.nanoTime();
            if (wait > 0) {
                ctx.sleep(Duration.ofNanos(wait));
            }
            fire(ctx, numbers.get(i), faults.get(i).fault());
        }
    }

    /** Where fault {@code number} stands now; constant time, unlike a {@link #ledger()} snapshot. */
    public LedgerEntry.Status status(int number) {
        return ledger.status(number);
    }

    public FaultLedger ledger() {
        return ledger.snapshot();
    }

    /** Why a fault that never happened in a run that ended was skipped. */
    public static final String RUN_ENDED = "the run ended before it applied";

    /** The run ended: unbinds the hooks; what never happened is marked skipped with {@code why}, in the ledger and the trace. */
    public void finish(String why) {
        finished = true;
        injector.finish();
        methods.finish();
        for (LedgerEntry skipped : ledger.close(why)) {
            hits.traceSkipped(null, skipped.number(), skipped.fault(), skipped.why());
        }
    }

    /** The tree's paths, as its spec gives them. */
    public TreeShape shape() {
        return shape;
    }

    public Kernel kernel() {
        return kernel;
    }
}
