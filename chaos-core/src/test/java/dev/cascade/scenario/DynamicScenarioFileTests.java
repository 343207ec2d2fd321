package dev.cascade.scenario;

import static dev.cascade.scenario.BadScenarioFileTests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.chaos.Fault;
import dev.cascade.dynamic.ChildLimit;
import dev.cascade.supervisor.Restart;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dynamic supervisor addition to {@code cascade-scenario/1} (Elixir's DynamicSupervisor,
 * otp-semantics 4.2): read, refused at the location of every bad field, written back, and built in Java.
 */
class DynamicScenarioFileTests {

    static final String SESSION = "{ \"id\": \"session\", \"restart\": \"transient\" }";
    static final String ALICE = "{ \"at_ms\": 0, \"template\": \"session\", \"key\": \"alice\" }";
    static final String BOB = "{ \"at_ms\": 100, \"template\": \"session\", \"key\": \"bob\" }";

    /** A dynamic supervisor node with {@code extra} fields (JSON members, may be empty), the session template and {@code starts}. */
    static String sessions(String extra, String... starts) {
        return "{ \"id\": \"sessions\", \"supervisor\": \"dynamic\"" + (extra.isEmpty() ? "" : ", " + extra)
                + ", \"templates\": [ " + SESSION + " ], \"starts\": [ " + String.join(", ", starts) + " ] }";
    }

    static String file(String sessions, String... faults) {
        return BadScenarioFileTests.file(BadScenarioFileTests.root(BadScenarioFileTests.DB, sessions),
                "[ " + String.join(", ", faults) + " ]");
    }

    @Test
    void a_dynamic_supervisor_reads_with_its_templates_starts_and_one_path_per_key() {
        Scenario scenario = ScenarioReader.read(file(sessions("\"intensity\": 1, \"max_children\": 2", ALICE, BOB),
                "{ \"at_ms\": 300, \"target\": \"root/sessions/alice\", \"kind\": \"kill\" }"));

        assertThat(scenario.paths()).containsExactly("root", "root/db", "root/sessions", "root/sessions/alice", "root/sessions/bob");
        DynamicSupervisorNode node = (DynamicSupervisorNode) scenario.node("root/sessions").orElseThrow();
        assertThat(node.intensity()).isEqualTo(1);
        assertThat(node.period()).isEqualTo(Duration.ofSeconds(5));
        assertThat(node.maxChildren()).isEqualTo(ChildLimit.atMost(2));
        assertThat(node.starts()).containsExactly(new DynamicStart(Duration.ZERO, "session", "alice"),
                new DynamicStart(Duration.ofMillis(100), "session", "bob"));
        assertThat(scenario.node("root/sessions/bob")).containsInstanceOf(WorkerNode.class);
        assertThat(((WorkerNode) scenario.node("root/sessions/bob").orElseThrow()).restart()).isEqualTo(Restart.TRANSIENT);
    }

    @Test
    void elixir_defaults_apply_intensity_3_in_5_s_no_limit_on_children_permanent_shutdown_infinity() {
        DynamicSupervisorNode node = (DynamicSupervisorNode) ScenarioReader.read(file(sessions("", ALICE)))
                .node("root/sessions").orElseThrow();

        assertThat(node.intensity()).isEqualTo(3);
        assertThat(node.maxChildren()).isEqualTo(ChildLimit.UNBOUNDED);
        assertThat(node.restart()).isEqualTo(Restart.PERMANENT);
        assertThat(node.shutdown()).isEqualTo(dev.cascade.supervisor.Shutdown.INFINITY);
    }

    @Nested
    class Refused_at_their_location {

        @Test
        void an_unknown_field_of_the_node() {
            assertRejected(file(sessions("\"max_kids\": 2", ALICE)), "tree.children[1]", "unknown field \"max_kids\"");
        }

        @Test
        void an_unknown_field_of_a_start() {
            assertRejected(file(sessions("", "{ \"at_ms\": 0, \"template\": \"session\", \"key\": \"a\", \"name\": \"x\" }")),
                    "tree.children[1].starts[0]", "unknown field \"name\"");
        }

        @Test
        void children_on_a_dynamic_supervisor() {
            assertRejected(file(sessions("\"children\": []", ALICE)), "tree.children[1].children",
                    "not allowed on a dynamic supervisor: it starts with no children; give its \"templates\" and the"
                            + " \"starts\" it is asked for during the run");
        }

        @Test
        void a_strategy_other_than_one_for_one_as_elixir_has_no_other() {
            assertRejected(file(sessions("\"strategy\": \"one_for_all\"", ALICE)), "tree.children[1].strategy",
                    "a dynamic supervisor's strategy is one_for_one only (Elixir's DynamicSupervisor has no other) but was \"one_for_all\"");
        }

        @Test
        void a_negative_max_children() {
            assertRejected(file(sessions("\"max_children\": -1", ALICE)), "tree.children[1].max_children",
                    "expected an integer from 0 to 2147483647 or \"infinity\" but was -1");
        }

        @Test
        void a_start_at_a_negative_time() {
            assertRejected(file(sessions("", "{ \"at_ms\": -5, \"template\": \"session\", \"key\": \"alice\" }")),
                    "tree.children[1].starts[0].at_ms", "expected an integer from 0 to 3153600000000 but was -5");
        }

