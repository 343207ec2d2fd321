package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioRuns.events;
import static dev.cascade.scenario.ScenarioRuns.file;
import static dev.cascade.scenario.ScenarioRuns.realLike;
import static dev.cascade.scenario.ScenarioRuns.simulated;
import static dev.cascade.scenario.ScenarioRuns.timeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.scenario.OutcomeEvent.Exited;
import dev.cascade.scenario.OutcomeEvent.Started;
import dev.cascade.trace.Accounting;
import org.junit.jupiter.api.Test;

/**
 * The worker knobs, run from files: {@code handling_ms}, {@code sends} (calls and casts, to live
 * and dead workers) and bounded {@code mailbox}es with each overflow policy. Simulated from several
 * seeds; on the real scheduler where the counts do not hang on a few milliseconds.
 */
class WorkerKnobRunTests {

    static String flood(int count) {
        return "{ \"at_ms\": 100, \"target\": \"root/db\", \"kind\": \"flood\", \"count\": " + count + " }";
    }

    @Test
    void a_call_to_a_worker_that_handles_slower_than_the_timeout_ends_the_caller_with_call_timeout() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "db", "handling_ms": 150 },
                  { "id": "api", "sends": [ { "to": "root/db", "every_ms": 200, "kind": "call", "timeout_ms": 100 } ] } ] }""",
                380);

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/api", 1, "call:timeout"), new Started("root/api", 2));
        assertThat(timeOf(outcome, new Exited("root/api", 1, "call:timeout"))).isEqualTo(300);
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(1, 1, 0, 0, 0));
        assertThat(outcome.messages().get("root/api")).isEqualTo(new Accounting(1, 0, 1, 0, 0)); // the late reply
        realLike(json, outcome);
    }

    @Test
    void casts_to_a_dead_worker_are_dropped_silently_and_calls_to_it_end_the_caller_with_call_noproc() {
        String json = file("""
                { "id": "root", "intensity": 5, "children": [ { "id": "db", "restart": "temporary" },
                  { "id": "feed", "sends": [ { "to": "root/db", "every_ms": 100, "kind": "cast" } ] },
                  { "id": "api", "sends": [ { "to": "root/db", "every_ms": 200, "kind": "call" } ] } ] }""",
                200, "{ \"at_ms\": 150, \"target\": \"root/db\", \"kind\": \"kill\" }");

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/db", 1, "killed"), new Exited("root/api", 1, "call:noproc"),
                new Started("root/api", 2));
        // casts at 100 (handled), 200 and 300 (dropped), and the call request at 200 (dropped: noproc)
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(4, 1, 3, 0, 0));
        assertThat(events(outcome)).noneMatch(event -> event.path().equals("root/feed") && event instanceof Exited);
        realLike(json, outcome);
    }

    @Test
    void a_rejecting_mailbox_drops_what_does_not_fit_and_the_casting_sender_goes_on() {
        String json = file("""
                { "id": "root", "children": [ { "id": "db", "handling_ms": 250, "mailbox": { "capacity": 1, "overflow": "reject" } },
                  { "id": "feed", "sends": [ { "to": "root/db", "every_ms": 100, "kind": "cast" } ] } ] }""", 530);

        Outcome outcome = simulated(json);

        // casts at 100 (handled 100-350), 200 (queued, in hand from 350), 300 (rejected), 400 (queued), 500 (rejected):
        // the one in hand counts as queued until its handler returns, so every cast is accounted for
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(5, 1, 2, 0, 2));
        assertThat(outcome.messages().get("root/db").balanced()).isTrue();
        assertThat(events(outcome)).allMatch(event -> event instanceof Started);
        Outcome real = realLike(json, outcome);
        assertThat(real.messages().get("root/db").dropped()).isPositive();
    }

    @Test
    void drop_newest_and_drop_oldest_keep_the_capacity_and_drop_the_rest_of_a_flood() {
        for (String policy : new String[] {"drop_newest", "drop_oldest"}) {
            String json = file("""
                    { "id": "root", "children": [ { "id": "db", "handling_ms": 50,
                      "mailbox": { "capacity": 3, "overflow": "%s" } } ] }""".formatted(policy), 200, flood(10));

            Outcome outcome = simulated(json);

            assertThat(outcome.messages().get("root/db")).as(policy).isEqualTo(new Accounting(10, 3, 7, 0, 0));
            Outcome real = realLike(json, outcome);
            assertThat(real.messages().get("root/db").dropped()).as(policy).isPositive(); // db may take one meanwhile
        }
    }

    @Test
    void a_crashing_mailbox_kills_its_worker_with_mailbox_overflow_and_loses_what_it_held() {
        String json = file("""
                { "id": "root", "children": [ { "id": "db", "handling_ms": 50, "mailbox": { "capacity": 3, "overflow": "crash" } } ] }""",
                100, flood(10));

        Outcome outcome = simulated(json);

        assertThat(events(outcome)).endsWith(new Exited("root/db", 1, "mailbox_overflow"), new Started("root/db", 2));
        // 3 queued and the 4th that overflowed are lost with it; the other 6 reach a dead process
        assertThat(outcome.messages().get("root/db")).isEqualTo(new Accounting(10, 0, 6, 4, 0));
        realLike(json, outcome);
    }

    @Test
    void terminate_delay_applies_when_the_supervisor_asks_and_not_when_a_stop_fault_ends_the_worker() {
        String json = file("""
                { "id": "root", "strategy": "one_for_all", "intensity": 5, "children": [
                  { "id": "w", "trap_exit": true, "terminate_delay_ms": 300, "shutdown_ms": 1000 }, { "id": "x" } ] }""",
                200,
                "{ \"at_ms\": 100, \"target\": \"root/x\", \"kind\": \"raise\", \"reason\": \"boom\" }",
                "{ \"at_ms\": 600, \"target\": \"root/w\", \"kind\": \"stop\", \"reason\": \"shutdown\" }");

        Outcome outcome = simulated(json);

        assertThat(timeOf(outcome, new Exited("root/w", 1, "shutdown"))).isEqualTo(400); // asked by root: 300 ms
        assertThat(timeOf(outcome, new Exited("root/w", 2, "shutdown"))).isEqualTo(600); // the fault: at once
        assertThat(timeOf(outcome, new Started("root/x", 3))).isEqualTo(600);
        realLike(json, outcome);
    }
}
