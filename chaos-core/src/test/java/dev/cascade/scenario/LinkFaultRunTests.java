package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioRuns.events;
import static dev.cascade.scenario.ScenarioRuns.file;
import static dev.cascade.scenario.ScenarioRuns.realScaled;
import static dev.cascade.scenario.ScenarioRuns.simulated;
import static dev.cascade.scenario.ScenarioRuns.timeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.FaultOutcome.Hit;
import dev.cascade.scenario.OutcomeEvent.Exited;
import dev.cascade.scenario.OutcomeEvent.Started;
import dev.cascade.scenario.OutcomeEvent.SupervisorTerminated;
import dev.cascade.trace.Accounting;
import org.junit.jupiter.api.Test;

/**
 * The fault kinds that act on messages between two paths, on calls, and on a supervisor's
 * intensity, run from files: simulated from several seeds and on the real scheduler, with sends
 * at least 50 ms away from the edges of each fault's window — on the real scheduler with every time
 * of the file {@link ScenarioRuns#REAL_SCALE} times longer, so at least 200 ms away there.
 */
class LinkFaultRunTests {

    /** feed casts to db every 100 ms; api calls db every 200 ms (timeout 100 ms). */
    static final String TREE = """
            { "id": "root", "intensity": 5, "children": [ { "id": "db" },
              { "id": "feed", "sends": [ { "to": "root/db", "every_ms": 100, "kind": "cast" } ] },
              { "id": "api", "sends": [ { "to": "root/db", "every_ms": 200, "kind": "call", "timeout_ms": 100 } ] } ] }""";

    static String fault(int at, String kind, String more) {
        return "{ \"at_ms\": " + at + ", \"target\": \"root/db\", \"kind\": \"" + kind + "\", " + more + " }";
    }

    @Test
    void drop_loses_the_messages_of_its_window_between_two_paths_only() {
        String json = file(TREE, 400, fault(150, "drop", "\"from\": \"root/feed\", \"window_ms\": 200"));

        Outcome outcome = simulated(json);

        assertThat(outcome.ledger().getFirst().hits()).extracting(Hit::tMs).containsExactly(200L, 300L);
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(7, 5, 2, 0, 0)); // 5 casts, 2 calls
        assertThat(events(outcome)).noneMatch(event -> event instanceof Exited);
        realScaled(json, outcome);
    }

    @Test
    void a_dropped_call_request_ends_its_caller_with_call_timeout() {
        String json = file(TREE, 400, fault(350, "drop", "\"from\": \"root/api\", \"window_ms\": 100"));

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/api", 1, "call:timeout"), new Started("root/api", 2));
        assertThat(timeOf(outcome, new Started("root/api", 2))).isEqualTo(500);
        assertThat(outcome.ledger().getFirst().hits()).containsExactly(
                new Hit(400, "root/db", 1, "drop call request 2 of root/api"));
        realScaled(json, outcome);
    }

    @Test
    void delay_makes_a_call_request_arrive_after_its_timeout_and_the_late_reply_is_dropped() {
        String json = file(TREE, 400, fault(350, "delay", "\"from\": \"root/api\", \"delay_ms\": 150, \"window_ms\": 100"));

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/api", 1, "call:timeout"), new Started("root/api", 2));
        assertThat(outcome.ledger().getFirst().hits()).containsExactly(
                new Hit(400, "root/db", 1, "delay call request 2 of root/api"));
        assertThat(outcome.messages().get("root/db").handled()).isEqualTo(10); // 7 casts; calls at 200, 400 (late), 700
        assertThat(outcome.messages().get("root/api").dropped()).isEqualTo(1); // the reply to the dead caller
        realScaled(json, outcome);
    }

    @Test
    void duplicate_delivers_each_message_of_its_window_twice() {
        String json = file(TREE, 400, fault(150, "duplicate", "\"from\": \"root/feed\", \"window_ms\": 200"));

        Outcome outcome = simulated(json);

        assertThat(outcome.ledger().getFirst().hits()).extracting(Hit::detail)
                .containsExactly("duplicate cast request 2 of root/feed", "duplicate cast request 3 of root/feed");
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(9, 9, 0, 0, 0));
        realScaled(json, outcome);
    }

    @Test
    void reorder_holds_the_messages_of_its_window_and_delivers_them_when_it_ends() {
        String json = file(TREE, 400, fault(150, "reorder", "\"from\": \"root/feed\", \"window_ms\": 200"));

        Outcome outcome = simulated(json);

        assertThat(outcome.ledger().getFirst().hits()).extracting(Hit::tMs).containsExactly(200L, 300L);
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(7, 7, 0, 0, 0));
        realScaled(json, outcome);
    }

    @Test
    void breach_intensity_kills_a_child_one_time_more_than_its_supervisor_allows() {
        String json = file("""
                { "id": "root", "intensity": 1, "children": [ { "id": "db" }, { "id": "cache" } ] }""", 200,
                "{ \"at_ms\": 100, \"target\": \"root/cache\", \"kind\": \"breach_intensity\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/cache", 1, "killed"), new Started("root/cache", 2),
                new Exited("root/cache", 2, "killed"), new Exited("root/db", 1, "shutdown"),
                new SupervisorTerminated("root", 1, "shutdown"));
        assertThat(outcome.finalIncarnations()).containsValues((Integer) null);
        assertThat(outcome.ledger().getFirst().hits()).extracting(Hit::detail)
                .containsExactly("failure 1 of 2 (intensity 1 in 5000 ms)", "failure 2 of 2 (intensity 1 in 5000 ms)");
        realScaled(json, outcome);
    }

    @Test
    void call_timeout_makes_the_next_call_of_the_caller_outlast_its_timeout_and_leaves_other_callers_alone() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "db" },
                  { "id": "api", "sends": [ { "to": "root/db", "every_ms": 200, "kind": "call", "timeout_ms": 100 } ] },
                  { "id": "ops", "sends": [ { "to": "root/db", "every_ms": 300, "kind": "call", "timeout_ms": 100 } ] } ] }""",
                400, "{ \"at_ms\": 250, \"target\": \"root/db\", \"kind\": \"call_timeout\", \"caller\": \"root/api\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/api", 1, "call:timeout"), new Started("root/api", 2));
        assertThat(timeOf(outcome, new Exited("root/api", 1, "call:timeout"))).isEqualTo(500);
        assertThat(outcome.ledger().getFirst().hits()).containsExactly(new Hit(400, "root/db", 1,
                "call request 2 of root/api from root/api handled after 110 ms (its timeout: 100 ms)"));
        realScaled(json, outcome);
    }
}
