package dev.cascade.scenario;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import static dev.cascade.scenario.BadScenarioFileTests.APP;
import static dev.cascade.scenario.BadScenarioFileTests.assertRejected;
import static dev.cascade.scenario.BadScenarioFileTests.file;
import static dev.cascade.scenario.BadScenarioFileTests.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fault kinds added to {@code cascade-scenario/1}: each one read, and each of its invalid cases refused at its place. */
class FaultFileTests {

    static final String DB = "{ \"id\": \"db\" }";
    static final String TEMP = "{ \"id\": \"temp\", \"restart\": \"temporary\" }";
    static final String PATHS = "(paths: root, root/db, root/temp, root/app, root/app/cache)";

    /** A file with db, temp and app/cache, and this one fault (its fields after at_ms). */
    static String fault(String fields) {
        return file(root(DB, TEMP, APP), "[ { \"at_ms\": 100, " + fields + " } ]");
    }

    static FaultPlan.Timed read(String fields) {
        return ScenarioReader.read(fault(fields)).faults().getFirst();
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Nested
    class Each_kind_reads_as_its_dsl_twin {

        @Test
        void kill() {
            assertThat(read("\"target\": \"root/app\", \"kind\": \"kill\"")).isEqualTo(new FaultPlan.Timed(ms(100), Fault.kill("root/app")));
        }

        @Test
        void slow_handling_with_and_without_its_limits() {
            assertThat(read("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 50"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.slowHandling("root/db", ms(50)).matching(MessageMatch.EVERY_MESSAGE)));
            assertThat(read("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 50, \"messages\": 3,"
                    + " \"duration_ms\": 400"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.slowHandling("root/db", ms(50)).matching(MessageMatch.EVERY_MESSAGE).forMessages(3).forDuration(ms(400))));
        }

        @Test
        void slow_start_and_failing_start() {
            assertThat(read("\"target\": \"root/app\", \"kind\": \"slow_start\", \"delay_ms\": 300, \"attempts\": [3, 2]"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.slowStart("root/app", ms(300), 2, 3)));
            assertThat(read("\"target\": \"root/db\", \"kind\": \"failing_start\", \"attempts\": [2]"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.failingStart("root/db", 2)));
        }

        @Test
        void flood_at_once_or_at_a_rate() {
            assertThat(read("\"target\": \"root/db\", \"kind\": \"flood\", \"count\": 100"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.flood("root/db", 100, FloodMessage.NUMBERED)));
            assertThat(read("\"target\": \"root/db\", \"kind\": \"flood\", \"count\": 100, \"interval_ms\": 5"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.flood("root/db", 100, FloodMessage.NUMBERED).atRate(ms(5))));
        }

        @Test
        void the_four_link_faults() {
            String link = "\"from\": \"root/db\", \"target\": \"root/app/cache\", \"window_ms\": 200, \"kind\": ";
            assertThat(read(link + "\"drop\"")).isEqualTo(new FaultPlan.Timed(ms(100), Fault.drop("root/db", "root/app/cache", ms(200))));
            assertThat(read(link + "\"delay\", \"delay_ms\": 30"))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.delay("root/db", "root/app/cache", ms(30), ms(200))));
            assertThat(read(link + "\"duplicate\"")).isEqualTo(new FaultPlan.Timed(ms(100), Fault.duplicate("root/db", "root/app/cache", ms(200))));
            assertThat(read(link + "\"reorder\"")).isEqualTo(new FaultPlan.Timed(ms(100), Fault.reorder("root/db", "root/app/cache", ms(200))));
        }

