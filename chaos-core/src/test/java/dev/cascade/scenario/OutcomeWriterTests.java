package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cascade.scenario.OutcomeEvent.Exited;
import dev.cascade.scenario.OutcomeEvent.FaultSkipped;
import dev.cascade.scenario.OutcomeEvent.Ignored;
import dev.cascade.scenario.OutcomeEvent.StartFailed;
import dev.cascade.scenario.OutcomeEvent.Started;
import dev.cascade.scenario.OutcomeEvent.SupervisorTerminated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutcomeWriterTests {

    static Outcome example() {
        Map<String, Integer> last = new LinkedHashMap<>();
        last.put("root", 1);
        last.put("root/db", 2);
        last.put("root/app", 1);
        last.put("root/app/cache", 2);
        last.put("root/app/api", null);
        return new Outcome("cache-crash", List.of(
                new Started("root/db", 1), new Started("root/app/cache", 1), new Started("root/app/api", 1),
                new Started("root/app", 1), new Started("root", 1),
                new Exited("root/app/cache", 1, "error:boom"), new Exited("root/app/api", 1, "shutdown"),
                new Started("root/app/cache", 2), new Exited("root/db", 1, "killed"), new Started("root/db", 2)),
                last);
    }

    @Nested
    class The_format_example {

        @Test
        void is_read_as_the_expected_outcome() {
            assertThat(OutcomeReader.read(Examples.OUTCOME)).isEqualTo(example());
        }

        @Test
        void is_written_exactly_as_in_the_format_description() {
            assertThat(OutcomeWriter.write(example())).isEqualTo(Examples.OUTCOME);
        }

        @Test
        void reads_back_equal_after_writing() {
            Outcome outcome = OutcomeReader.read(Examples.OUTCOME);

            assertThat(OutcomeReader.read(OutcomeWriter.write(outcome))).isEqualTo(outcome);
        }

        @Test
        void keeps_final_in_scenario_path_order_with_nulls() {
            assertThat(OutcomeReader.read(Examples.OUTCOME).finalIncarnations())
                    .containsExactly(Map.entry("root", 1), Map.entry("root/db", 2), Map.entry("root/app", 1),
                            Map.entry("root/app/cache", 2), new java.util.AbstractMap.SimpleEntry<>("root/app/api", null));
        }
    }

    @Nested
    class Times {

        @Test
        void are_written_last_and_read_back() {
            Outcome timed = new Outcome("t", List.of(new Started("root", 1, OptionalLong.of(-3)),
                    new Exited("root", 1, "killed", OptionalLong.of(120))), Map.of("root", 1));

            String text = OutcomeWriter.write(timed);

            assertThat(text).contains("{ \"type\": \"started\", \"path\": \"root\", \"incarnation\": 1, \"t_ms\": -3 }");
            assertThat(OutcomeReader.read(text)).isEqualTo(timed);
        }

        @Test
        void are_ignored_when_comparing_outcomes() {
            Outcome timed = OutcomeReader.read(Examples.OUTCOME.replace("\"incarnation\": 2 }", "\"incarnation\": 2, \"t_ms\": 104 }"));

            assertThat(timed).isNotEqualTo(example());
            assertThat(timed.equalsIgnoringTimes(example())).isTrue();
            assertThat(timed.withoutTimes()).isEqualTo(example());
        }

        @Test
        void do_not_hide_a_different_event() {
            Outcome other = OutcomeReader.read(Examples.OUTCOME.replace("error:boom", "error:bang"));

            assertThat(other.equalsIgnoringTimes(example())).isFalse();
        }
    }

    @Test
    void writes_every_event_type_with_its_fields() {
        Outcome outcome = new Outcome("all", List.of(new Ignored("root/a"), new StartFailed("root/a", "init_failed"),
                new SupervisorTerminated("root", 1, "shutdown"), new FaultSkipped("root/a", OptionalLong.of(5))),
                Map.of("root", 1));

        assertThat(OutcomeWriter.write(outcome)).contains("""
                    { "type": "ignored", "path": "root/a" },
                    { "type": "start_failed", "path": "root/a", "reason": "init_failed" },
                    { "type": "supervisor_terminated", "path": "root", "incarnation": 1, "reason": "shutdown" },
                    { "type": "fault_skipped", "path": "root/a", "t_ms": 5 }
                """);
        assertThat(OutcomeReader.read(OutcomeWriter.write(outcome))).isEqualTo(outcome);
    }

    @Nested
    class Bad_outcome_files {

        static void assertRejected(String json, String message) {
            ScenarioFormatException error = catchThrowableOfType(ScenarioFormatException.class,
                    () -> OutcomeReader.read(json));
            assertThat(error).as("reading %s", json).isNotNull().hasMessage(message);
        }

        @Test
        void rejects_an_unknown_event_type() {
            assertRejected(Examples.OUTCOME.replace("\"exited\"", "\"crashed\""), "events[5].type: expected one of"
                    + " started, start_failed, ignored, exited, supervisor_terminated, fault_skipped but was \"crashed\"");
        }

        @Test
        void rejects_a_field_that_the_event_type_does_not_have() {
            assertRejected(Examples.OUTCOME.replace("\"incarnation\": 2 }", "\"incarnation\": 2, \"reason\": \"x\" }"),
                    "events[7].reason: not allowed in a \"started\" event");
        }

        @Test
        void rejects_an_incarnation_of_zero() {
            assertRejected(Examples.OUTCOME.replace("\"root/db\", \"incarnation\": 1 }", "\"root/db\", \"incarnation\": 0 }"),
                    "events[0].incarnation: expected an integer from 1 to 2147483647 but was 0");
        }

        @Test
        void rejects_a_fractional_time() {
            assertRejected(Examples.OUTCOME.replace("\"incarnation\": 2 }", "\"incarnation\": 2, \"t_ms\": 1.5 }"),
                    "events[7].t_ms: expected an integer but was 1.5");
        }

        @Test
        void rejects_a_final_value_that_is_not_an_incarnation_or_null() {
            assertRejected(Examples.OUTCOME.replace("\"root/app/api\": null", "\"root/app/api\": \"none\""),
                    "final.root/app/api: expected an integer from 1 to 2147483647 but was \"none\"");
        }

        @Test
        void rejects_a_scenario_file_given_as_an_outcome() {
            assertRejected(Examples.SCENARIO, "format: expected \"cascade-outcome/1\" but was \"cascade-scenario/1\"");
        }
    }
}
