package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.agent.MethodMatch;
import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultPlan;
import dev.cascade.chaos.FloodMessage;
import dev.cascade.chaos.MessageMatch;
import dev.cascade.runtime.ExitReason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A fault plan built in Java is a scenario file's faults section: written and read back equal, for
 * every kind the file format has; a fault the file cannot say is refused, naming the fault.
 */
class FaultPlanFileTests {

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** db, api (both workers), app (a supervisor) over cache; intensity high enough to breach. */
    static ScenarioBuilder tree() {
        return Scenario.named("plan").tree(ScenarioTree.supervisor("root").intensity(5)
                .child(ScenarioTree.worker("db"))
                .child(ScenarioTree.worker("api"))
                .child(ScenarioTree.supervisor("app").intensity(2).child(ScenarioTree.worker("cache"))));
    }

    /** One fault of every kind a file has, with every optional field given and not given. */
    static final FaultPlan EVERY_KIND = FaultPlan.builder()
            .at(ms(5), Fault.raise("root/db", "boom"))
            .at(ms(5), Fault.stop("root/db", ExitReason.ofWord("shutdown:bye")))
            .at(ms(6), Fault.stop("root/api", ExitReason.NORMAL))
            .at(ms(7), Fault.exitSignal("root/app", ExitReason.KILL))
            .at(ms(8), Fault.exitSignal("root/db", ExitReason.ofWord("oops")))
            .at(ms(10), Fault.kill("root/app"))
            .at(ms(20), Fault.slowHandling("root/db", ms(50)).matching(MessageMatch.EVERY_MESSAGE))
            .at(ms(21), Fault.slowHandling("root/db", ms(50)).matching(MessageMatch.EVERY_MESSAGE).forMessages(2)
                    .forDuration(ms(300)))
            .at(ms(30), Fault.slowStart("root/app/cache", ms(40), 4, 2))
            .at(ms(40), Fault.failingStart("root/app", 3))
            .at(ms(50), Fault.flood("root/db", 7, FloodMessage.NUMBERED))
            .at(ms(51), Fault.flood("root/db", 7, FloodMessage.NUMBERED).atRate(ms(3)))
            .at(ms(60), Fault.drop("root/api", "root/db", ms(100)))
            .at(ms(70), Fault.delay("root/api", "root/db", ms(25), ms(100)))
            .at(ms(80), Fault.duplicate("root/api", "root/db", ms(100)))
            .at(ms(90), Fault.reorder("root/api", "root/db", ms(100)))
            .at(ms(100), Fault.breachIntensity("root/app/cache"))
            .at(ms(110), Fault.slowerThanCallTimeout("root/db", "root/api"))
            .at(ms(120), new Fault.SlowerThanCallTimeout("root/db", null, 1))
            .build();

    @Nested
    class Round_trip {

        @Test
        void a_plan_of_every_file_kind_is_written_and_read_back_equal() {
            Scenario scenario = tree().faults(EVERY_KIND).settle(ms(500)).build();

            String text = ScenarioWriter.write(scenario);
            Scenario read = ScenarioReader.read(text);

            assertThat(read.plan()).isEqualTo(EVERY_KIND);
            assertThat(read).isEqualTo(scenario);
            assertThat(ScenarioWriter.write(read)).isEqualTo(text);
        }

        @Test
        void the_plan_covers_every_kind_a_file_spells() {
            String text = ScenarioWriter.write(tree().faults(EVERY_KIND).settle(ms(500)).build());

            Set<String> kinds = EVERY_KIND.faults().stream().map(timed -> kindIn(text, timed)).collect(Collectors.toSet());

            assertThat(kinds).containsExactlyInAnyOrder("raise", "stop", "exit_signal", "kill", "slow_handling", "slow_start",
                    "failing_start", "flood", "drop", "delay", "duplicate", "reorder", "breach_intensity", "call_timeout");
        }

        private String kindIn(String text, FaultPlan.Timed timed) {
            String at = "{ \"at_ms\": " + timed.at().toMillis() + ", ";
            int line = text.indexOf(at);
            int kind = text.indexOf("\"kind\": \"", line) + "\"kind\": \"".length();
            return text.substring(kind, text.indexOf('"', kind));
        }

