package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.runtime.Scheduler;
import dev.cascade.simulation.SimulatedScheduler;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * How much slower {@link #realScaled} runs a file on the real scheduler: faults 50 ms apart become
     * 200 ms apart, more than a loaded machine (load 10 on 2 cores) delays a process.
     */
    static final int REAL_SCALE = 4;

    /**
     * The outcome of {@code json} on the real scheduler with every time in the file
     * {@link #REAL_SCALE} times longer, whose events (without times) must be exactly
     * {@code simulated}'s: the file's order of events is unchanged, its gaps wider than real time's
     * jitter. Its event times are the scaled run's.
     */
    static Outcome realScaled(String json, Outcome simulated) {
        Scenario slower = ScenarioReader.read(scaled(json, REAL_SCALE));
        Outcome slowerSimulated = ScenarioRunner.run(slower, SimulatedScheduler.withSeed(0));
        assertThat(events(slowerSimulated)).as("the scaled file, simulated").isEqualTo(events(simulated));
        assertThat(slowerSimulated.events().stream().map(OutcomeEvent::tMs).toList())
                .as("the scaled file, simulated: every event at %d times its time, so no timed field was missed", REAL_SCALE)
                .isEqualTo(simulated.events().stream().map(OutcomeEvent::tMs)
                        .map(t -> t.isPresent() ? OptionalLong.of(t.getAsLong() * REAL_SCALE) : t).toList());
        Outcome real = ScenarioRunner.run(slower, Scheduler.real());
        assertThat(OutcomeWriter.write(real.withoutTimes())).isEqualTo(OutcomeWriter.write(simulated.withoutTimes()));
        return real;
    }

    /**
     * {@code json} with every time {@code factor} times longer: written out in full first (so defaults
     * such as {@code period_s} 5 and {@code shutdown_ms} 5000 are there to scale), then each
     * {@code *_ms} and {@code period_s} field multiplied.
     */
    static String scaled(String json, int factor) {
        String full = ScenarioWriter.write(ScenarioReader.read(json));
        Matcher timed = Pattern.compile("\"([a-z_]+_ms|period_s)\": (\\d+)").matcher(full);
        return timed.replaceAll(m -> "\"" + m.group(1) + "\": " + Long.parseLong(m.group(2)) * factor);
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
