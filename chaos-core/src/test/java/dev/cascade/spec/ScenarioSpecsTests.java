package dev.cascade.spec;

import dev.cascade.scenario.Examples;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioFormatException;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.plan.PlanGenerator;
import dev.cascade.spec.plan.PlanSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario file's specs section: read with located errors, checked on a simulated run of the scenario. */
class ScenarioSpecsTests {
    /** scenario-format.md's example, with specs. */
    private static String cacheCrash(String specs) {
        String settle = "\"settle_ms\": 500";
        assertThat(Examples.SCENARIO).contains(settle);
        return Examples.SCENARIO.replace(settle, settle + ",\n  \"specs\": " + specs);
    }

    @Test
    void the_specs_of_a_scenario_file_give_their_verdicts_on_its_run() {
        String json = cacheCrash("""
                ["containedByStrategy()", "rootSurvives()", "isolation(root/app, root/db)", "maxRestarts(root/app/cache, 0)",
                 "maxRestarts(root/app/api, 0)",
                 "escalates(root/app)"]""");
        Scenario scenario = ScenarioReader.read(json);

        List<Verdict> verdicts = ScenarioSpecs.check(scenario, ScenarioSpecs.read(json, scenario), 0);

        assertThat(verdicts).extracting(Verdict::text).satisfiesExactly(
                first -> assertThat(first).isEqualTo("PASS containedByStrategy()"),
                second -> assertThat(second).isEqualTo("PASS rootSurvives()"),
                third -> assertThat(third).isEqualTo("PASS isolation(root/app, root/db)"),
                fourth -> assertThat(fourth).startsWith("FAIL maxRestarts(root/app/cache, 0): root/app/cache was restarted 1 times, more than 0"),
                api -> assertThat(api).isEqualTo("PASS maxRestarts(root/app/api, 0)"),
                fifth -> assertThat(fifth).startsWith("INCONCLUSIVE escalates(root/app): root/app never gave up"));
    }

    @Test
    void a_bad_spec_in_a_scenario_file_is_rejected_at_its_location() {
        assertThatThrownBy(() -> ScenarioReader.read(cacheCrash("[\"rootSurvives()\", \"isolation(root/app, root/dbx)\"]")))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith("specs[1]: spec \"isolation(root/app, root/dbx)\": \"root/dbx\" is not a path of the tree (paths: root, root/db,");
        assertThatThrownBy(() -> ScenarioReader.read(cacheCrash("[\"rootSurvive()\"]")))
                .hasMessageStartingWith("specs[0]: spec \"rootSurvive()\": there is no built-in spec rootSurvive (the specs: ");
        assertThatThrownBy(() -> ScenarioReader.read(cacheCrash("\"rootSurvives()\"")))
                .hasMessage("specs: expected an array of specs like [\"rootSurvives()\"] but was \"rootSurvives()\"");
    }

    @Test
    void a_scenario_without_specs_has_none() {
        String json = cacheCrash("[]").replace(",\n  \"specs\": []", "");
        Scenario scenario = ScenarioReader.read(json);
        assertThat(json).doesNotContain("specs");
        assertThat(ScenarioSpecs.read(json, scenario)).isEmpty();
    }

    @Test
    void the_check_without_the_outcome_gives_the_verdicts_of_the_recorded_run_it_skips_the_outcome_of() {
        String json = cacheCrash("""
                ["containedByStrategy()", "rootSurvives()", "isolation(root/app, root/db)", "maxRestarts(root/db, 2)",
                 "escalates(root/app)", "noLostMessages()"]""");
        Scenario base = ScenarioReader.read(json);
        List<CascadeSpec> specs = ScenarioSpecs.read(json, base);
        PlanGenerator plans = new PlanGenerator(PlanSpace.over(ScenarioSpecs.outline(base)).maxFaults(8));
        Random random = new Random(20);
        for (int i = 0; i < 60; i++) {
            Trial trial = plans.draw(random);
            Scenario scenario = new Scenario(base.name(), base.tree(), trial.plan().faults(), base.settle());
            CascadeRun recorded = CascadeRun.of(ScenarioRunner.record(scenario, SimulatedScheduler.withSeed(trial.seed())));

            assertThat(ScenarioSpecs.check(scenario, specs, trial.seed()))
                    .as("trial %s", trial)
                    .isEqualTo(specs.stream().map(spec -> spec.check(recorded)).toList());
        }
    }
}