        @Test
        void breach_intensity_of_a_worker_or_a_supervisor() {
            assertThat(read("\"target\": \"root/app/cache\", \"kind\": \"breach_intensity\""))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.breachIntensity("root/app/cache")));
            assertThat(read("\"target\": \"root/app\", \"kind\": \"breach_intensity\""))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.breachIntensity("root/app")));
        }

        @Test
        void call_timeout_from_any_caller_or_one() {
            assertThat(read("\"target\": \"root/db\", \"kind\": \"call_timeout\""))
                    .isEqualTo(new FaultPlan.Timed(ms(100), new Fault.SlowerThanCallTimeout("root/db", null, 1)));
            assertThat(read("\"target\": \"root/db\", \"kind\": \"call_timeout\", \"caller\": \"root/app/cache\""))
                    .isEqualTo(new FaultPlan.Timed(ms(100), Fault.slowerThanCallTimeout("root/db", "root/app/cache")));
        }
    }

    @Nested
    class Fields_that_do_not_apply_to_the_kind {

        @Test
        void a_reason_on_kill() {
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"kill\", \"reason\": \"boom\""),
                    "faults[0].reason", "not allowed in a \"kill\" fault (it takes at_ms, target, kind)");
        }

        @Test
        void attempts_on_slow_handling() {
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 5, \"attempts\": [1]"),
                    "faults[0].attempts", "not allowed in a \"slow_handling\" fault (it takes at_ms, target, kind, delay_ms;"
                            + " optionally messages, duration_ms)");
        }

        @Test
        void a_reason_or_a_delay_on_failing_start() {
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"failing_start\", \"attempts\": [1], \"reason\": \"x\""),
                    "faults[0].reason", "not allowed in a \"failing_start\" fault (it takes at_ms, target, kind, attempts)");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"failing_start\", \"attempts\": [1], \"delay_ms\": 5"),
                    "faults[0].delay_ms", "not allowed in a \"failing_start\" fault (it takes at_ms, target, kind, attempts)");
        }

        @Test
        void a_delay_on_drop_and_a_caller_on_flood() {
            assertRejected(fault("\"from\": \"root/db\", \"target\": \"root/temp\", \"kind\": \"drop\", \"window_ms\": 5,"
                    + " \"delay_ms\": 5"), "faults[0].delay_ms",
                    "not allowed in a \"drop\" fault (it takes at_ms, target, kind, from, window_ms)");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"flood\", \"count\": 5, \"caller\": \"root/temp\""),
                    "faults[0].caller", "not allowed in a \"flood\" fault (it takes at_ms, target, kind, count;"
                            + " optionally interval_ms)");
        }
    }

    @Nested
    class Values {

        @Test
        void a_missing_required_field() {
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"slow_handling\""), "faults[0].delay_ms",
                    "required field missing");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"slow_start\", \"delay_ms\": 5"), "faults[0].attempts",
                    "required field missing");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"flood\""), "faults[0].count", "required field missing");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"drop\", \"window_ms\": 5"), "faults[0].from",
                    "required field missing");
            assertRejected(fault("\"from\": \"root/temp\", \"target\": \"root/db\", \"kind\": \"delay\", \"window_ms\": 5"),
                    "faults[0].delay_ms", "required field missing");
        }

        @Test
        void zero_where_at_least_one_is_needed() {
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 0"),
                    "faults[0].delay_ms", "expected an integer from 1 to 3153600000000 but was 0");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 5, \"messages\": 0"),
                    "faults[0].messages", "expected an integer from 1 to 2147483647 but was 0");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 5, \"duration_ms\": 0"),
                    "faults[0].duration_ms", "expected an integer from 1 to 3153600000000 but was 0");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"flood\", \"count\": 0"),
                    "faults[0].count", "expected an integer from 1 to 1000000 but was 0");
            assertRejected(fault("\"from\": \"root/temp\", \"target\": \"root/db\", \"kind\": \"reorder\", \"window_ms\": 0"),
                    "faults[0].window_ms", "expected an integer from 1 to 3153600000000 but was 0");
        }

        @Test
        void a_flood_beyond_a_million_messages_or_with_a_negative_interval() {
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"flood\", \"count\": 1000001"),
                    "faults[0].count", "expected an integer from 1 to 1000000 but was 1000001");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"flood\", \"count\": 3, \"interval_ms\": -1"),
                    "faults[0].interval_ms", "expected an integer from 0 to 3153600000000 but was -1");
        }

        @Test
        void attempts_that_are_empty_zero_repeated_or_not_a_list() {
            String start = "\"target\": \"root/db\", \"kind\": \"failing_start\", \"attempts\": ";
            assertRejected(fault(start + "[]"), "faults[0].attempts",
                    "expected at least one start attempt (1 = the first start) but was []");
            assertRejected(fault(start + "[0]"), "faults[0].attempts[0]", "expected an integer from 1 to 2147483647 but was 0");
            assertRejected(fault(start + "[2, 2]"), "faults[0].attempts[1]", "start attempt 2 is listed twice");
            assertRejected(fault(start + "2"), "faults[0].attempts", "expected an array but was 2");
        }

        @Test
        void a_from_or_caller_that_is_not_a_path_of_the_tree() {
            assertRejected(fault("\"from\": \"Root!\", \"target\": \"root/db\", \"kind\": \"drop\", \"window_ms\": 5"),
                    "faults[0].from", "expected a path such as root/db but was \"Root!\"");
            assertRejected(fault("\"from\": \"root/nope\", \"target\": \"root/db\", \"kind\": \"drop\", \"window_ms\": 5"),
                    "faults[0].from", "no node at path \"root/nope\" " + PATHS);
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"call_timeout\", \"caller\": \"root/nope\""),
                    "faults[0].caller", "no node at path \"root/nope\" " + PATHS);
        }
    }

    @Nested
    class Faults_that_cannot_apply_to_their_target {

        @Test
        void a_link_fault_from_a_path_to_itself() {
            assertRejected(fault("\"from\": \"root/db\", \"target\": \"root/db\", \"kind\": \"duplicate\", \"window_ms\": 5"),
                    "faults[0].from", "from and target are both root/db; a duplicate fault needs two different paths");
        }

        @Test
        void start_faults_and_breaches_on_the_root() {
            assertRejected(fault("\"target\": \"root\", \"kind\": \"failing_start\", \"attempts\": [1]"), "faults[0].target",
                    "failing_start cannot target the root root: it starts once, before any fault applies; target a child path");
            assertRejected(fault("\"target\": \"root\", \"kind\": \"breach_intensity\""), "faults[0].target",
                    "breach_intensity cannot target the root root: no supervisor above it counts its restarts;"
                            + " target a child path");
        }

        @Test
        void a_breach_of_a_temporary_child_or_under_intensity_zero() {
            assertRejected(fault("\"target\": \"root/temp\", \"kind\": \"breach_intensity\""), "faults[0].target",
                    "root/temp is temporary: its supervisor never restarts it, so its failures cannot breach the intensity;"
                            + " target a permanent or transient child");
            assertRejected(file(root(DB, APP.replace("\"supervisor\": true", "\"supervisor\": true, \"intensity\": 0")),
                            "[ { \"at_ms\": 1, \"target\": \"root/app/cache\", \"kind\": \"breach_intensity\" } ]"),
                    "faults[0].target", "the supervisor of root/app/cache has intensity 0: its first failure already ends"
                            + " it, so there is no limit to breach; use kill");
        }

        @Test
        void call_timeout_on_a_supervisor_from_a_supervisor_or_from_itself() {
            assertRejected(fault("\"target\": \"root/app\", \"kind\": \"call_timeout\""), "faults[0].kind",
                    "call_timeout needs a worker but root/app is a supervisor, which is not called by sends;"
                            + " target a worker that sends call to");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"call_timeout\", \"caller\": \"root/app\""),
                    "faults[0].caller", "root/app is a supervisor; only workers make calls (with sends)");
            assertRejected(fault("\"target\": \"root/db\", \"kind\": \"call_timeout\", \"caller\": \"root/db\""),
                    "faults[0].caller", "caller and target are both root/db; a worker does not call itself");
        }

        @Test
        void a_value_beyond_what_a_fault_plan_takes_is_reported_at_its_field_in_milliseconds_with_the_range() {
            ScenarioFormatException refused = catchThrowableOfType(ScenarioFormatException.class, () -> ScenarioReader.read(
                    fault("\"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 9000000000000")));

            assertThat(refused.location()).isEqualTo("faults[0].delay_ms");
            assertThat(refused.problem()).isEqualTo("expected an integer from 1 to 3153600000000 but was 9000000000000")
                    .doesNotContain("PT"); // the file's unit, not an ISO duration (issue 14)
        }
    }
}
