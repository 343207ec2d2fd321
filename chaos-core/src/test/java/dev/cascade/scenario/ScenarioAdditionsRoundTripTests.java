package dev.cascade.scenario;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.supervisor.Restart;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fault kinds and worker knobs added to the format, written and read back, and checked by the DSL. */
class ScenarioAdditionsRoundTripTests {

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    static final Scenario EVERYTHING = Scenario.named("everything")
            .tree(ScenarioTree.supervisor("root").intensity(5)
                    .child(ScenarioTree.worker("db").handling(ms(20)).mailbox(MailboxLimit.of(10, MailboxLimit.Overflow.CRASH_RECEIVER)))
                    .child(ScenarioTree.worker("api").send(Traffic.call("root/db", ms(100), ms(300)))
                            .send(Traffic.cast("root/db", ms(10))))
                    .child(ScenarioTree.supervisor("app").intensity(2).child(ScenarioTree.worker("cache"))))
            .fault(ms(10), Fault.kill("root/app"))
            .fault(ms(20), Fault.slowHandling("root/db", ms(50)).matching(MessageMatch.EVERY_MESSAGE).forMessages(2).forDuration(ms(300)))
            .fault(ms(30), Fault.slowStart("root/app/cache", ms(40), 2, 4))
            .fault(ms(40), Fault.failingStart("root/app", 3))
            .fault(ms(50), Fault.flood("root/db", 7, FloodMessage.NUMBERED).atRate(ms(3)))
            .fault(ms(60), Fault.drop("root/api", "root/db", ms(100)))
            .fault(ms(70), Fault.delay("root/api", "root/db", ms(25), ms(100)))
            .fault(ms(80), Fault.duplicate("root/api", "root/db", ms(100)))
            .fault(ms(90), Fault.reorder("root/api", "root/db", ms(100)))
            .fault(ms(100), Fault.breachIntensity("root/app/cache"))
            .fault(ms(110), Fault.slowerThanCallTimeout("root/db", "root/api"))
            .fault(ms(120), new Fault.SlowerThanCallTimeout("root/db", null, 1))
            .settle(ms(500))
            .build();

    @Nested
    class Writing {

        @Test
        void reads_back_equal_and_writes_the_same_text_again() {
            String text = ScenarioWriter.write(EVERYTHING);

            assertThat(ScenarioReader.read(text)).isEqualTo(EVERYTHING);
            assertThat(ScenarioWriter.write(ScenarioReader.read(text))).isEqualTo(text);
        }

        @Test
        void writes_each_fault_on_one_line_with_only_the_fields_of_its_kind() {
            assertThat(ScenarioWriter.write(EVERYTHING)).contains(
                    "\n    { \"at_ms\": 10, \"target\": \"root/app\", \"kind\": \"kill\" },\n",
                    "\n    { \"at_ms\": 30, \"target\": \"root/app/cache\", \"kind\": \"slow_start\", \"delay_ms\": 40,"
                            + " \"attempts\": [2, 4] },\n",
                    "\n    { \"at_ms\": 70, \"target\": \"root/db\", \"kind\": \"delay\", \"from\": \"root/api\", \"delay_ms\": 25,"
                            + " \"window_ms\": 100 },\n",
                    "\n    { \"at_ms\": 120, \"target\": \"root/db\", \"kind\": \"call_timeout\" }\n");
        }

        @Test
        void writes_the_knobs_of_a_worker_only_where_they_differ_from_the_defaults() {
            String text = ScenarioWriter.write(EVERYTHING);

            assertThat(text).contains("\"handling_ms\": 20", "\"capacity\": 10", "\"overflow\": \"crash\"",
                    "{ \"to\": \"root/db\", \"every_ms\": 100, \"kind\": \"call\", \"timeout_ms\": 300 }",
                    "{ \"to\": \"root/db\", \"every_ms\": 10, \"kind\": \"cast\" }",
                    "{ \"id\": \"cache\", \"restart\": \"permanent\", \"shutdown_ms\": 5000 }");
        }
    }

    @Nested
    class Dsl_checks {

        @Test
        void a_link_fault_from_a_path_to_itself_is_refused_by_the_plan_binding_in_the_words_of_a_file() {
            assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root").child(ScenarioTree.worker("db")))
                    .fault(ms(1), Fault.drop("root/db", "root/db", ms(5))).settle(ms(1)).build())
                    .hasMessage("fault 0 (drop on root/db), from: from and target are both root/db;"
                            + " a drop fault needs two different paths");
        }

        @Test
        void a_value_the_fault_plan_refuses_is_refused_by_the_fault_itself_before_any_scenario_is_built() {
            assertThatThrownBy(() -> Fault.slowHandling("root/db", Duration.ofDays(40_000)))
                    .hasMessageStartingWith("slow handling delay must be between 0 and");
        }

        @Test
        void a_scenario_refuses_a_fault_that_cannot_apply_to_its_target() {
            assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root")
                            .child(ScenarioTree.worker("temp").restart(Restart.TEMPORARY)))
                    .fault(ms(1), Fault.breachIntensity("root/temp")).settle(ms(1)).build())
                    .hasMessage("fault 0 (breach_intensity on root/temp), target: root/temp is temporary: its supervisor"
                            + " never restarts it, so its failures cannot breach the intensity; target a permanent or transient child");
        }
    }
}
