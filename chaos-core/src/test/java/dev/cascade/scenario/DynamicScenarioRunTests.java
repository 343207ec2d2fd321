package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioRuns.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.simulation.DeterminismCheck;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/**
 * Scenario files with a dynamic supervisor run as Elixir's DynamicSupervisor behaves (otp-semantics
 * 4.2): children started during the run hold their key's path, are restarted one-for-one within the
 * supervisor's intensity (traced as a static supervisor's restarts are), and a start past
 * {@code max_children} is answered {@code {error, max_children}}; the same outcome on both schedulers,
 * and on the simulated one for every seed.
 */
class DynamicScenarioRunTests {

    /** root (one_for_one) with a gateway and a dynamic supervisor of transient sessions. */
    static String tree(String sessionsExtra, String template, String... starts) {
        return """
                { "id": "root", "supervisor": true, "intensity": 3, "children": [
                  { "id": "gateway" },
                  { "id": "sessions", "supervisor": "dynamic", %s "templates": [ %s ], "starts": [ %s ] } ] }
                """.formatted(sessionsExtra, template, String.join(", ", starts));
    }

    static final String SESSION = "{ \"id\": \"session\", \"restart\": \"transient\", \"shutdown_ms\": 1000 }";

    static String start(int atMs, String key) {
        return "{ \"at_ms\": %d, \"template\": \"session\", \"key\": \"%s\" }".formatted(atMs, key);
    }

    static String raise(int atMs, String target) {
        return "{ \"at_ms\": %d, \"target\": \"%s\", \"kind\": \"raise\", \"reason\": \"boom\" }".formatted(atMs, target);
    }

    static final String SESSIONS = ScenarioRuns.file(
            tree("\"intensity\": 1, \"max_children\": 2,", SESSION, start(0, "alice"), start(100, "bob"), start(200, "carol")),
            500, raise(300, "root/sessions/alice"), raise(600, "root/sessions/alice"));

    @Test
    void dynamic_children_hold_their_key_paths_and_a_start_past_max_children_is_error_max_children_on_both_schedulers() {
        Outcome simulated = ScenarioRuns.simulated(SESSIONS);
        ScenarioRuns.realLike(SESSIONS, simulated);

        assertThat(events(simulated)).containsExactly(
                new OutcomeEvent.Started("root/gateway", 1),
                new OutcomeEvent.Started("root/sessions", 1),
                new OutcomeEvent.Started("root", 1),
                new OutcomeEvent.Started("root/sessions/alice", 1),
                new OutcomeEvent.Started("root/sessions/bob", 1),
                new OutcomeEvent.StartFailed("root/sessions/carol", "max_children"),        // 4.2: {:error, :max_children}
                new OutcomeEvent.Exited("root/sessions/alice", 1, "error:boom"),
                new OutcomeEvent.Started("root/sessions/alice", 2),                         // 3.4: transient, abnormal: restarted
                new OutcomeEvent.Exited("root/sessions/alice", 2, "error:boom"),            // 2 restarts > intensity 1 in 5 s
                new OutcomeEvent.Exited("root/sessions/bob", 1, "shutdown"),
                new OutcomeEvent.SupervisorTerminated("root/sessions", 1, "shutdown"),      // I8: gives up with shutdown
                new OutcomeEvent.Started("root/sessions", 2));                              // its parent restarts it, childless
        java.util.Map<String, Integer> finals = new java.util.LinkedHashMap<>();
        finals.put("root", 1);
        finals.put("root/gateway", 1);
        finals.put("root/sessions", 2);
        finals.put("root/sessions/alice", null);
        finals.put("root/sessions/bob", null);
        finals.put("root/sessions/carol", null);
        assertThat(simulated.finalIncarnations()).containsExactlyEntriesOf(finals);
        assertThat(ScenarioRuns.timeOf(simulated, new OutcomeEvent.Started("root/sessions/bob", 1))).isEqualTo(100);
        assertThat(simulated.messages()).containsKeys("root/sessions/alice", "root/sessions/bob", "root/sessions/carol");
    }

