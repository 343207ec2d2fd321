package dev.cascade.chaos.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.FaultPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faults of one chaos tree: fired now, or planned from now and fired on time by a plan's own
 * process, until they are ended. On a tree whose root did not start they are only planned, and
 * ending them marks each skipped.
 */
public final class TreeFaults {
    /** Why a fault of a tree whose root did not start never happened. */
    public static final String NOT_STARTED = "the tree did not start; no fault is applied";

    private final LiveTree tree;
    private boolean ended;

    public TreeFaults(LiveTree tree) {
        this.tree = tree;
    }

    /**
     * Fires {@code fault} now and returns once it was applied.
     *
     * @throws dev.cascade.chaos.FaultPlanException if it cannot apply to the tree (nothing is done)
     */
    public void inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (!tree.started()) {
            plan(FaultPlan.now(fault));
            return;
        }
        open();
        Engine engine = tree.engine();
        engine.check(fault);
        tree.agent().cover(List.of(fault));
        int number = engine.plan(tree.sinceStart(), fault);
        tree.node().run(ctx -> {
            engine.fire(ctx, number, fault);
            return null;
        });
    }

    /**
     * Checks {@code plan} against the live tree, then plans it from now.
     *
     * @throws dev.cascade.chaos.FaultPlanException if any fault cannot apply to the tree (none is planned)
     */
    public void apply(FaultPlan plan) {
        Objects.requireNonNull(plan, "plan");
        if (tree.started()) {
            tree.engine().check(plan);
        }
        plan(plan);
    }

    /**
     * Checks {@code plan} against the tree's paths only (a target without a live process now is not
     * refused: it is skipped if it has none when it fires), then plans it from now.
     */
    public void schedule(FaultPlan plan) {
        Objects.requireNonNull(plan, "plan");
        if (tree.started()) {
            plan.faults().forEach(timed -> tree.engine().checkBound(timed.fault()));
        }
        plan(plan);
    }

    /**
     * Plans {@code plan} from now, unchecked (a builder's plan was bound before the tree started), and
     * fires it on time; on a tree that did not start, it only plans it (to be skipped).
     */
    public void plan(FaultPlan plan) {
        open();
        Engine engine = tree.engine();
        Duration now = tree.sinceStart();
        List<Integer> numbers = new ArrayList<>();
        for (FaultPlan.Timed timed : plan.faults()) {
            numbers.add(engine.plan(now.plus(timed.at()), timed.fault()));
        }
        if (tree.started()) {
            tree.agent().cover(plan.faults().stream().map(FaultPlan.Timed::fault).toList());
            long start = tree.node().scheduler().nanoTime();
            tree.node().spawn(ctx -> engine.run(ctx, plan, numbers, start));
        }
    }

    /** Ends the faults (once): what is armed is disarmed, what never happened is marked skipped. The final ledger. */
    public FaultLedger end() {
        if (!ended) {
            ended = true;
            tree.engine().finish(tree.started() ? Engine.RUN_ENDED : NOT_STARTED);
        }
        return tree.engine().ledger();
    }

    private void open() {
        if (ended) {
            throw new IllegalStateException("this chaos tree's faults were ended (endFaults); no fault can be added");
        }
    }
}
