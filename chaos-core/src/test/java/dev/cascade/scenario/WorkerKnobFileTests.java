package dev.cascade.scenario;

import static dev.cascade.scenario.BadScenarioFileTests.assertRejected;
import static dev.cascade.scenario.BadScenarioFileTests.children;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.MailboxLimit.Overflow;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The worker knobs added to {@code cascade-scenario/1}: {@code handling_ms}, {@code mailbox} and {@code sends}. */
class WorkerKnobFileTests {

    static final String DB = "{ \"id\": \"db\" }";
    static final String APP = "{ \"id\": \"app\", \"supervisor\": true, \"children\": [] }";

    /** A tree of db, app and the worker api with these extra fields. */
    static String api(String fields) {
        return children(DB, APP, "{ \"id\": \"api\", " + fields + " }");
    }

    static WorkerNode readApi(String fields) {
        return (WorkerNode) ScenarioReader.read(api(fields)).node("root/api").orElseThrow();
    }

    @Nested
    class Valid_knobs {

        @Test
        void read_as_their_dsl_twins() {
            WorkerNode api = readApi("\"handling_ms\": 20, \"mailbox\": { \"capacity\": 50, \"overflow\": \"drop_oldest\" },"
                    + " \"sends\": [ { \"to\": \"root/db\", \"every_ms\": 100, \"kind\": \"call\", \"timeout_ms\": 300 },"
                    + " { \"to\": \"root/db\", \"every_ms\": 7, \"kind\": \"cast\" } ]");

            assertThat(api).isEqualTo(ScenarioTree.worker("api").handling(Duration.ofMillis(20))
                    .mailbox(MailboxLimit.of(50, Overflow.DROP_OLDEST))
                    .send(Traffic.call("root/db", Duration.ofMillis(100), Duration.ofMillis(300)))
                    .send(Traffic.cast("root/db", Duration.ofMillis(7)))
                    .build());
        }

        @Test
        void default_to_no_handling_time_an_unbounded_mailbox_no_sends_and_a_5000_ms_call_timeout() {
            WorkerNode plain = readApi("\"restart\": \"permanent\"");
            WorkerNode caller = readApi("\"sends\": [ { \"to\": \"root/db\", \"every_ms\": 100, \"kind\": \"call\" } ]");

            assertThat(plain.handling()).isZero();
            assertThat(plain.mailbox()).isEqualTo(MailboxLimit.UNBOUNDED);
            assertThat(plain.sends()).isEmpty();
            assertThat(caller.sends().getFirst().timeout()).isEqualTo(Duration.ofMillis(5000));
        }

        @Test
        void each_overflow_word_names_its_policy() {
            assertThat(readApi("\"mailbox\": { \"capacity\": 1, \"overflow\": \"reject\" }").mailbox().overflow())
                    .isEqualTo(Overflow.REJECT_TO_SENDER);
            assertThat(readApi("\"mailbox\": { \"capacity\": 1, \"overflow\": \"drop_newest\" }").mailbox().overflow())
                    .isEqualTo(Overflow.DROP_NEWEST);
            assertThat(readApi("\"mailbox\": { \"capacity\": 1, \"overflow\": \"crash\" }").mailbox().overflow())
                    .isEqualTo(Overflow.CRASH_RECEIVER);
        }
    }

    @Nested
    class Invalid_knobs {

        @Test
        void a_negative_handling_time_and_knobs_on_a_supervisor() {
            assertRejected(api("\"handling_ms\": -1"), "tree.children[2].handling_ms", "expected an integer from 0 to 3153600000000 but was -1");
            assertRejected(children(DB, "{ \"id\": \"app\", \"supervisor\": true, \"children\": [], \"handling_ms\": 5 }"),
                    "tree.children[1].handling_ms", "not allowed on a supervisor");
            assertRejected(children(DB, "{ \"id\": \"app\", \"supervisor\": true, \"children\": [], \"sends\": [] }"),
                    "tree.children[1].sends", "not allowed on a supervisor");
        }

        @Test
        void a_mailbox_that_is_not_an_object_or_misses_a_field() {
            assertRejected(api("\"mailbox\": 10"), "tree.children[2].mailbox", "expected an object but was 10");
            assertRejected(api("\"mailbox\": { \"overflow\": \"reject\" }"), "tree.children[2].mailbox.capacity",
                    "required field missing");
            assertRejected(api("\"mailbox\": { \"capacity\": 5 }"), "tree.children[2].mailbox.overflow",
                    "required field missing");
            assertRejected(api("\"mailbox\": { \"capacity\": 5, \"overflow\": \"reject\", \"size\": 1 }"),
                    "tree.children[2].mailbox", "unknown field \"size\"");
        }

