package dev.cascade.docs;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.scenario.Scenario;
import dev.cascade.scenario.ScenarioReader;
import dev.cascade.scenario.ScenarioRun;
import dev.cascade.scenario.ScenarioRunner;
import dev.cascade.scenario.ScenarioTree;
import dev.cascade.scenario.ScenarioWriter;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TraceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's "Scenario files and the cascade command" Java examples, run as written. */
class ReadmeScenarioExampleTests {
    static final String CACHE_CRASH = """
            { "format": "cascade-scenario/1", "name": "cache-crash",
              "tree": { "id": "root", "supervisor": true, "strategy": "one_for_one", "intensity": 3, "period_s": 5,
                "children": [ { "id": "db" },
                  { "id": "app", "supervisor": true, "strategy": "rest_for_one", "intensity": 1, "period_s": 5,
                    "children": [ { "id": "cache", "restart": "transient", "shutdown": "brutal_kill" },
                                  { "id": "api", "restart": "temporary" } ] } ] },
              "faults": [ { "at_ms": 100, "target": "root/app/cache", "kind": "raise", "reason": "boom" },
                          { "at_ms": 300, "target": "root/db", "kind": "exit_signal", "reason": "kill" } ],
              "settle_ms": 500 }""";

    @Test
    void a_scenario_run_keeps_its_outcome_its_trace_and_its_trace_file(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cache-crash.json"), CACHE_CRASH);

        ScenarioRun run = ScenarioRunner.record(ScenarioReader.read(dir.resolve("cache-crash.json")), SimulatedScheduler.withSeed(42));
        TraceFile.write(run.traceRecord(), dir.resolve("cache-crash.trace.json"));

        assertThat(run.outcome().finalIncarnations()).containsEntry("root/db", 2).containsEntry("root/app/cache", 2);
        assertThat(run.trace().events(TraceEvent.Exited.class)).isNotEmpty();
        assertThat(TraceFile.read(dir.resolve("cache-crash.trace.json")).name()).isEqualTo("cache-crash");
    }

    @Test
    void a_plan_built_in_java_is_a_scenario_files_faults_section() {
        FaultPlan plan = FaultPlan.builder()
                .at(Duration.ofMillis(100), Fault.raise("root/cache", "boom"))
                .at(Duration.ofMillis(200), Fault.slowHandling("root/db", Duration.ofMillis(50)).matching(MessageMatch.EVERY_MESSAGE))
                .build();

        Scenario scenario = Scenario.named("x").tree(ScenarioTree.supervisor("root")
                        .child(ScenarioTree.worker("db")).child(ScenarioTree.worker("cache")))
                .faults(plan).settle(Duration.ofMillis(500)).build();

        assertThat(ScenarioReader.read(ScenarioWriter.write(scenario)).plan()).isEqualTo(plan);
        assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root").child(ScenarioTree.worker("db")))
                .faults(FaultPlan.now(Fault.slowHandling("root/db", Duration.ofMillis(50)).matching("big", m -> true)))
                .settle(Duration.ZERO).build())
                .hasMessageContaining("fault \"slow handling +50 ms on root/db for big\" has no scenario-file spelling");
    }
}
