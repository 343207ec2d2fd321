package dev.cascade.simulation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The determinism self-check: runs the same simulation twice from the same seed, recording every
 * scheduling step, and compares the two complete step logs and the two results. A run is
 * reproducible when both agree and neither saw a wake-up the simulation did not order.
 *
 * <pre>{@code
 * DeterminismCheck.Result<Outcome> check = DeterminismCheck.run(42,
 *         sim -> ScenarioRunner.run(scenario, sim));
 * assertThat(check.reproducible()).as(check.describe()).isTrue();
 * }</pre>
 */
public final class DeterminismCheck {
    private DeterminismCheck() {}

    /**
     * The verdict.
     *
     * @param result        what the first run returned
     * @param first         the first run's report
     * @param second        the second run's report
     * @param difference    the first difference between the runs, if any
     */
    public record Result<T>(T result, SimulationReport first, SimulationReport second, Optional<String> difference) {

        /** True if both runs took the same steps, returned equal results, and nothing outside the seed woke a thread. */
        public boolean reproducible() {
            return difference.isEmpty() && first.reproducible() && second.reproducible();
        }

        /** What was found, in a few lines. */
        public String describe() {
            if (reproducible()) {
                return "reproducible: two runs from seed " + first.seed() + " took the same " + first.steps() + " steps";
            }
            StringBuilder text = new StringBuilder("NOT reproducible from seed " + first.seed() + ":");
            difference.ifPresent(d -> text.append("\n  ").append(d));
            for (Nondeterminism cause : first.nondeterminism()) {
                text.append("\n  ").append(cause.describe());
            }
            return text.toString();
        }
    }

    /**
     * Runs {@code simulation} twice, each time on a fresh {@link SimulatedScheduler} with {@code seed}
     * that records its steps. The function must create its node on the scheduler it is given and
     * close it before returning.
     */
    public static <T> Result<T> run(long seed, Function<SimulatedScheduler, T> simulation) {
        return run(SimulatedScheduler.builder().seed(seed), simulation);
    }

    /**
     * Runs {@code simulation} twice, each time on a fresh scheduler built by {@code schedulers} (its
     * seed, budgets, backend), recording its steps.
     */
    public static <T> Result<T> run(SimulatedScheduler.Builder schedulers, Function<SimulatedScheduler, T> simulation) {
        Objects.requireNonNull(simulation, "simulation");
        SimulatedScheduler one = schedulers.recordSteps(true).build();
        T first = simulation.apply(one);
        SimulatedScheduler two = schedulers.recordSteps(true).build();
        T second = simulation.apply(two);
        return new Result<>(first, one.report(), two.report(), compare(one.stepLog(), two.stepLog(), first, second));
    }

    private static Optional<String> compare(List<String> a, List<String> b, Object first, Object second) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return Optional.of("step " + i + " differs: first run \"" + a.get(i) + "\", second run \"" + b.get(i) + "\"");
            }
        }
        if (a.size() != b.size()) {
            return Optional.of("the first run took " + a.size() + " steps, the second " + b.size());
        }
        if (!Objects.equals(first, second)) {
            return Optional.of("the runs returned different results: " + first + " and " + second);
        }
        return Optional.empty();
    }
}
