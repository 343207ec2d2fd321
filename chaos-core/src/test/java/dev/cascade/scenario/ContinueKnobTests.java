package dev.cascade.scenario;

import static dev.cascade.scenario.BadScenarioFileTests.assertRejected;
import static dev.cascade.scenario.ScenarioRuns.events;
import static dev.cascade.scenario.ScenarioRuns.file;
import static dev.cascade.scenario.ScenarioRuns.realLike;
import static dev.cascade.scenario.ScenarioRuns.simulated;
import static dev.cascade.scenario.ScenarioRuns.timeOf;
import static dev.cascade.scenario.WorkerKnobFileTests.api;
import static dev.cascade.scenario.WorkerKnobFileTests.readApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.runtime.MailboxLimit;
import dev.cascade.scenario.OutcomeEvent.Exited;
import dev.cascade.scenario.OutcomeEvent.Started;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The worker knob {@code continue_ms}: init returns {@code {ok, State, {continue, …}}} and the slow
 * work runs in {@code handle_continue}, so the supervisor goes on starting (and restarting) the next
 * children meanwhile (otp-semantics: a supervisor waits for each child's init, not for its continue).
 */
class ContinueKnobTests {

    @Test
    void continue_ms_is_read_written_back_and_defaults_to_none() {
        WorkerNode api = readApi("\"continue_ms\": 3000");

        assertThat(api.continueDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(api.initDelay()).isZero();
        assertThat(readApi("\"restart\": \"permanent\"").continueDelay()).isZero();
        String written = ScenarioWriter.write(ScenarioReader.read(api("\"continue_ms\": 3000")));
        assertThat(written).contains("\"continue_ms\": 3000");
        assertThat(ScenarioReader.read(written)).isEqualTo(ScenarioReader.read(api("\"continue_ms\": 3000")));
    }

    @Test
    void the_builders_continue_delay_is_the_files_continue_ms_and_survives_a_write_and_read() {
        Scenario built = Scenario.named("continue").tree(ScenarioTree.supervisor("root")
                        .child(ScenarioTree.worker("gateway").initDelay(Duration.ofMillis(5))
                                .continueDelay(Duration.ofSeconds(3)).handling(Duration.ofMillis(20)))
                        .child(ScenarioTree.worker("ledger")))
                .settle(Duration.ofMillis(100)).build();

        WorkerNode gateway = (WorkerNode) built.node("root/gateway").orElseThrow();
        assertThat(gateway.continueDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(gateway.initDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(((WorkerNode) built.node("root/ledger").orElseThrow()).continueDelay()).isZero();
        String text = ScenarioWriter.write(built);
        assertThat(text).contains("\"continue_ms\": 3000");
        assertThat(ScenarioReader.read(text)).isEqualTo(built);
        assertThat(ScenarioWriter.write(ScenarioReader.read(text))).isEqualTo(text);
    }

    @Test
    void the_builder_keeps_continue_delay_whatever_knob_is_set_after_it_and_refuses_a_negative_one() {
        WorkerNode later = ScenarioTree.worker("gateway").continueDelay(Duration.ofMillis(700)).restart(Restart.TRANSIENT)
                .trapExit(true).terminateDelay(Duration.ofMillis(9)).mailbox(MailboxLimit.of(4, MailboxLimit.Overflow.REJECT_TO_SENDER))
                .failOn(2).ignoreOn(3).shutdown(Shutdown.BRUTAL_KILL).build();

        assertThat(later.continueDelay()).isEqualTo(Duration.ofMillis(700));
        assertThatThrownBy(() -> ScenarioTree.worker("gateway").continueDelay(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("continueDelay of worker gateway");
        assertThatThrownBy(() -> ScenarioTree.worker("gateway").continueDelay(null))
                .isInstanceOf(NullPointerException.class).hasMessage("continueDelay");
    }

    @Test
    void a_bad_continue_ms_is_refused_at_its_location() {
        assertRejected(api("\"continue_ms\": -1"), "tree.children[2].continue_ms",
                "expected an integer from 0 to 3153600000000 but was -1");
        assertRejected(api("\"continue_ms\": \"3 s\""), "tree.children[2].continue_ms",
                "expected an integer from 0 to 3153600000000 but was \"3 s\"");
        assertRejected(BadScenarioFileTests.children("{ \"id\": \"app\", \"supervisor\": true, \"continue_ms\": 10, \"children\": [] }"),
                "tree.children[0].continue_ms", "not allowed on a supervisor");
    }

    @Test
    void a_sibling_killed_while_a_worker_continues_is_restarted_at_once_otp_supervisors_wait_for_init_only() {
        String json = file("""
                { "id": "root", "intensity": 3, "period_s": 5, "children": [ { "id": "gateway", "continue_ms": 3000 },
                  { "id": "ledger" } ] }""", 4000,
                "{ \"at_ms\": 100, \"target\": \"root/gateway\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 200, \"target\": \"root/ledger\", \"kind\": \"kill\" }");

        Outcome outcome = simulated(json);

        assertThat(timeOf(outcome, new Started("root/gateway", 2))).isEqualTo(100);
        assertThat(timeOf(outcome, new Started("root/ledger", 2))).isEqualTo(200);
        realLike(json, outcome);
    }

    @Test
    void the_same_work_in_init_delay_ms_keeps_the_sibling_down_until_it_is_done() {
        String json = file("""
                { "id": "root", "intensity": 3, "period_s": 5, "children": [ { "id": "gateway", "init": { "delay_ms": 3000 } },
                  { "id": "ledger" } ] }""", 4000,
                "{ \"at_ms\": 100, \"target\": \"root/gateway\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 200, \"target\": \"root/ledger\", \"kind\": \"kill\" }");

        assertThat(timeOf(simulated(json), new Started("root/ledger", 2))).isEqualTo(3100);
    }

    @Test
    void messages_wait_in_the_mailbox_while_the_worker_continues() {
        String json = file("""
                { "id": "root", "intensity": 3, "period_s": 5, "children": [ { "id": "gateway", "continue_ms": 2000 },
                  { "id": "ledger" } ] }""", 2000,
                "{ \"at_ms\": 100, \"target\": \"root/gateway\", \"kind\": \"raise\", \"reason\": \"boom\" }",
                "{ \"at_ms\": 300, \"target\": \"root/ledger\", \"kind\": \"raise\", \"reason\": \"boom\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).containsSubsequence(new Exited("root/ledger", 1, "error:boom"),
                new Exited("root/gateway", 1, "error:boom"));
        assertThat(timeOf(outcome, new Exited("root/gateway", 1, "error:boom"))).isEqualTo(2000);
        realLike(json, outcome); // 1.7 s between the ledger's raise and the end of the gateway's work: order survives a loaded machine
    }
}
