package dev.cascade.scenario;

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
            .fault(ScenarioFault.kill(ms(10), "root/app"))
            .fault(ScenarioFault.slowHandling(ms(20), "root/db", ms(50)).forMessages(2).forDuration(ms(300)))
            .fault(ScenarioFault.slowStart(ms(30), "root/app/cache", ms(40), 2, 4))
            .fault(ScenarioFault.failingStart(ms(40), "root/app", 3))
            .fault(ScenarioFault.flood(ms(50), "root/db", 7).every(ms(3)))
            .fault(ScenarioFault.drop(ms(60), "root/api", "root/db", ms(100)))
            .fault(ScenarioFault.delay(ms(70), "root/api", "root/db", ms(25), ms(100)))
            .fault(ScenarioFault.duplicate(ms(80), "root/api", "root/db", ms(100)))
            .fault(ScenarioFault.reorder(ms(90), "root/api", "root/db", ms(100)))
            .fault(ScenarioFault.breachIntensity(ms(100), "root/app/cache"))
            .fault(ScenarioFault.callTimeout(ms(110), "root/db", "root/api"))
            .fault(ScenarioFault.callTimeout(ms(120), "root/db"))
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
        void a_fault_takes_only_the_values_of_its_kind() {
            assertThatThrownBy(() -> new ScenarioFault(ms(1), "root/db", FaultKind.KILL, "boom"))
                    .hasMessage("a kill fault takes no reason but was given: \"boom\"");
            assertThatThrownBy(() -> ScenarioFault.kill(ms(1), "root/db").forMessages(3))
                    .hasMessage("forMessages applies to a slow_handling fault but this is a kill fault");
            assertThatThrownBy(() -> new ScenarioFault(ms(1), "root/db", FaultKind.SLOW_HANDLING, "", FaultOptions.NONE))
                    .hasMessage("a slow_handling fault needs delay_ms but it was not given");
            assertThatThrownBy(() -> ScenarioFault.drop(ms(1), "root/db", "root/db", ms(5)))
                    .hasMessage("a drop fault needs two different paths but from and target are both root/db");
        }

        @Test
        void a_built_scenario_whose_fault_the_plan_refuses_fails_to_run_at_the_fault_before_anything_runs() {
            Scenario scenario = Scenario.named("x").tree(ScenarioTree.supervisor("root").child(ScenarioTree.worker("db")))
                    .fault(ScenarioFault.slowHandling(ms(1), "root/db", Duration.ofDays(40_000))).settle(ms(1)).build();

            assertThatThrownBy(() -> ScenarioRunner.run(scenario)).isInstanceOf(ScenarioFormatException.class)
                    .hasMessageStartingWith("faults[0]: slow handling delay must be between 0 and");
        }

        @Test
        void a_scenario_refuses_a_fault_that_cannot_apply_to_its_target() {
            assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root")
                            .child(ScenarioTree.worker("temp").restart(Restart.TEMPORARY)))
                    .fault(ScenarioFault.breachIntensity(ms(1), "root/temp")).settle(ms(1)).build())
                    .hasMessage("fault 0 (breach_intensity on root/temp), target: root/temp is temporary: its supervisor"
                            + " never restarts it, so its failures cannot breach the intensity; target a permanent or transient child");
        }
    }
}