        @Test
        void a_key_with_a_slash() {
            assertRejected(file(sessions("", "{ \"at_ms\": 0, \"template\": \"session\", \"key\": \"a/b\" }")),
                    "tree.children[1].starts[0].key",
                    "expected a key matching [a-z0-9_]+ (one path segment: a key cannot hold '/') but was \"a/b\"");
        }

        @Test
        void a_key_started_twice() {
            assertRejected(file(sessions("", ALICE, "{ \"at_ms\": 50, \"template\": \"session\", \"key\": \"alice\" }")),
                    "tree.children[1].starts[1].key",
                    "duplicate key \"alice\", already started by tree.children[1].starts[0].key; each key names one child path");
        }

        @Test
        void a_duplicate_json_key_in_a_start() {
            String json = file(sessions("", "{ \"at_ms\": 0, \"template\": \"session\", \"key\": \"a\", \"key\": \"b\" }"));

            assertThatThrownBy(() -> ScenarioReader.read(json)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("duplicate").hasMessageContaining("\"key\"");
        }

        @Test
        void a_start_naming_a_template_the_supervisor_does_not_have() {
            assertRejected(file(sessions("", "{ \"at_ms\": 0, \"template\": \"sesion\", \"key\": \"alice\" }")),
                    "tree.children[1].starts[0].template",
                    "no template \"sesion\" in tree.children[1].templates (templates: session)");
        }

        @Test
        void a_dynamic_supervisor_without_templates() {
            assertRejected(file("{ \"id\": \"sessions\", \"supervisor\": \"dynamic\", \"starts\": [] }"),
                    "tree.children[1].templates", "required field missing");
        }

        @Test
        void a_template_that_is_a_supervisor() {
            assertRejected(file("{ \"id\": \"sessions\", \"supervisor\": \"dynamic\", \"templates\": [ { \"id\": \"s\","
                    + " \"supervisor\": true, \"children\": [] } ] }"), "tree.children[1].templates[0].supervisor",
                    "a template is a worker (dynamic children of a file are workers) but was true");
        }

        @Test
        void a_dynamic_root() {
            assertRejected(BadScenarioFileTests.file("{ \"id\": \"root\", \"supervisor\": \"dynamic\", \"templates\": [] }", "[]"),
                    "tree.supervisor", "the root cannot be a dynamic supervisor: it is started once, with its children;"
                            + " put the dynamic supervisor below it");
        }

        @Test
        void a_fault_on_a_key_no_start_of_the_file_names_listing_the_keys_that_are() {
            assertRejected(file(sessions("", ALICE, BOB), "{ \"at_ms\": 300, \"target\": \"root/sessions/alcie\", \"kind\": \"kill\" }"),
                    "faults[0].target", "no child of key \"alcie\" is ever started under dynamic supervisor root/sessions"
                            + " in this file (keys started: alice, bob)");
        }

        @Test
        void a_link_fault_from_a_key_no_start_names() {
            assertRejected(file(sessions("", ALICE), "{ \"at_ms\": 300, \"target\": \"root/sessions/alice\", \"kind\": \"drop\","
                    + " \"from\": \"root/sessions/zed\", \"window_ms\": 100 }"), "faults[0].from",
                    "no child of key \"zed\" is ever started under dynamic supervisor root/sessions in this file (keys started: alice)");
        }
    }

    @Nested
    class Written_and_built_in_java {

        static final Scenario SESSIONS = Scenario.named("sessions")
                .tree(ScenarioTree.supervisor("root").intensity(3)
                        .child(ScenarioTree.worker("gateway"))
                        .child(ScenarioTree.dynamicSupervisor("sessions").intensity(1).maxChildren(2)
                                .template(ScenarioTree.worker("session").restart(Restart.TRANSIENT).failOn(3))
                                .start(Duration.ZERO, "session", "alice")
                                .start(Duration.ofMillis(100), "session", "bob")))
                .fault(Duration.ofMillis(300), Fault.raise("root/sessions/alice", "boom"))
                .settle(Duration.ofMillis(500))
                .build();

        @Test
        void the_writer_round_trips_the_addition_and_writes_the_same_text_again() {
            String text = ScenarioWriter.write(SESSIONS);

            assertThat(text).contains("\"supervisor\": \"dynamic\"").contains("\"max_children\": 2")
                    .contains("{ \"at_ms\": 100, \"template\": \"session\", \"key\": \"bob\" }");
            Scenario read = ScenarioReader.read(text);
            assertThat(read).isEqualTo(SESSIONS);
            assertThat(ScenarioWriter.write(read)).isEqualTo(text);
        }

        @Test
        void the_dsl_refuses_a_fault_on_a_key_never_started() {
            assertThatThrownBy(() -> Scenario.named("x")
                    .tree(ScenarioTree.supervisor("root").child(ScenarioTree.dynamicSupervisor("sessions")
                            .template(ScenarioTree.worker("session")).start(Duration.ZERO, "session", "alice")))
                    .fault(Duration.ZERO, Fault.kill("root/sessions/bob")).settle(Duration.ZERO).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fault 0 (kill on root/sessions/bob), target: no child of key \"bob\" is ever started under"
                            + " dynamic supervisor root/sessions in this file (keys started: alice)");
        }

        @Test
        void the_dsl_refuses_a_start_naming_no_template() {
            assertThatThrownBy(() -> ScenarioTree.dynamicSupervisor("sessions").template(ScenarioTree.worker("session"))
                    .start(Duration.ZERO, "sesion", "alice").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("start of key alice under sessions names template \"sesion\", which dynamic supervisor"
                            + " sessions does not have (templates: session)");
        }
    }
}
