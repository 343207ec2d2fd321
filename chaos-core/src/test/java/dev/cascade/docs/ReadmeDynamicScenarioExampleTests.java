package dev.cascade.docs;

import dev.cascade.chaos.Fault;
import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.scenario.ScenarioTree;
import dev.cascade.scenario.ScenarioWriter;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Trees as teams build them" scenario-file example (a dynamic supervisor of sessions), run as written. */
class ReadmeDynamicScenarioExampleTests {

    @Test
    void the_sessions_scenario_built_in_java_runs_as_the_example_file_says_and_writes_the_addition() {
        // README: begin dynamic-scenario
        Scenario sessions = Scenario.named("user-sessions")
                .tree(ScenarioTree.supervisor("root").intensity(3)
                        .child(ScenarioTree.worker("gateway"))
                        .child(ScenarioTree.dynamicSupervisor("sessions").intensity(1).maxChildren(2)
                                .template(ScenarioTree.worker("session").restart(Restart.TRANSIENT).shutdown(Shutdown.millis(1000)))
                                .start(Duration.ZERO, "session", "alice")               // root/sessions/alice
                                .start(Duration.ofMillis(100), "session", "bob")
                                .start(Duration.ofMillis(200), "session", "carol")))    // past max_children
                .fault(Duration.ofMillis(300), Fault.raise("root/sessions/alice", "boom"))
                .fault(Duration.ofMillis(600), Fault.raise("root/sessions/alice", "boom"))
                .settle(Duration.ofMillis(500))
                .build();
        Outcome outcome = ScenarioRunner.run(sessions);          // simulated, seed 0
        String file = ScenarioWriter.write(sessions);            // "supervisor": "dynamic", "templates", "starts"
        // README: end dynamic-scenario

        assertThat(ScenarioReader.read(file)).isEqualTo(sessions);
        assertThat(outcome.withoutTimes().events()).contains(new OutcomeEvent.StartFailed("root/sessions/carol", "max_children"),
                new OutcomeEvent.Started("root/sessions/alice", 2), new OutcomeEvent.SupervisorTerminated("root/sessions", 1, "shutdown"));
        assertThat(outcome.finalIncarnations()).containsEntry("root/sessions", 2).containsEntry("root/sessions/alice", null)
                .containsEntry("root/sessions/bob", null).containsEntry("root/sessions/carol", null);
    }
}
