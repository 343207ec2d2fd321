package dev.cascade.cli.otp;

import dev.cascade.scenario.Outcome;
import dev.cascade.scenario.OutcomeEvent;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeDiffTests {
    private static final OutcomeEvent STARTED_A = new OutcomeEvent.Started("root/a", 1);
    private static final OutcomeEvent STARTED_ROOT = new OutcomeEvent.Started("root", 1);
    private static final OutcomeEvent CRASHED_A = new OutcomeEvent.Exited("root/a", 1, "error:boom");
    private static final OutcomeEvent RESTARTED_A = new OutcomeEvent.Started("root/a", 2);

    private static Outcome outcome(Map<String, Integer> last, OutcomeEvent... events) {
        return new Outcome("s", List.of(events), last);
    }

    private static Map<String, Integer> finalOf(Integer root, Integer a) {
        Map<String, Integer> last = new LinkedHashMap<>();
        last.put("root", root);
        last.put("root/a", a);
        return last;
    }

    @Test
    void outcomes_that_differ_only_in_event_times_agree() {
        Outcome cascade = outcome(finalOf(1, 2), STARTED_A, STARTED_ROOT, CRASHED_A, RESTARTED_A);
        Outcome otp = outcome(finalOf(1, 2), STARTED_A, STARTED_ROOT,
                new OutcomeEvent.Exited("root/a", 1, "error:boom", OptionalLong.of(103)), RESTARTED_A);
        assertThat(OutcomeDiff.of(cascade, otp).agree()).isTrue();
    }

    @Test
    void names_the_first_differing_event_and_shows_a_line_diff() {
        Outcome cascade = outcome(finalOf(1, 2), STARTED_A, STARTED_ROOT, CRASHED_A, RESTARTED_A);
        Outcome otp = outcome(finalOf(null, null), STARTED_A, STARTED_ROOT, CRASHED_A,
                new OutcomeEvent.SupervisorTerminated("root", 1, "shutdown"));
        OutcomeDiff diff = OutcomeDiff.of(cascade, otp);

        assertThat(diff.agree()).isFalse();
        assertThat(diff.firstDifference()).isEqualTo(3);
        assertThat(diff.report()).isEqualTo("""
                  first difference at event 4:
                    cascade: started root/a #2
                    otp:     supervisor_terminated root #1 shutdown
                  events (- cascade only, + otp only):
                      started root/a #1
                      started root #1
                      exited root/a #1 error:boom
                    - started root/a #2
                    + supervisor_terminated root #1 shutdown
                  final incarnations differ:
                    root: cascade 1, otp null
                    root/a: cascade 2, otp null
                """);
    }

    @Test
    void a_missing_tail_is_a_difference_at_the_end_of_the_shorter_list() {
        Outcome cascade = outcome(finalOf(1, 1), STARTED_A, STARTED_ROOT);
        Outcome otp = outcome(finalOf(1, 1), STARTED_A, STARTED_ROOT, new OutcomeEvent.FaultSkipped("root/a"));
        OutcomeDiff diff = OutcomeDiff.of(cascade, otp);

        assertThat(diff.firstDifference()).isEqualTo(2);
        assertThat(diff.report()).contains("cascade: (no more events)", "otp:     fault_skipped root/a",
                "+ fault_skipped root/a");
    }

    @Test
    void pairs_the_events_both_lists_have_and_measures_how_late_otp_was() {
        Outcome cascade = outcome(finalOf(1, 2), STARTED_A, STARTED_ROOT,
                new OutcomeEvent.Exited("root/a", 1, "error:boom", OptionalLong.of(100)),
                new OutcomeEvent.Started("root/a", 2, OptionalLong.of(100)));
        Outcome otp = outcome(finalOf(1, 2), STARTED_A, STARTED_ROOT, new OutcomeEvent.FaultSkipped("root/b"),
                new OutcomeEvent.Exited("root/a", 1, "error:boom", OptionalLong.of(104)),
                new OutcomeEvent.Started("root/a", 2, OptionalLong.of(180)));
        OutcomeDiff diff = OutcomeDiff.of(cascade, otp);

        assertThat(diff.matches()).containsExactly(new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 3}, new int[] {3, 4});
        assertThat(Margins.lateness(cascade, otp, diff)).isEqualTo(80);
    }
}
