package dev.cascade.junit;

import dev.cascade.spec.Trial;

import java.util.Objects;

/**
 * One drawn sample of {@link FaultPlans}: the timed faults and the simulation seed the try runs
 * under, so a report prints both and a replay reproduces the exact run.
 *
 * <pre>{@code
 * @Property(tries = 2000)
 * void gatewayFaultsNeverTouchLedger(@ForAll("gatewayFaults") FaultPlan plan) {
 *     Cascade.check(payments(), plan, CascadeSpec.isolation("root/gateway", "root/ledger"));
 * }
 * }</pre>
 *
 * @param faults the faults, timed from when the tree finished starting
 * @param seed   the simulated scheduler's seed
 */
public record FaultPlan(dev.cascade.chaos.FaultPlan faults, long seed) {
    public FaultPlan {
        Objects.requireNonNull(faults, "faults");
    }

    /** The plan and seed as the shrinker and plan files see them. */
    public Trial trial() {
        return new Trial(faults, seed);
    }

    /** A sample for {@code trial}. */
    public static FaultPlan of(Trial trial) {
        return new FaultPlan(trial.plan(), trial.seed());
    }

    /** Every step on a line, {@code raise boom on root/app/cache @100ms}, then {@code seed=42}. */
    @Override
    public String toString() {
        return trial().toString().replace("\n", "; ");
    }
}