        @Test
        void a_capacity_out_of_range_or_an_unknown_overflow_word() {
            assertRejected(api("\"mailbox\": { \"capacity\": 0, \"overflow\": \"reject\" }"),
                    "tree.children[2].mailbox.capacity", "expected an integer from 1 to 2147483646 but was 0");
            assertRejected(api("\"mailbox\": { \"capacity\": 2147483647, \"overflow\": \"reject\" }"),
                    "tree.children[2].mailbox.capacity", "expected an integer from 1 to 2147483646 but was 2147483647");
            assertRejected(api("\"mailbox\": { \"capacity\": 5, \"overflow\": \"block\" }"),
                    "tree.children[2].mailbox.overflow",
                    "expected one of reject, drop_newest, drop_oldest, crash but was \"block\"");
        }

        @Test
        void sends_that_are_not_a_list_of_objects() {
            assertRejected(api("\"sends\": { \"to\": \"root/db\" }"), "tree.children[2].sends",
                    "expected an array but was an object");
            assertRejected(api("\"sends\": [ \"root/db\" ]"), "tree.children[2].sends[0]",
                    "expected an object but was \"root/db\"");
        }

        @Test
        void a_send_with_a_missing_unknown_or_wrong_field() {
            assertRejected(api("\"sends\": [ { \"every_ms\": 5, \"kind\": \"cast\" } ]"), "tree.children[2].sends[0].to",
                    "required field missing");
            assertRejected(api("\"sends\": [ { \"to\": \"root/db\", \"every_ms\": 5, \"kind\": \"cast\", \"rate\": 1 } ]"),
                    "tree.children[2].sends[0]", "unknown field \"rate\"");
            assertRejected(api("\"sends\": [ { \"to\": \"root/db\", \"every_ms\": 0, \"kind\": \"cast\" } ]"),
                    "tree.children[2].sends[0].every_ms", "expected an integer from 1 to 3153600000000 but was 0");
            assertRejected(api("\"sends\": [ { \"to\": \"root/db\", \"every_ms\": 5, \"kind\": \"send\" } ]"),
                    "tree.children[2].sends[0].kind", "expected one of call, cast but was \"send\"");
            assertRejected(api("\"sends\": [ { \"to\": \"root/db\", \"every_ms\": 5, \"kind\": \"cast\", \"timeout_ms\": 9 } ]"),
                    "tree.children[2].sends[0].timeout_ms", "not allowed for a cast (only a call waits for a reply)");
            assertRejected(api("\"sends\": [ { \"to\": \"root/db\", \"every_ms\": 5, \"kind\": \"call\", \"timeout_ms\": 0 } ]"),
                    "tree.children[2].sends[0].timeout_ms", "expected an integer from 1 to 3153600000000 but was 0");
        }

        @Test
        void a_send_to_no_node_a_supervisor_or_the_sender_itself() {
            assertRejected(api("\"sends\": [ { \"to\": \"Root/DB\", \"every_ms\": 5, \"kind\": \"cast\" } ]"),
                    "tree.children[2].sends[0].to", "expected a path such as root/db but was \"Root/DB\"");
            assertRejected(api("\"sends\": [ { \"to\": \"root/nope\", \"every_ms\": 5, \"kind\": \"cast\" } ]"),
                    "tree.children[2].sends[0].to", "no node at path \"root/nope\" (paths: root, root/db, root/app, root/api)");
            assertRejected(api("\"sends\": [ { \"to\": \"root/app\", \"every_ms\": 5, \"kind\": \"cast\" } ]"),
                    "tree.children[2].sends[0].to", "root/app is a supervisor; sends go to workers, which answer calls and casts");
            assertRejected(api("\"sends\": [ { \"to\": \"root/api\", \"every_ms\": 5, \"kind\": \"call\" } ]"),
                    "tree.children[2].sends[0].to", "a worker does not send to itself (a call to itself fails with calling_self)");
        }
    }

    @Nested
    class In_the_dsl {

        @Test
        void traffic_checks_its_values() {
            assertThatThrownBy(() -> Traffic.cast("root/db", Duration.ZERO))
                    .hasMessage("traffic interval to root/db must be a whole number of milliseconds from 1 to 3153600000000 but was: 0 ms");
            assertThatThrownBy(() -> new Traffic("root/db", Duration.ofMillis(5), Traffic.Kind.CAST, Duration.ofMillis(9)))
                    .hasMessage("a cast to root/db has no timeout but was given: 9 ms");
        }

        @Test
        void a_scenario_refuses_a_send_to_a_supervisor() {
            assertThatThrownBy(() -> Scenario.named("x").tree(ScenarioTree.supervisor("root")
                            .child(ScenarioTree.worker("api").send(Traffic.cast("root", Duration.ofMillis(5)))))
                    .settle(Duration.ZERO).build())
                    .hasMessage("traffic from root/api to root: root is a supervisor; sends go to workers, which answer"
                            + " calls and casts");
        }
    }
}
