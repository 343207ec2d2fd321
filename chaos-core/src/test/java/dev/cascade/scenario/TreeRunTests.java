package dev.cascade.scenario;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.CascadeRun;
import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.SpecSyntax;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec check runs a scenario's tree as {@code ScenarioRunner.record} does ({@code TreeRun}, without
 * the outcome): dynamic additions included, the verdicts are those of the recorded run.
 */
class TreeRunTests {
    @Test
    void a_scenario_with_dynamic_additions_is_checked_on_the_run_its_recording_makes() {
        Scenario sessions = ScenarioReader.read(DynamicScenarioRunTests.SESSIONS);
        List<CascadeSpec> specs = List.of(CascadeSpec.rootSurvives(), SpecSyntax.parse("containedByStrategy()"),
                SpecSyntax.parse("maxRestarts(root/sessions, 0)"));
        for (long seed = 0; seed < 5; seed++) {
            ScenarioRun recorded = ScenarioRunner.record(sessions, SimulatedScheduler.withSeed(seed));
            CascadeRun run = CascadeRun.of(recorded);

            List<dev.cascade.spec.Verdict> verdicts = ScenarioSpecs.check(sessions, specs, seed);

            assertThat(verdicts).isEqualTo(specs.stream().map(spec -> spec.check(run)).toList());
            assertThat(verdicts.get(2).failed()).as("alice, started at 0 ms, crashes twice: root/sessions gives up and root restarts it").isTrue();
        }
    }
}
