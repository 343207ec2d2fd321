package dev.cascade.scenario;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.runtime.ExitReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Strategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTests {

    static final Scenario EXPECTED = new Scenario("cache-crash",
            new SupervisorNode("root", Strategy.ONE_FOR_ONE, 3, Duration.ofSeconds(5), Restart.PERMANENT,
                    Shutdown.INFINITY, List.of(
                    new WorkerNode("db", Restart.PERMANENT, Shutdown.millis(5000), new TreeSet<>(), new TreeSet<>(),
                            Duration.ZERO, false, Duration.ZERO),
                    new SupervisorNode("app", Strategy.REST_FOR_ONE, 1, Duration.ofSeconds(5), Restart.PERMANENT,
                            Shutdown.INFINITY, List.of(
                            new WorkerNode("cache", Restart.TRANSIENT, Shutdown.BRUTAL_KILL, new TreeSet<>(),
                                    new TreeSet<>(), Duration.ZERO, false, Duration.ZERO),
                            new WorkerNode("api", Restart.TEMPORARY, Shutdown.millis(5000), new TreeSet<>(List.of(2)),
                                    new TreeSet<>(), Duration.ZERO, false, Duration.ZERO))))),
            List.of(new FaultPlan.Timed(Duration.ofMillis(100), Fault.raise("root/app/cache", "boom")),
                    new FaultPlan.Timed(Duration.ofMillis(300), Fault.exitSignal("root/db", ExitReason.ofWord("kill")))),
            Duration.ofMillis(500));

    @Nested
    class The_format_example {

        @Test
        void parses_to_the_expected_records() {
            assertThat(ScenarioReader.read(Examples.SCENARIO)).isEqualTo(EXPECTED);
        }

        @Test
        void equals_the_same_scenario_built_with_the_dsl() {
            Scenario built = Scenario.named("cache-crash")
                    .tree(ScenarioTree.supervisor("root").intensity(3)
                            .child(ScenarioTree.worker("db"))
                            .child(ScenarioTree.supervisor("app").strategy(Strategy.REST_FOR_ONE)
                                    .child(ScenarioTree.worker("cache").restart(Restart.TRANSIENT)
                                            .shutdown(Shutdown.BRUTAL_KILL))
                                    .child(ScenarioTree.worker("api").restart(Restart.TEMPORARY).failOn(2))))
                    .fault(Duration.ofMillis(100), Fault.raise("root/app/cache", "boom"))
                    .fault(Duration.ofMillis(300), Fault.exitSignal("root/db", ExitReason.ofWord("kill")))
                    .settle(Duration.ofMillis(500))
                    .build();

            assertThat(built).isEqualTo(EXPECTED);
        }

        @Test
        void lists_paths_in_start_order() {
            assertThat(EXPECTED.paths()).containsExactly("root", "root/db", "root/app", "root/app/cache", "root/app/api");
        }

        @Test
        void finds_nodes_by_path() {
            assertThat(EXPECTED.node("root/app/api")).get().isInstanceOf(WorkerNode.class)
                    .extracting(ScenarioNode::restart).isEqualTo(Restart.TEMPORARY);
            assertThat(EXPECTED.node("root/app")).get().isInstanceOf(SupervisorNode.class);
            assertThat(EXPECTED.node("root/nope")).isEmpty();
        }

        @Test
        void reads_from_a_utf8_file(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("cache-crash.json"), Examples.SCENARIO, StandardCharsets.UTF_8);

            assertThat(ScenarioReader.read(file)).isEqualTo(EXPECTED);
        }
    }

    @Nested
    class Round_trip {

        @Test
        void reading_what_the_writer_wrote_gives_the_same_scenario() {
            assertThat(ScenarioReader.read(ScenarioWriter.write(EXPECTED))).isEqualTo(EXPECTED);
        }

        @Test
        void keeps_every_worker_option() {
            Scenario scenario = Scenario.named("all_options")
                    .tree(ScenarioTree.supervisor("root").strategy(Strategy.ONE_FOR_ALL).intensity(0)
                            .period(Duration.ofSeconds(2))
                            .child(ScenarioTree.worker("w").restart(Restart.TRANSIENT).shutdown(Shutdown.millis(300))
                                    .failOn(1, 3).ignoreOn(2).initDelay(Duration.ofMillis(20)).trapExit(true)
                                    .terminateDelay(Duration.ofMillis(400)))
                            .child(ScenarioTree.supervisor("s").restart(Restart.TEMPORARY)
                                    .shutdown(Shutdown.BRUTAL_KILL)))
                    .fault(Duration.ZERO, Fault.stop("root/w", ExitReason.ofWord("shutdown:bye")))
                    .settle(Duration.ZERO)
                    .build();

            assertThat(ScenarioReader.read(ScenarioWriter.write(scenario))).isEqualTo(scenario);
        }

        @Test
        void writes_the_same_text_every_time() {
            String text = ScenarioWriter.write(EXPECTED);

            assertThat(ScenarioWriter.write(ScenarioReader.read(text))).isEqualTo(text);
        }

        @Test
        void writes_one_worker_and_one_fault_per_line() {
            String text = ScenarioWriter.write(EXPECTED);

            assertThat(text).contains(
                    "\n      { \"id\": \"db\", \"restart\": \"permanent\", \"shutdown_ms\": 5000 },\n",
                    "\n    { \"at_ms\": 100, \"target\": \"root/app/cache\", \"kind\": \"raise\", \"reason\": \"boom\" },\n",
                    "\n            \"init\": { \"fail_on\": [2] }\n");
        }
    }

    @Nested
    class Defaults {

        static final String MINIMAL = """
                { "format": "cascade-scenario/1", "name": "minimal",
                  "tree": { "id": "root", "children": [
                    { "id": "w" },
                    { "id": "s", "supervisor": true, "children": [] } ] },
                  "faults": [], "settle_ms": 0 }
                """;

        @Test
        void a_root_without_supervisor_field_is_a_supervisor_with_default_settings() {
            SupervisorNode root = ScenarioReader.read(MINIMAL).tree();

            assertThat(root).isEqualTo(ScenarioTree.supervisor("root")
                    .child(ScenarioTree.worker("w"))
                    .child(ScenarioTree.supervisor("s"))
                    .build());
            assertThat(root.strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
            assertThat(root.intensity()).isEqualTo(1);
            assertThat(root.period()).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void workers_default_to_a_5000_ms_shutdown_and_supervisors_to_infinity() {
            SupervisorNode root = ScenarioReader.read(MINIMAL).tree();

            assertThat(root.children()).extracting(ScenarioNode::shutdown)
                    .containsExactly(Shutdown.millis(5000), Shutdown.INFINITY);
        }

        @Test
        void a_shutdown_in_milliseconds_may_be_given_either_way() {
            String viaShutdown = MINIMAL.replace("{ \"id\": \"w\" }", "{ \"id\": \"w\", \"shutdown\": 250 }");
            String viaShutdownMs = MINIMAL.replace("{ \"id\": \"w\" }", "{ \"id\": \"w\", \"shutdown_ms\": 250 }");

            assertThat(ScenarioReader.read(viaShutdown)).isEqualTo(ScenarioReader.read(viaShutdownMs));
            assertThat(ScenarioReader.read(viaShutdown).node("root/w")).get()
                    .extracting(ScenarioNode::shutdown).isEqualTo(Shutdown.millis(250));
        }
    }

    @Nested
    class An_attempt_in_both_fail_on_and_ignore_on {

        static final String BOTH = ScenarioRuns.file("""
                { "id": "root", "intensity": 3, "children": [
                  { "id": "w", "init": { "fail_on": [2], "ignore_on": [2, 4] } } ] }
                """, 200, """
                { "at_ms": 100, "target": "root/w", "kind": "raise", "reason": "boom" }
                """);

        @Test
        void is_no_error_in_the_file_nor_in_the_dsl() {
            WorkerNode w = (WorkerNode) ScenarioReader.read(BOTH).tree().children().getFirst();
            assertThat(w.failOn()).containsExactly(2);
            assertThat(w.ignoreOn()).containsExactly(2, 4);
            assertThat(ScenarioTree.worker("w").failOn(2).ignoreOn(2).build().ignoreOn()).containsExactly(2);
        }

        @Test
        void fails_because_fail_on_wins() {
            Outcome outcome = ScenarioRuns.simulated(BOTH);
            assertThat(ScenarioRuns.events(outcome)).containsExactly(
                    new OutcomeEvent.Started("root/w", 1), new OutcomeEvent.Started("root", 1),
                    new OutcomeEvent.Exited("root/w", 1, "error:boom"),
                    new OutcomeEvent.StartFailed("root/w", "init_failed"),
                    new OutcomeEvent.Started("root/w", 2));
        }
    }

    @Nested
    class Dsl {

        @Test
        void steps_are_immutable_and_reusable() {
            SupervisorBuilder root = ScenarioTree.supervisor("root");
            SupervisorBuilder withChild = root.child(ScenarioTree.worker("db"));

            assertThat(root.build().children()).isEmpty();
            assertThat(withChild.build().children()).hasSize(1);
        }

        @Test
        void build_without_settle_names_the_missing_step() {
            assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root")).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("scenario x has no settle time: call settle(Duration), e.g."
                            + " settle(Duration.ofMillis(500)), before build()");
        }

        @Test
        void records_reject_bad_values_with_the_value() {
            assertThatThrownBy(() -> ScenarioTree.supervisor("root").intensity(-1).build())
                    .hasMessage("intensity of supervisor root must be >= 0 but was: -1");
            assertThatThrownBy(() -> ScenarioTree.supervisor("root").period(Duration.ofMillis(1500)).build())
                    .hasMessage("period of supervisor root must be a whole number of seconds from 1 to 3153600000 but was: 1500 ms");
            assertThatThrownBy(() -> ScenarioTree.worker("w").terminateDelay(Duration.ofMillis(300)).build())
                    .hasMessage("terminateDelay of worker w must be 0 ms unless it traps exits but was: 300 ms;"
                            + " set trapExit(true) or drop the delay");
        }

        @Test
        void a_fault_must_target_a_path_of_the_tree() {
            assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root")
                            .child(ScenarioTree.worker("db")))
                    .fault(Duration.ZERO, Fault.raise("root/nope", "boom"))
                    .settle(Duration.ZERO).build())
                    .hasMessage("fault 0 (raise on root/nope), target: no node at path \"root/nope\" (paths: root, root/db)");
        }
    }
}
