package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;
import java.util.List;
import java.util.Optional;

/** Runs scenario texts the way the runner tests need: simulated from several seeds, or real. */
final class ScenarioRuns {
    /** Seeds every simulated check runs from; each must give the same outcome, times included. */
    static final int SEEDS = 5;

    private ScenarioRuns() {}

    /** A scenario file around {@code tree} (a JSON object), {@code faults} (JSON objects) and {@code settleMs}. */
    static String file(String tree, int settleMs, String... faults) {
        return """
                { "format": "cascade-scenario/1", "name": "run", "tree": %s, "faults": [ %s ], "settle_ms": %d }
                """.formatted(tree, String.join(", ", faults), settleMs);
    }

    /**
     * The outcome of {@code json} on the simulated scheduler, after checking that seeds 0 to
     * {@link #SEEDS} - 1 all give it (events with their times, ledger and messages) and replay
     * reproducibly.
     */
    static Outcome simulated(String json) {
        Scenario scenario = ScenarioReader.read(json);
        String first = null;
        Outcome outcome = null;
        for (long seed = 0; seed < SEEDS; seed++) {
            SimulatedScheduler sim = SimulatedScheduler.withSeed(seed);
            Outcome run = ScenarioRunner.run(scenario, sim);
            assertThat(sim.report().reproducible()).as("seed %d: %s", seed, sim.report().nondeterminism()).isTrue();
            String text = OutcomeWriter.write(run);
            if (first == null) {
                first = text;
                outcome = run;
            }
            assertThat(text).as("seed %d against seed 0", seed).isEqualTo(first);
        }
        return outcome;
    }

    /** The outcome of {@code json} on the real scheduler, whose events (without times) must be {@code simulated}'s. */
    static Outcome realLike(String json, Outcome simulated) {
        Outcome real = ScenarioRunner.run(ScenarioReader.read(json), Scheduler.real());
        assertThat(OutcomeWriter.write(real.withoutTimes())).isEqualTo(OutcomeWriter.write(simulated.withoutTimes()));
        return real;
    }

    /** The events of {@code outcome} without their times, for containsExactly. */
    static List<OutcomeEvent> events(Outcome outcome) {
        return outcome.withoutTimes().events();
    }

    /** The time of the first event equal (without time) to {@code event}. */
    static long timeOf(Outcome outcome, OutcomeEvent event) {
        Optional<OutcomeEvent> found = outcome.events().stream().filter(e -> e.withoutTime().equals(event)).findFirst();
        assertThat(found).as("event %s in %s", event, outcome.events()).isPresent();
        return found.get().tMs().orElseThrow();
    }
}
