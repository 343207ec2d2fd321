package dev.cascade.cli;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.SimulatedScheduler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome is a view of the trace ({@code Outcome.of}): for every example scenario in
 * {@code examples/}, the outcome the runner computes from the run's trace, written without times,
 * is byte for byte the committed {@code .outcome.json} — on the simulated scheduler for several
 * seeds and on the real one.
 */
class OutcomeFromTraceTests {

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(ExampleScenarioTests.EXAMPLES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.endsWith(".outcome.json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void the_outcome_computed_from_the_trace_is_byte_for_byte_the_committed_outcome_on_the_simulated_scheduler(String name)
            throws IOException {
        String committed = Files.readString(ExampleScenarioTests.EXAMPLES.resolve(name + ".outcome.json"));
        var scenario = ScenarioReader.read(ExampleScenarioTests.EXAMPLES.resolve(name + ".json"));

        for (long seed = 0; seed < 5; seed++) {
            String written = OutcomeWriter.write(ScenarioRunner.run(scenario, SimulatedScheduler.withSeed(seed)).withoutTimes());
            assertThat(written).as("%s, seed %d", name, seed).isEqualTo(committed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void the_outcome_computed_from_the_trace_is_byte_for_byte_the_committed_outcome_on_the_real_scheduler(String name)
            throws IOException {
        String committed = Files.readString(ExampleScenarioTests.EXAMPLES.resolve(name + ".outcome.json"));
        var scenario = ScenarioReader.read(ExampleScenarioTests.EXAMPLES.resolve(name + ".json"));

        String written = OutcomeWriter.write(ScenarioRunner.run(scenario, Scheduler.real()).withoutTimes());

        assertThat(written).as(name).isEqualTo(committed);
    }
}
