package dev.cascade.junit.property;

import dev.cascade.junit.FaultPlan;
import dev.cascade.junit.property.fixtures.ScenarioProperties;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.spec.PlanFile;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/** A failing property over a scenario's tree writes a complete scenario that replays to the same verdict. */
class ScenarioFailureTests {
    @Test
    void the_failure_of_a_property_over_a_scenario_tree_is_a_complete_scenario_that_replays_to_the_same_verdict(@TempDir Path dir)
            throws IOException {
        ScenarioProperties.failures = dir;

        EngineTestKit.engine("jqwik")
                .selectors(selectMethod(ScenarioProperties.class, "appFaultsNeverTakeTheRootDown", FaultPlan.class.getName()))
                .execute().testEvents().assertStatistics(stats -> stats.failed(1));

        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(1);
            file = written.getFirst();
        }
        assertThat(file.getFileName().toString()).matches("app_faults_never_take_the_root_down-[0-9a-f]{8}\\.json");
        Scenario replay = ScenarioReader.read(file);   // what `cascade run` reads
        List<Verdict> verdicts = ScenarioSpecs.check(replay, ScenarioSpecs.read(file, replay), 0);
        assertThat(verdicts).singleElement().satisfies(verdict -> assertThat(verdict.text())
                .startsWith("FAIL rootSurvives(): the root root ended shutdown"));
        assertThat(replay.plan().faults()).hasSizeLessThanOrEqualTo(2);
        assertThat(PlanFile.read(file).specs()).containsExactly("rootSurvives()"); // a regressions folder replays it too
    }
}
