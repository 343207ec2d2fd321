package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BadScenarioFileTests {

    static final String DB = "{ \"id\": \"db\" }";
    static final String APP = "{ \"id\": \"app\", \"supervisor\": true, \"children\": [ { \"id\": \"cache\" } ] }";
    static final String RAISE = "{ \"at_ms\": 100, \"target\": \"root/db\", \"kind\": \"raise\", \"reason\": \"boom\" }";

    /** A valid file but for what the test puts in; {@code %s} fields are JSON text. */
    static String file(String tree, String faults) {
        return """
                { "format": "cascade-scenario/1", "name": "bad", "tree": %s, "faults": %s, "settle_ms": 500 }
                """.formatted(tree, faults);
    }

    static String root(String... children) {
        return "{ \"id\": \"root\", \"supervisor\": true, \"children\": [ " + String.join(", ", children) + " ] }";
    }

    static String children(String... children) {
        return file(root(children), "[]");
    }

    static String faults(String... faults) {
        return file(root(DB, APP), "[ " + String.join(", ", faults) + " ]");
    }

    static void assertRejected(String json, String location, String problem) {
        ScenarioFormatException error = catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioReader.read(json));

        assertThat(error).as("reading %s", json).isNotNull().hasMessage(location + ": " + problem);
        assertThat(error.location()).isEqualTo(location);
        assertThat(error.problem()).isEqualTo(problem);
    }

    @Test
    void the_valid_base_file_is_accepted() {
        assertThat(ScenarioReader.read(faults(RAISE)).paths())
                .containsExactly("root", "root/db", "root/app", "root/app/cache");
    }

    @Nested
    class Top_level {

        @Test
        void rejects_another_format() {
            assertRejected(file(root(DB), "[]").replace("cascade-scenario/1", "x"),
                    "format", "expected \"cascade-scenario/1\" but was \"x\"");
        }

        @Test
        void rejects_a_format_that_is_not_a_string() {
            assertRejected(file(root(DB), "[]").replace("\"cascade-scenario/1\"", "1"),
                    "format", "expected \"cascade-scenario/1\" but was 1");
        }

        @Test
        void rejects_an_outcome_file_by_its_format() {
            assertRejected(Examples.OUTCOME, "format", "expected \"cascade-scenario/1\" but was \"cascade-outcome/1\"");
        }

        @Test
        void rejects_a_missing_required_field() {
            assertRejected(file(root(DB), "[]").replace(", \"settle_ms\": 500", ""),
                    "settle_ms", "required field missing");
        }

        @Test
        void rejects_missing_faults_even_though_they_may_be_empty() {
            assertRejected(file(root(DB), "[]").replace(", \"faults\": []", ""), "faults", "required field missing");
        }

        @Test
        void rejects_an_unknown_field() {
            assertRejected(file(root(DB), "[]").replace("\"settle_ms\"", "\"seed\": 1, \"settle_ms\""),
                    "(top level)", "unknown field \"seed\"");
        }

        @Test
        void rejects_a_duplicate_key() {
            assertRejected(file(root(DB), "[]").replace("\"name\": \"bad\"", "\"name\": \"bad\", \"name\": \"bad\""),
                    "(top level)", "duplicate key \"name\"");
        }

        @Test
        void rejects_a_name_with_capitals_or_spaces() {
            assertRejected(file(root(DB), "[]").replace("\"bad\"", "\"Cache Crash\""),
                    "name", "expected a name matching [a-z0-9_-]+ but was \"Cache Crash\"");
        }

        @Test
        void rejects_a_document_that_is_not_an_object() {
            assertRejected("[1, 2]", "(top level)", "expected an object but was an array");
        }

        @Test
        void rejects_faults_that_are_not_an_array() {
            assertRejected(file(root(DB), "{}"), "faults", "expected an array but was an object");
        }

        @Test
        void rejects_a_negative_number() {
            assertRejected(file(root(DB), "[]").replace("500", "-1"), "settle_ms", "expected an integer from 0 to 3153600000000 but was -1");
        }

        @Test
        void rejects_a_fractional_number() {
            assertRejected(file(root(DB), "[]").replace("500", "1.5"), "settle_ms", "expected an integer from 0 to 3153600000000 but was 1.5");
        }

        @Test
        void rejects_a_number_in_exponent_form() {
            assertRejected(file(root(DB), "[]").replace("500", "5e2"), "settle_ms", "expected an integer from 0 to 3153600000000 but was 5e2");
        }

        @Test
        void rejects_a_string_where_a_number_belongs() {
            assertRejected(file(root(DB), "[]").replace("500", "\"abc\""),
                    "settle_ms", "expected an integer from 0 to 3153600000000 but was \"abc\"");
        }

        @Test
        void rejects_a_number_too_large_for_milliseconds() {
            assertRejected(file(root(DB), "[]").replace("500", "99999999999999999999"),
                    "settle_ms", "expected an integer from 0 to 3153600000000 but was 99999999999999999999");
        }
    }

    @Nested
    class Tree_nodes {

        @Test
        void rejects_an_unknown_restart_word() {
            assertRejected(children(DB, "{ \"id\": \"api\", \"restart\": \"always\" }"), "tree.children[1].restart",
                    "expected one of permanent, transient, temporary but was \"always\"");
        }

        @Test
        void rejects_a_duplicate_key_naming_the_node() {
            assertRejected(children(DB, "{ \"id\": \"api\", \"restart\": \"permanent\", \"restart\": \"temporary\" }"),
                    "tree.children[1]", "duplicate key \"restart\"");
        }

        @Test
        void rejects_an_unknown_field() {
            assertRejected(children("{ \"id\": \"db\", \"restrat\": \"permanent\" }"),
                    "tree.children[0]", "unknown field \"restrat\"");
        }

        @Test
        void rejects_a_worker_field_on_a_supervisor() {
            assertRejected(children("{ \"id\": \"app\", \"supervisor\": true, \"trap_exit\": false, \"children\": [] }"),
                    "tree.children[0].trap_exit", "not allowed on a supervisor");
        }

        @Test
        void rejects_init_on_a_supervisor() {
            assertRejected(children("{ \"id\": \"app\", \"supervisor\": true, \"init\": {}, \"children\": [] }"),
                    "tree.children[0].init", "not allowed on a supervisor");
        }

        @Test
        void rejects_a_supervisor_field_on_a_worker() {
            assertRejected(children("{ \"id\": \"db\", \"strategy\": \"one_for_all\" }"), "tree.children[0].strategy",
                    "not allowed on a worker (a supervisor needs \"supervisor\": true)");
        }

        @Test
        void rejects_restart_on_the_root() {
            assertRejected(file("{ \"id\": \"root\", \"restart\": \"permanent\", \"children\": [] }", "[]"),
                    "tree.restart", "not allowed on the root");
        }

        @Test
        void rejects_shutdown_ms_on_the_root() {
            assertRejected(file("{ \"id\": \"root\", \"shutdown_ms\": 100, \"children\": [] }", "[]"),
                    "tree.shutdown_ms", "not allowed on the root");
        }

        @Test
        void rejects_a_root_that_says_it_is_a_worker() {
            assertRejected(file("{ \"id\": \"root\", \"supervisor\": false, \"children\": [] }", "[]"),
                    "tree.supervisor", "expected true (the root is always a supervisor) but was false");
        }

        @Test
        void rejects_both_shutdown_and_shutdown_ms() {
            assertRejected(children("{ \"id\": \"db\", \"shutdown\": \"infinity\", \"shutdown_ms\": 100 }"),
                    "tree.children[0]", "both \"shutdown\" and \"shutdown_ms\" are given; give at most one");
        }

        @Test
        void rejects_a_zero_shutdown_ms() {
            assertRejected(children("{ \"id\": \"db\", \"shutdown_ms\": 0 }"),
                    "tree.children[0].shutdown_ms", "expected an integer from 1 to 3153600000000 but was 0");
        }

        @Test
        void rejects_an_unknown_shutdown_word() {
            assertRejected(children("{ \"id\": \"db\", \"shutdown\": \"forever\" }"), "tree.children[0].shutdown",
                    "expected an integer from 1 to 3153600000000, \"brutal_kill\" or \"infinity\" but was \"forever\"");
        }

        @Test
        void rejects_a_period_under_one_second() {
            assertRejected(file("{ \"id\": \"root\", \"period_s\": 0, \"children\": [] }", "[]"),
                    "tree.period_s", "expected an integer from 1 to 3153600000 but was 0");
        }

        @Test
        void rejects_a_negative_intensity() {
            assertRejected(children(DB, "{ \"id\": \"app\", \"supervisor\": true, \"intensity\": -1, \"children\": [] }"),
                    "tree.children[1].intensity", "expected an integer from 0 to 2147483647 but was -1");
        }

        @Test
        void rejects_an_intensity_beyond_int() {
            assertRejected(file("{ \"id\": \"root\", \"intensity\": 2147483648, \"children\": [] }", "[]"),
                    "tree.intensity", "expected an integer from 0 to 2147483647 but was 2147483648");
        }

        @Test
        void rejects_an_unknown_strategy() {
            assertRejected(file("{ \"id\": \"root\", \"strategy\": \"one_for_some\", \"children\": [] }", "[]"),
                    "tree.strategy", "expected one of one_for_one, one_for_all, rest_for_one but was \"one_for_some\"");
        }

        @Test
        void rejects_a_node_without_id() {
            assertRejected(children("{ \"restart\": \"permanent\" }"), "tree.children[0].id", "required field missing");
        }

        @Test
        void rejects_an_id_outside_the_allowed_characters() {
            assertRejected(children("{ \"id\": \"DB\" }"),
                    "tree.children[0].id", "expected an id matching [a-z0-9_]+ but was \"DB\"");
        }

        @Test
        void rejects_an_id_that_is_not_a_string() {
            assertRejected(children("{ \"id\": 7 }"), "tree.children[0].id", "expected a string but was 7");
        }

        @Test
        void rejects_ids_used_twice_among_siblings() {
            assertRejected(children(DB, DB), "tree.children[1].id",
                    "duplicate id \"db\", already used by tree.children[0]; ids must be unique among siblings");
        }

        @Test
        void rejects_a_supervisor_without_children() {
            assertRejected(children("{ \"id\": \"app\", \"supervisor\": true }"),
                    "tree.children[0].children", "required field missing");
        }

        @Test
        void rejects_a_child_that_is_not_an_object() {
            assertRejected(children("\"db\""), "tree.children[0]", "expected an object but was \"db\"");
        }

        @Test
        void rejects_a_non_boolean_trap_exit() {
            assertRejected(children("{ \"id\": \"db\", \"trap_exit\": \"yes\" }"),
                    "tree.children[0].trap_exit", "expected true or false but was \"yes\"");
        }

        @Test
        void rejects_terminate_delay_without_trap_exit() {
            assertRejected(children("{ \"id\": \"db\", \"terminate_delay_ms\": 0 }"),
                    "tree.children[0].terminate_delay_ms", "only allowed when \"trap_exit\" is true");
        }

        @Test
        void rejects_attempt_zero() {
            assertRejected(children("{ \"id\": \"db\", \"init\": { \"fail_on\": [0] } }"),
                    "tree.children[0].init.fail_on[0]", "expected an integer from 1 to 2147483647 but was 0");
        }

        @Test
        void rejects_an_attempt_listed_twice() {
            assertRejected(children("{ \"id\": \"db\", \"init\": { \"ignore_on\": [1, 1] } }"),
                    "tree.children[0].init.ignore_on[1]", "start attempt 1 is listed twice");
        }

        @Test
        void rejects_an_unknown_init_field() {
            assertRejected(children("{ \"id\": \"db\", \"init\": { \"delay\": 5 } }"),
                    "tree.children[0].init", "unknown field \"delay\"");
        }

        @Test
        void reports_the_location_of_a_deeply_nested_node() {
            assertRejected(children(DB, APP.replace("{ \"id\": \"cache\" }", "{ \"id\": \"cache\", \"init\": { \"delay_ms\": true } }")),
                    "tree.children[1].children[0].init.delay_ms", "expected an integer from 0 to 3153600000000 but was true");
        }
    }

    @Nested
    class Faults {

        @Test
        void rejects_a_target_that_is_not_a_path_of_the_tree() {
            assertRejected(faults(RAISE, RAISE.replace("root/db", "root/nope")), "faults[1].target",
                    "no node at path \"root/nope\" (paths: root, root/db, root/app, root/app/cache)");
        }

        @Test
        void rejects_an_unknown_kind() {
            assertRejected(faults(RAISE.replace("raise", "crash")),
                    "faults[0].kind", "expected one of raise, stop, exit_signal, kill, slow_handling, slow_start,"
                            + " failing_start, flood, drop, delay, duplicate, reorder, breach_intensity, call_timeout"
                            + " but was \"crash\"");
        }

        @Test
        void rejects_a_reason_that_is_not_a_word() {
            assertRejected(faults(RAISE.replace("boom", "Boom!")), "faults[0].reason",
                    "expected a word matching [a-z0-9_]+ or shutdown:[a-z0-9_]+ but was \"Boom!\"");
        }

        @Test
        void rejects_raise_on_a_supervisor() {
            assertRejected(faults(RAISE.replace("root/db", "root/app")), "faults[0].kind",
                    "raise needs a worker but root/app is a supervisor, which runs no handler to raise in;"
                            + " use kill or exit_signal on a supervisor");
        }

        @Test
        void rejects_a_fault_without_time() {
            assertRejected(faults(RAISE.replace("\"at_ms\": 100, ", "")), "faults[0].at_ms", "required field missing");
        }

        @Test
        void rejects_an_unknown_fault_field() {
            assertRejected(faults(RAISE.replace("\"at_ms\"", "\"delay\": 1, \"at_ms\"")),
                    "faults[0]", "unknown field \"delay\"");
        }

        @Test
        void rejects_a_field_of_another_kind_at_its_location_saying_what_the_kind_takes() {
            assertRejected(faults(RAISE.replace("\"at_ms\"", "\"delay_ms\": 1, \"at_ms\"")),
                    "faults[0].delay_ms", "not allowed in a \"raise\" fault (it takes at_ms, target, kind, reason)");
        }

        @Test
        void rejects_a_duplicate_key_in_a_fault() {
            assertRejected(faults(RAISE, RAISE.replace("\"kind\": \"raise\"", "\"kind\": \"raise\", \"kind\": \"stop\"")),
                    "faults[1]", "duplicate key \"kind\"");
        }
    }

    @Nested
    class Malformed_json {

        @Test
        void reports_a_trailing_comma_at_its_line_and_column() {
            assertRejected("{\n  \"format\": \"cascade-scenario/1\",\n}\n",
                    "3:1", "expected a member name in double quotes but found '}'");
        }

        @Test
        void reports_a_missing_comma_at_its_line_and_column() {
            assertRejected("{\n  \"format\": \"cascade-scenario/1\"\n  \"name\": \"x\"\n}",
                    "3:3", "expected ',' or '}' after a member but found '\"'");
        }

        @Test
        void reports_an_unterminated_text() {
            assertRejected("{ \"format\": [1, 2", "1:18", "expected ',' or ']' after an element but found the end of the text");
        }

        @Test
        void reports_an_empty_text() {
            assertRejected("", "1:1", "expected a value but found the end of the text");
        }
    }
}