        @Test
        void faults_keep_their_file_order_and_the_plan_orders_them_by_time() {
            Scenario scenario = tree().fault(ms(300), Fault.kill("root/db")).fault(ms(100), Fault.kill("root/api"))
                    .settle(ms(0)).build();

            Scenario read = ScenarioReader.read(ScenarioWriter.write(scenario));

            assertThat(read.faults()).extracting(timed -> timed.fault().target()).containsExactly("root/db", "root/api");
            assertThat(read.plan().faults()).extracting(timed -> timed.fault().target()).containsExactly("root/api", "root/db");
        }
    }

    @Nested
    class Faults_a_file_cannot_say {

        private void refused(Fault fault, String message) {
            assertThatThrownBy(() -> tree().fault(ms(1), fault).settle(ms(1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("fault 0: " + message);
        }

        @Test
        void a_slow_handling_with_a_predicate_or_of_all_messages() {
            refused(Fault.slowHandling("root/db", ms(5)).matching("big", message -> message instanceof List<?>),
                    "fault \"slow handling +5 ms on root/db for big\" has no scenario-file spelling: it slows big, and a file's"
                            + " slow_handling slows every message (MessageMatch.EVERY_MESSAGE); use"
                            + " matching(MessageMatch.EVERY_MESSAGE) to write it");
            refused(Fault.slowHandling("root/db", ms(5)),
                    "fault \"slow handling +5 ms on root/db\" has no scenario-file spelling: it slows all messages, and a file's"
                            + " slow_handling slows every message (MessageMatch.EVERY_MESSAGE); use"
                            + " matching(MessageMatch.EVERY_MESSAGE) to write it");
        }

        @Test
        void a_flood_with_a_generator_of_its_own() {
            refused(Fault.flood("root/db", 3, i -> "hello " + i),
                    "fault \"flood 3 messages to root/db at once\" has no scenario-file spelling: its messages come from a"
                            + " generator of its own, and a file's flood sends numbered messages; use FloodMessage.NUMBERED to"
                            + " write it");
        }

        @Test
        void a_method_fault() {
            Fault fault = Fault.delayIn(MethodMatch.method("com.example.Shop", "pay"), ms(5));
            refused(fault, "fault \"" + fault.describe() + "\" has no scenario-file spelling: it acts in user code the agent"
                    + " weaves, which a file cannot name");
        }

        @Test
        void reasons_and_times_a_file_has_no_words_for() {
            refused(Fault.raise("root/db", "Boom"), "fault \"raise Boom on root/db\" has no scenario-file spelling: its reason"
                    + " \"Boom\" is not a word of a file ([a-z0-9_]+ or shutdown:[a-z0-9_]+)");
            refused(new Fault.FailingStart("root/db", ExitReason.custom("nope"), Set.of(2)),
                    "fault \"failing start (nope) on root/db attempts [2]\" has no scenario-file spelling: its starts fail with"
                            + " nope, and a file's failing_start fails them with init_failed");
            refused(new Fault.SlowerThanCallTimeout("root/db", null, 2), "fault \"calls to root/db outlast their timeout"
                    + " (2 calls)\" has no scenario-file spelling: it slows 2 calls, and a file's call_timeout slows the next one");
            refused(Fault.slowStart("root/db", Duration.ofNanos(1_500_000), 1),
                    "fault \"slow start +1 ms on root/db attempts [1]\" has no scenario-file spelling: its delay PT0.0015S is"
                            + " finer than the whole milliseconds a file says");
        }

        @Test
        void a_time_finer_than_a_millisecond() {
            assertThatThrownBy(() -> tree().fault(Duration.ofNanos(1_500_000), Fault.kill("root/db")).settle(ms(1)).build())
                    .hasMessage("fault 0: fault \"kill root/db\" has no scenario-file spelling: its time PT0.0015S is finer than"
                            + " the whole milliseconds a file says");
        }
    }
}
