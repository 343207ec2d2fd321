package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioRuns.events;
import static dev.cascade.scenario.ScenarioRuns.file;
import static dev.cascade.scenario.ScenarioRuns.REAL_SCALE;
import static dev.cascade.scenario.ScenarioRuns.realScaled;
import static dev.cascade.scenario.ScenarioRuns.simulated;
import static dev.cascade.scenario.ScenarioRuns.timeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.FaultOutcome.Hit;
import dev.cascade.scenario.FaultOutcome.Status;
import dev.cascade.scenario.OutcomeEvent.Exited;
import dev.cascade.scenario.OutcomeEvent.FaultSkipped;
import dev.cascade.scenario.OutcomeEvent.StartFailed;
import dev.cascade.scenario.OutcomeEvent.Started;
import dev.cascade.scenario.OutcomeEvent.SupervisorTerminated;
import org.junit.jupiter.api.Test;

/**
 * Each fault kind a scenario file can name, run from a file: simulated from several seeds (the same
 * outcome, times included, for each) and on the real scheduler (the same events), the latter with
 * every time of the file {@link ScenarioRuns#REAL_SCALE} times longer, so faults 50 ms apart are
 * 200 ms apart there and a loaded machine cannot reorder them.
 */
class FaultKindRunTests {

    static final String STARTED = "started root/db, root/temp, root/app/cache, root/app, root";

