package dev.cascade.gate.internal;

import dev.cascade.gate.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTests {
    private static final Rules.Compiled NO_WORSE = Rules.DEFAULT;

    private static Rules.Compiled rule(String metrics, String compare, Map<String, String> tolerances) {
        return Rules.of(List.of(new Rule("*", metrics, compare, tolerances))).forTest("t");
    }

    @Test
    void identical_simulated_runs_have_no_differences() {
        Snapshot run = Runs.simulated("t").count("restarts[p:root/a]", 3).build();
        assertThat(Comparison.compare(run.readings(), run, NO_WORSE)).isEmpty();
    }

    @Test
    void one_more_restart_is_worse_under_no_worse() {
        Snapshot before = Runs.simulated("t").count("restarts[p:root/a]", 1).build();
        Snapshot now = Runs.simulated("t").count("restarts[p:root/a]", 2).build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE))
                .singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Difference.Kind.WORSE);
                    assertThat(d.key()).isEqualTo("restarts[p:root/a]");
                    assertThat(d.change()).isEqualTo("1 → 2");
                    assertThat(d.rule()).isEqualTo("noWorse");
                });
    }

    @Test
    void fewer_restarts_are_better_and_do_not_drift_under_no_worse_but_drift_under_equal() {
        Snapshot before = Runs.simulated("t").count("restarts[p:root/a]", 2).build();
        Snapshot now = Runs.simulated("t").count("restarts[p:root/a]", 1).build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> assertThat(d.drifts()).isFalse());
        assertThat(Comparison.compare(before.readings(), now, rule("restarts", "equal", Map.of()))).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Difference.Kind.CHANGED);
                    assertThat(d.drifts()).isTrue();
                });
    }

    @Test
    void a_path_restarted_only_now_counts_from_zero() {
        Snapshot before = Runs.simulated("t").build();
        Snapshot now = Runs.simulated("t").count("give_ups[p:root]", 1).build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> assertThat(d.change()).isEqualTo("0 → 1"));
    }

    @Test
    void a_passing_test_that_now_fails_is_worse() {
        Snapshot before = Runs.simulated("t").build();
        Snapshot now = Runs.simulated("t").label("outcome", "failed").build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Difference.Kind.WORSE));
    }

    @Test
    void a_tree_that_no_longer_recovers_is_worse_than_any_recovery_time() {
        Snapshot before = Runs.simulated("t").count("recovery[p]", 5000).build();
        Snapshot now = Runs.simulated("t").absent("recovery[p]").build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Difference.Kind.WORSE);
                    assertThat(d.change()).isEqualTo("5000 → none");
                });
    }

    @Test
    void a_fault_that_is_now_skipped_is_worse_in_the_ledger() {
        Snapshot before = Runs.simulated("t").label("ledger[p#1]", "fired").build();
        Snapshot now = Runs.simulated("t").label("ledger[p#1]", "skipped").build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Difference.Kind.WORSE));
    }

    @Test
    void a_fault_added_to_the_plan_is_neither_worse_nor_better() {
        Snapshot before = Runs.simulated("t").build();
        Snapshot now = Runs.simulated("t").label("ledger[p#1]", "fired").build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Difference.Kind.OTHER);
                    assertThat(d.drifts()).isFalse();
                });
    }

    @Test
    void a_spec_verdict_that_no_longer_passes_is_worse() {
        Snapshot before = Runs.simulated("t").label("verdicts[isolation]", "PASS").build();
        Snapshot now = Runs.simulated("t").label("verdicts[isolation]", "INCONCLUSIVE").build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Difference.Kind.WORSE));
    }

    @Test
    void metrics_the_rule_does_not_name_are_not_compared() {
        Snapshot before = Runs.simulated("t").count("lost[p]", 0).build();
        Snapshot now = Runs.simulated("t").count("lost[p]", 9).build();
        assertThat(Comparison.compare(before.readings(), now, rule("outcome,restarts", "noWorse", Map.of()))).isEmpty();
    }

    @Test
    void real_mode_counts_are_never_compared_exactly_only_within_the_named_tolerance() {
        Snapshot before = Runs.real("t").count("restarts[p:root/a]", 10).count("lost[p]", 0).build();
        Snapshot within = Runs.real("t").count("restarts[p:root/a]", 12).count("lost[p]", 7).build();
        Snapshot beyond = Runs.real("t").count("restarts[p:root/a]", 13).count("lost[p]", 7).build();
        Rules.Compiled tolerant = rule("all", "noWorse", Map.of("restarts", "20%"));

        assertThat(Comparison.compare(before.readings(), within, tolerant)).isEmpty();
        assertThat(Comparison.compare(before.readings(), beyond, tolerant)).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("restarts[p:root/a]");
            assertThat(d.kind()).isEqualTo(Difference.Kind.WORSE);
            assertThat(d.rule()).isEqualTo("noWorse ±20%");
        });
    }

    @Test
    void real_mode_outcome_is_still_compared() {
        Snapshot before = Runs.real("t").build();
        Snapshot now = Runs.real("t").label("outcome", "failed").build();
        assertThat(Comparison.compare(before.readings(), now, NO_WORSE)).singleElement()
                .satisfies(d -> assertThat(d.key()).isEqualTo("outcome"));
    }
}
