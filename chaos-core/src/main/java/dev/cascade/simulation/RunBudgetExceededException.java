package dev.cascade.simulation;

import java.time.Duration;

/**
 * A simulation stopped because it reached a run budget: more scheduling steps than
 * {@link SimulatedScheduler.Builder#maxSteps} allows, or more real time than
 * {@link SimulatedScheduler.Builder#realTimeLimit}. It is not a failure of what was simulated: the
 * run was too large to finish within the budget. Raise the budget, or shorten the run.
 *
 * <pre>{@code
 * try {
 *     ScenarioRunner.run(scenario, SimulatedScheduler.builder().maxSteps(1_000_000).build());
 * } catch (RunBudgetExceededException tooLarge) {
 *     System.err.println(tooLarge.getMessage()); // names the budget, its limit and where the run was
 * }
 * }</pre>
 */
public final class RunBudgetExceededException extends IllegalStateException {
    /** Which budget a run reached. */
    public enum Budget {
        /** Scheduling steps: deterministic, the same for every run from the same seed. */
        STEPS,
        /** Real (wall-clock) time of one driving call. */
        REAL_TIME
    }

    private final Budget budget;
    private final long steps;
    private final Duration virtualTime;

    public RunBudgetExceededException(Budget budget, String limit, long steps, Duration virtualTime) {
        super("the simulation reached its " + (budget == Budget.STEPS ? "step budget" : "real-time budget") + " of " + limit
                + " (at virtual time " + virtualTime.toMillis() + " ms, after " + steps + " steps) before getting where it was"
                + " asked to; the run is too large to finish within it, or a process loops forever");
        this.budget = budget;
        this.steps = steps;
        this.virtualTime = virtualTime;
    }

    /** The budget the run reached. */
    public Budget budget() {
        return budget;
    }

    /** The steps taken when it stopped. */
    public long steps() {
        return steps;
    }

    /** The virtual time when it stopped. */
    public Duration virtualTime() {
        return virtualTime;
    }
}
