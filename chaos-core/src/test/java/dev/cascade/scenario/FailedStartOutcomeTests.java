package dev.cascade.scenario;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scenario-format.md, Outcome: a tree that fails to start lists every exit up to the root's
 * start_failed, and its final state is all null. A child supervisor with brutal_kill is killed in
 * the clean-up while its own children are alive: they end after the root's start has returned, and
 * the outcome still has their exits, in the canonical order after a killed supervisor. Found by
 * {@code cascade otp}: the run used to stop recording as soon as the root's start returned.
 */
class FailedStartOutcomeTests {
    static final String KILLED_IN_THE_CLEAN_UP = ScenarioRuns.file("""
            { "id": "root", "children": [
              { "id": "sa", "supervisor": true, "shutdown": "brutal_kill", "children": [
                { "id": "w" },
                { "id": "ss", "supervisor": true, "children": [ { "id": "x", "trap_exit": true } ] } ] },
              { "id": "b", "init": { "fail_on": [1] } } ] }
            """, 100);

    @Test
    void the_exits_below_a_supervisor_killed_in_the_clean_up_are_recorded_and_nothing_is_left_alive() {
        Outcome outcome = ScenarioRuns.simulated(KILLED_IN_THE_CLEAN_UP);
        assertThat(ScenarioRuns.events(outcome)).containsExactly(
                new OutcomeEvent.Started("root/sa/w", 1),
                new OutcomeEvent.Started("root/sa/ss/x", 1),
                new OutcomeEvent.Started("root/sa/ss", 1),
                new OutcomeEvent.Started("root/sa", 1),
                new OutcomeEvent.StartFailed("root/b", "init_failed"),
                new OutcomeEvent.SupervisorTerminated("root/sa", 1, "killed"),
                new OutcomeEvent.Exited("root/sa/ss/x", 1, "shutdown"),
                new OutcomeEvent.SupervisorTerminated("root/sa/ss", 1, "killed"),
                new OutcomeEvent.Exited("root/sa/w", 1, "killed"),
                new OutcomeEvent.StartFailed("root", "shutdown:failed_to_start_child"));
        Map<String, Integer> allNull = new LinkedHashMap<>();
        outcome.finalIncarnations().keySet().forEach(path -> allNull.put(path, null));
        assertThat(outcome.finalIncarnations()).hasSize(6).isEqualTo(allNull);
        ScenarioRuns.realLike(KILLED_IN_THE_CLEAN_UP, outcome);
    }
}