    @Test
    void kill_ends_a_worker_or_a_supervisor_killed_and_a_dead_target_is_a_fault_skipped_event() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "db" }, { "id": "temp", "restart": "temporary" },
                  { "id": "app", "supervisor": true, "children": [ { "id": "cache" } ] } ] }""", 200,
                "{ \"at_ms\": 100, \"target\": \"root/db\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 150, \"target\": \"root/temp\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 200, \"target\": \"root/temp\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 300, \"target\": \"root/app\", \"kind\": \"kill\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).containsSubsequence(new Exited("root/db", 1, "killed"), new Started("root/db", 2),
                new Exited("root/temp", 1, "killed"), new FaultSkipped("root/temp"),
                new SupervisorTerminated("root/app", 1, "killed"), new Exited("root/app/cache", 1, "killed"),
                new Started("root/app/cache", 2), new Started("root/app", 2));
        assertThat(outcome.ledger()).extracting(FaultOutcome::status)
                .containsExactly(Status.FIRED, Status.FIRED, Status.SKIPPED, Status.FIRED);
        assertThat(outcome.ledger().get(2).why()).isEqualTo("no live process at root/temp at 200 ms (dead, restarting,"
                + " or still starting)");
        assertThat(outcome.ledger().get(3).hits()).containsExactly(new Hit(300, "root/app", 1, "killed"));
        realScaled(json, outcome);
    }

    @Test
    void slow_handling_makes_the_next_call_outlast_its_timeout_and_a_window_without_messages_is_skipped() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "db" }, { "id": "idle" },
                  { "id": "api", "sends": [ { "to": "root/db", "every_ms": 200, "kind": "call", "timeout_ms": 100 } ] } ] }""",
                450,
                "{ \"at_ms\": 250, \"target\": \"root/db\", \"kind\": \"slow_handling\", \"delay_ms\": 300, \"messages\": 1 }",
                "{ \"at_ms\": 250, \"target\": \"root/idle\", \"kind\": \"slow_handling\", \"delay_ms\": 300, \"duration_ms\": 100 }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).containsSubsequence(new Exited("root/api", 1, "call:timeout"), new Started("root/api", 2));
        assertThat(timeOf(outcome, new Exited("root/api", 1, "call:timeout"))).isEqualTo(500);
        assertThat(outcome.ledger().get(0).hits()).containsExactly(
                new Hit(400, "root/db", 1, "handling request 2 of root/api took +300 ms"));
        assertThat(outcome.ledger().get(1).status()).isEqualTo(Status.SKIPPED);
        assertThat(outcome.ledger().get(1).why()).isEqualTo("no every message reached root/idle while it was armed");
        realScaled(json, outcome);
    }

    @Test
    void slow_start_blocks_the_supervisor_so_a_sibling_restarts_only_after_it() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "cache" }, { "id": "db" } ] }""", 400,
                "{ \"at_ms\": 50, \"target\": \"root/cache\", \"kind\": \"slow_start\", \"delay_ms\": 300, \"attempts\": [2] }",
                "{ \"at_ms\": 100, \"target\": \"root/cache\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 200, \"target\": \"root/db\", \"kind\": \"kill\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/cache", 1, "killed"), new Exited("root/db", 1, "killed"),
                new Started("root/cache", 2), new Started("root/db", 2));
        assertThat(timeOf(outcome, new Started("root/db", 2))).isEqualTo(400);
        assertThat(outcome.ledger().get(0).hits()).containsExactly(new Hit(100, "root/cache", 0, "start attempt 2 took +300 ms"));
        Outcome real = realScaled(json, outcome);
        assertThat(timeOf(real, new Started("root/db", 2))).isGreaterThanOrEqualTo(390L * REAL_SCALE);
    }

    @Test
    void failing_start_fails_the_listed_attempts_with_init_failed_and_an_attempt_that_never_comes_is_skipped() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "cache" }, { "id": "db" } ] }""", 200,
                "{ \"at_ms\": 50, \"target\": \"root/cache\", \"kind\": \"failing_start\", \"attempts\": [2, 3] }",
                "{ \"at_ms\": 50, \"target\": \"root/db\", \"kind\": \"failing_start\", \"attempts\": [9] }",
                "{ \"at_ms\": 100, \"target\": \"root/cache\", \"kind\": \"kill\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/cache", 1, "killed"), new StartFailed("root/cache", "init_failed"),
                new StartFailed("root/cache", "init_failed"), new Started("root/cache", 2));
        assertThat(outcome.ledger().get(0).hits()).extracting(Hit::detail)
                .containsExactly("start attempt 2 failed: init_failed", "start attempt 3 failed: init_failed");
        assertThat(outcome.ledger().get(1).why()).startsWith("the run ended before it applied")
                .contains("no listed start attempt of root/db came (1 attempts in all)");
        realScaled(json, outcome);
    }

    @Test
    void flood_sends_its_messages_from_outside_the_tree_and_a_dead_target_is_a_fault_skipped_event() {
        String json = file("""
                { "id": "root", "children": [ { "id": "db", "handling_ms": 10 }, { "id": "temp", "restart": "temporary" } ] }""",
                400,
                "{ \"at_ms\": 100, \"target\": \"root/db\", \"kind\": \"flood\", \"count\": 20 }",
                "{ \"at_ms\": 100, \"target\": \"root/temp\", \"kind\": \"flood\", \"count\": 5, \"interval_ms\": 50 }",
                "{ \"at_ms\": 220, \"target\": \"root/temp\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 320, \"target\": \"root/temp\", \"kind\": \"flood\", \"count\": 5 }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/temp", 1, "killed"), new FaultSkipped("root/temp"));
        assertThat(outcome.ledger().get(0).hits()).containsExactly(new Hit(100, "root/db", 1, "20 messages at once"));
        assertThat(outcome.ledger().get(1).hits()).containsExactly(new Hit(100, "root/temp", 1, "5 messages, one every 50 ms"));
        assertThat(outcome.messages().get("root/db").handled()).isEqualTo(20);
        assertThat(outcome.messages().get("root/temp").sent()).isEqualTo(5); // 100, 150, 200 before the kill; 250, 300 after
        assertThat(outcome.messages().get("root/temp").dropped()).isEqualTo(2); // sent to the dead incarnation
        Outcome real = realScaled(json, outcome);
        assertThat(real.messages().get("root/db").handled()).isEqualTo(20);
    }

    @Test
    void start_and_handling_faults_act_on_a_nested_supervisor_too_whose_paths_start_at_the_root_id() {
        String json = file("""
                { "id": "top", "intensity": 5, "children": [
                  { "id": "app", "supervisor": true, "intensity": 5, "children": [ { "id": "cache" }, { "id": "api" } ] } ] }""",
                400,
                "{ \"at_ms\": 50, \"target\": \"top/app\", \"kind\": \"failing_start\", \"attempts\": [2] }",
                "{ \"at_ms\": 50, \"target\": \"top/app\", \"kind\": \"slow_start\", \"delay_ms\": 200, \"attempts\": [3] }",
                "{ \"at_ms\": 100, \"target\": \"top/app\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 600, \"target\": \"top/app\", \"kind\": \"slow_handling\", \"delay_ms\": 300, \"messages\": 1 }",
                "{ \"at_ms\": 700, \"target\": \"top/app/cache\", \"kind\": \"kill\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new SupervisorTerminated("top/app", 1, "killed"),
                new Exited("top/app/api", 1, "killed"), new Exited("top/app/cache", 1, "killed"),
                new StartFailed("top/app", "init_failed"), new Started("top/app/cache", 2), new Started("top/app/api", 2),
                new Started("top/app", 2), new Exited("top/app/cache", 2, "killed"), new Started("top/app/cache", 3));
        assertThat(timeOf(outcome, new Started("top/app", 2))).isEqualTo(300);
        assertThat(timeOf(outcome, new Started("top/app/cache", 3))).isEqualTo(1000); // app handled the exit 300 ms late
        assertThat(outcome.finalIncarnations()).containsEntry("top", 1).containsEntry("top/app/cache", 3);
        realScaled(json, outcome);
    }
}
