package dev.cascade.cli;

import dev.cascade.runtime.Scheduler;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeReader;
import dev.cascade.scenario.OutcomeWriter;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example scenario kept in {@code examples/} gives, event for event, the outcome OTP gives
 * (the expected {@code .outcome.json} beside it, derived from otp-semantics.md; {@code t_ms} ignored).
 */
class ExampleScenarioTests {
    static final Path EXAMPLES = Path.of("examples");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "cache-crash",              // the scenario-format.md example: rest_for_one group restart, temporary dropped
            "nested-give-up",           // I8: a crash loop exceeds the nested supervisor's intensity; the parent restarts it
            "rest-for-one",             // 3.5: terminate newest first after the failed child, restart in start order; S2
            "failed-restart",           // R1-R2: failed restart attempts retried through the mailbox until one succeeds
            "failed-restart-gives-up",  // R4: every failed attempt counts; intensity 3 gives 3 attempts, then shutdown
            "killed-supervisor",        // T3: canonical order after a killed supervisor; its trapping children end killed
            "start-failure"             // 3.3: a child fails in init; the tree fails upward, level by level
    })
    void example_outcome_is_what_otp_produces(String name) throws IOException {
        Outcome expected = OutcomeReader.read(Files.readString(EXAMPLES.resolve(name + ".outcome.json")));

        Outcome actual = ScenarioRunner.run(ScenarioReader.read(EXAMPLES.resolve(name + ".json")), Scheduler.real());

        assertThat(OutcomeWriter.write(actual.withoutTimes())).isEqualTo(OutcomeWriter.write(expected.withoutTimes()));
    }
}
