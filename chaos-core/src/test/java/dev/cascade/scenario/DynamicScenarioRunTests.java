package dev.cascade.scenario;

import static dev.cascade.scenario.ScenarioRuns.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void a_flood_on_a_path_with_no_live_process_at_its_time_is_skipped_as_in_a_file_without_dynamic_children() {
        String tree = """
                { "id": "root", "supervisor": true, "intensity": 3, "children": [
                  { "id": "gateway", "restart": "temporary" },
                  { "id": "sessions", "supervisor": "dynamic", "max_children": 1, "templates": [ %s ],
                    "starts": [ %s, %s ] } ] }
                """.formatted(SESSION, start(0, "alice"), start(100, "bob"));
        String json = ScenarioRuns.file(tree, 100,
                "{ \"at_ms\": 50, \"target\": \"root/gateway\", \"kind\": \"kill\" }",
                "{ \"at_ms\": 200, \"target\": \"root/gateway\", \"kind\": \"flood\", \"count\": 10 }",
                "{ \"at_ms\": 200, \"target\": \"root/sessions/bob\", \"kind\": \"flood\", \"count\": 10 }");

        Outcome outcome = ScenarioRuns.simulated(json);
        ScenarioRuns.realLike(json, outcome);

        assertThat(events(outcome)).endsWith(new OutcomeEvent.FaultSkipped("root/gateway"), new OutcomeEvent.FaultSkipped("root/sessions/bob"));
        assertThat(outcome.ledger()).extracting(FaultOutcome::status)
                .containsExactly(FaultOutcome.Status.FIRED, FaultOutcome.Status.SKIPPED, FaultOutcome.Status.SKIPPED);
    }

    @Test
    void an_intensity_breach_of_a_key_counts_against_the_dynamic_supervisors_own_intensity() {
        String json = ScenarioRuns.file(tree("\"intensity\": 2,", SESSION, start(0, "alice"), start(0, "bob")), 200,
                "{ \"at_ms\": 100, \"target\": \"root/sessions/alice\", \"kind\": \"breach_intensity\" }");

        Outcome outcome = ScenarioRuns.simulated(json);
        ScenarioRuns.realLike(json, outcome);

        assertThat(outcome.ledger()).singleElement().satisfies(breach ->   // intensity 2: 3 kills inside the period
                assertThat(breach.hits()).extracting(FaultOutcome.Hit::incarnation).containsExactly(1, 2, 3));
        assertThat(events(outcome)).contains(new OutcomeEvent.SupervisorTerminated("root/sessions", 1, "shutdown"),
                new OutcomeEvent.Exited("root/sessions/bob", 1, "shutdown"), new OutcomeEvent.Started("root/sessions", 2));
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

    @Test
    void the_run_ends_settle_ms_after_the_last_start_when_it_comes_after_the_last_fault() {
        String json = ScenarioRuns.file(tree("", SESSION, start(0, "alice"), start(700, "bob")), 100,
                raise(300, "root/sessions/alice"));
        Scenario scenario = ScenarioReader.read(json);

        assertThat(scenario.span()).isEqualTo(java.time.Duration.ofMillis(700));
        Outcome outcome = ScenarioRuns.simulated(json);
        assertThat(ScenarioRuns.timeOf(outcome, new OutcomeEvent.Started("root/sessions/bob", 1))).isEqualTo(700);
        assertThat(outcome.finalIncarnations()).containsEntry("root/sessions/alice", 2).containsEntry("root/sessions/bob", 1);
    }

    @Test
    void specs_are_checked_on_a_run_with_dynamic_children() {
        String json = SESSIONS.replace("\"settle_ms\": 500", "\"settle_ms\": 500, \"specs\": [\"rootSurvives()\", \"maxRestarts(root/sessions, 0)\"]");
        Scenario scenario = ScenarioReader.read(json);

        java.util.List<dev.cascade.spec.Verdict> verdicts = dev.cascade.spec.ScenarioSpecs.check(scenario,
                dev.cascade.spec.ScenarioSpecs.read(json, scenario), 0);
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.get(0).passed()).isTrue();
        assertThat(verdicts.get(1).passed()).as("root/sessions gave up and was restarted once").isFalse();
    }

    @Test
    void specs_name_dynamic_children_by_key_and_one_keys_crash_loop_is_not_isolated_from_the_others() {
        String json = SESSIONS.replace("\"settle_ms\": 500", "\"settle_ms\": 500, \"specs\":"
                + " [\"isolation(root/sessions/alice, root/sessions/bob)\", \"maxRestarts(root/sessions/alice, 1)\"]");
        Scenario scenario = ScenarioReader.read(json);

        java.util.List<dev.cascade.spec.Verdict> verdicts = dev.cascade.spec.ScenarioSpecs.check(scenario,
                dev.cascade.spec.ScenarioSpecs.read(json, scenario), 0);

        assertThat(verdicts.get(0)).isInstanceOf(dev.cascade.spec.Verdict.Fail.class); // 4.2: the give-up shuts bob down
        assertThat(((dev.cascade.spec.Verdict.Fail) verdicts.get(0)).what()).contains("root/sessions/bob");
        assertThat(verdicts.get(1).passed()).isTrue();
    }

    @Test
    void a_spec_naming_a_key_no_start_names_is_refused_at_its_location() {
        String json = SESSIONS.replace("\"settle_ms\": 500", "\"settle_ms\": 500, \"specs\": [\"rootSurvives()\","
                + " \"maxRestarts(root/sessions/zed, 1)\"]");

        assertThatThrownBy(() -> ScenarioReader.read(json)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageStartingWith("specs[1]: spec \"maxRestarts(root/sessions/zed, 1)\": \"root/sessions/zed\" is not a path of the tree");
    }
}
