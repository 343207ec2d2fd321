/**
 * Seeded fault-plan drawing without jqwik: a {@link dev.cascade.spec.plan.PlanSpace} (tree, targets,
 * kinds, at most how many faults, horizon) and a {@link dev.cascade.spec.plan.PlanGenerator} that
 * draws a {@link dev.cascade.spec.Trial} from a {@link java.util.Random}. The JUnit extension's
 * {@code FaultPlans} and the CLI's campaigns both draw from it, so they cover the same space.
 */
package dev.cascade.spec.plan;