    @Test
    void the_dynamic_supervisors_restarts_and_give_up_are_traced_naming_the_key_path_and_explained_back_to_the_fault() {
        ScenarioRun run = ScenarioRunner.record(ScenarioReader.read(SESSIONS), SimulatedScheduler.withSeed(0));
        Trace trace = run.trace();

        assertThat(trace.events(TraceEvent.RestartDecided.class)).extracting(r -> r.supervisor() + " restarts " + r.child())
                .containsExactly("root/sessions#1 restarts root/sessions/alice", "root#1 restarts root/sessions");
        TraceEvent.SupervisorGaveUp gaveUp = trace.events(TraceEvent.SupervisorGaveUp.class).getFirst();
        assertThat(gaveUp.supervisor().toString()).isEqualTo("root/sessions#1");
        assertThat(trace.explain(gaveUp).text()).isEqualTo("""
                root/sessions/alice exited error:boom 2× in 300 ms (fault raise boom on root/sessions/alice)
                → root/sessions#1 gave up (2 restarts > intensity 1 in 5 s)
                → root#1 restarted root/sessions""");
        assertThat(trace.events(TraceEvent.StartFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.describe()).isEqualTo("root/sessions/carol failed to start: max_children"));
    }

    @Test
    void a_fault_on_a_key_whose_start_was_refused_is_skipped_not_an_error() {
        String json = ScenarioRuns.file(tree("\"max_children\": 1,", SESSION, start(0, "alice"), start(100, "bob")),
                200, "{ \"at_ms\": 200, \"target\": \"root/sessions/bob\", \"kind\": \"kill\" }");

        Outcome outcome = ScenarioRuns.simulated(json);
        ScenarioRuns.realLike(json, outcome);

        assertThat(events(outcome)).endsWith(new OutcomeEvent.StartFailed("root/sessions/bob", "max_children"),
                new OutcomeEvent.FaultSkipped("root/sessions/bob"));
        assertThat(outcome.ledger()).singleElement().satisfies(kill -> {
            assertThat(kill.status()).isEqualTo(FaultOutcome.Status.SKIPPED);
            assertThat(kill.why()).contains("no live process at root/sessions/bob at 200 ms");
        });
    }

    @Test
    void a_template_start_that_fails_or_is_ignored_is_start_failed_or_ignored_at_the_key_path() {
        String template = "{ \"id\": \"session\", \"init\": { \"fail_on\": [1] } }, { \"id\": \"guest\", \"init\": { \"ignore_on\": [1] } }";
        String json = ScenarioRuns.file(tree("", template, start(0, "alice"),
                "{ \"at_ms\": 50, \"template\": \"guest\", \"key\": \"anon\" }"), 100);

        Outcome outcome = ScenarioRuns.simulated(json);
        ScenarioRuns.realLike(json, outcome);

        assertThat(events(outcome)).endsWith(new OutcomeEvent.StartFailed("root/sessions/alice", "init_failed"),
                new OutcomeEvent.Ignored("root/sessions/anon"));
    }

    @Test
    void a_start_asked_of_a_dynamic_supervisor_that_is_gone_fails_with_noproc() {
        String json = ScenarioRuns.file(tree("\"restart\": \"temporary\",", SESSION, start(100, "alice")), 100,
                "{ \"at_ms\": 0, \"target\": \"root/sessions\", \"kind\": \"kill\" }");

        Outcome outcome = ScenarioRuns.simulated(json);
        ScenarioRuns.realLike(json, outcome);

        assertThat(events(outcome)).endsWith(new OutcomeEvent.SupervisorTerminated("root/sessions", 1, "killed"),
                new OutcomeEvent.StartFailed("root/sessions/alice", "noproc"));
    }

    @Test
    void a_simulated_run_with_dynamic_starts_replays_step_for_step_from_its_seed() {
        DeterminismCheck.Result<Outcome> check = ScenarioRunner.checkDeterminism(ScenarioReader.read(SESSIONS), 11);

        assertThat(check.reproducible()).as(check.describe()).isTrue();
    }
}
