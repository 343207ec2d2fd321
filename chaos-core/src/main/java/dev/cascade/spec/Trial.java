package dev.cascade.spec;

import dev.cascade.chaos.ChaosTree;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.SupervisorSpec;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault plan with the simulation seed to run it under: everything that decides a simulated
 * run of a given tree, and so what a property draws, a shrinker shrinks and a plan file keeps.
 *
 * <pre>{@code
 * Trial trial = new Trial(FaultPlan.now(Fault.kill("root/db")), 42);
 * CascadeRun run = trial.run(payments, Duration.ofSeconds(5));
 * }</pre>
 *
 * @param plan the faults, timed from fault time zero (when the tree finished starting)
 * @param seed the simulated scheduler's seed
 */
public record Trial(FaultPlan plan, long seed) {
    public Trial {
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * Starts {@code spec} as the root {@code root} on a fresh simulated scheduler with this seed,
     * applies the plan, lets the tree run until {@code settle} after the plan's last fault, and
     * returns the run (taken before the tree is closed).
     *
     * @throws dev.cascade.chaos.FaultPlanException if a fault cannot apply to this tree
     */
    public CascadeRun run(SupervisorSpec spec, Duration settle) {
        return run("root", spec, settle);
    }

    /** {@link #run(SupervisorSpec, Duration)} with the root's id {@code root} (a scenario's root id). */
    public CascadeRun run(String root, SupervisorSpec spec, Duration settle) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(settle, "settle");
        try (ChaosTree tree = ChaosTree.builder(spec).root(root).scheduler(SimulatedScheduler.withSeed(seed)).start()) {
            tree.apply(plan);
            tree.runFor(plan.span().plus(settle));
            return CascadeRun.of(tree, spec);
        }
    }

    /** The steps one per line, {@code raise boom on root/app/cache @100ms}, then the seed. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (FaultPlan.Timed timed : plan.faults()) {
            text.append(timed.fault().describe()).append(" @").append(timed.at().toMillis()).append("ms\n");
        }
        return text.append("seed=").append(seed).toString();
    }
}
