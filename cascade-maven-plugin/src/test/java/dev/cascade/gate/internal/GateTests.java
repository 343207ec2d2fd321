package dev.cascade.gate.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GateTests {
    private static Baseline baselineOf(Snapshot... runs) {
        LinkedHashMap<String, Baseline.Entry> entries = new LinkedHashMap<>();
        for (Snapshot run : runs) {
            entries.put(run.test(), new Baseline.Entry(run.seed(), run.mode(), run.readings(), List.of()));
        }
        return new Baseline(entries);
    }

    private static final Gate.Replayer NEVER = run -> {
        throw new AssertionError("replayed " + run.test() + " although it matches its baseline");
    };

    @Test
    void a_matching_baseline_has_no_findings_and_replays_nothing() {
        Snapshot run = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        assertThat(Gate.check(List.of(run), baselineOf(run), Rules.of(List.of()), NEVER)).isEmpty();
    }

    @Test
    void a_simulated_drift_is_replayed_once_and_the_same_result_again_confirms_it() {
        Snapshot before = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        Snapshot now = Runs.simulated("a.T.m").count("restarts[p:root/a]", 3).build();
        List<Snapshot> replayed = new ArrayList<>();

        List<Finding> findings = Gate.check(List.of(now), baselineOf(before), Rules.of(List.of()), run -> {
            replayed.add(run);
            return now;
        });

        assertThat(replayed).containsExactly(now);
        assertThat(findings).singleElement().isInstanceOfSatisfying(Finding.Drift.class, drift -> {
            assertThat(drift.confirmation()).isEqualTo("replayed once from seed 42: same again");
            assertThat(drift.differences()).extracting(Difference::change).containsExactly("1 → 3");
            assertThat(drift.fails(false)).isTrue();
        });
    }

    @Test
    void a_replay_that_differs_from_the_run_is_a_determinism_defect_with_both_runs_never_a_pass() {
        Snapshot before = Runs.simulated("a.T.m").count("restarts[p:root/a]", 0).build();
        Snapshot first = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        Snapshot second = Runs.simulated("a.T.m").count("restarts[p:root/a]", 0).build();

        List<Finding> findings = Gate.check(List.of(first), baselineOf(before), Rules.of(List.of()), run -> second);

        assertThat(findings).singleElement().isInstanceOfSatisfying(Finding.DeterminismDefect.class, defect -> {
            assertThat(defect.snapshot()).isEqualTo(first);
            assertThat(defect.replay()).isEqualTo(second);
            assertThat(defect.between()).extracting(Difference::key).containsExactly("restarts[p:root/a]");
            assertThat(defect.fails(false)).isTrue();
        });
    }

    @Test
    void a_replay_that_cannot_run_leaves_the_drift_failing_unclassified() {
        Snapshot before = Runs.simulated("a.T.m").build();
        Snapshot now = Runs.simulated("a.T.m").label("outcome", "failed").build();
        List<Finding> findings = Gate.check(List.of(now), baselineOf(before), Rules.of(List.of()), run -> {
            throw new java.io.IOException("the replay exited 1");
        });
        assertThat(findings).singleElement().isInstanceOfSatisfying(Finding.Unclassified.class, u -> {
            assertThat(u.why()).isEqualTo("the replay exited 1");
            assertThat(u.fails(false)).isTrue();
        });
    }

    @Test
    void a_real_mode_drift_is_not_replayed() {
        Snapshot before = Runs.real("a.T.m").build();
        Snapshot now = Runs.real("a.T.m").label("outcome", "failed").build();
        assertThat(Gate.check(List.of(now), baselineOf(before), Rules.of(List.of()), NEVER)).singleElement()
                .isInstanceOfSatisfying(Finding.Drift.class, d -> assertThat(d.confirmation()).startsWith("real mode"));
    }

    @Test
    void a_test_missing_from_the_baseline_is_new_and_fails_only_in_strict_mode() {
        Snapshot run = Runs.simulated("a.T.m").build();
        assertThat(Gate.check(List.of(run), Baseline.empty(), Rules.of(List.of()), NEVER)).singleElement()
                .isInstanceOfSatisfying(Finding.NewTest.class, added -> {
                    assertThat(added.fails(false)).isFalse();
                    assertThat(added.fails(true)).isTrue();
                });
    }

    @Test
    void a_baseline_entry_without_a_result_is_stale_and_does_not_fail() {
        Snapshot gone = Runs.simulated("a.T.gone").build();
        assertThat(Gate.check(List.of(), baselineOf(gone), Rules.of(List.of()), NEVER)).singleElement()
                .isInstanceOfSatisfying(Finding.Stale.class, stale -> {
                    assertThat(stale.test()).isEqualTo("a.T.gone");
                    assertThat(stale.fails(true)).isFalse();
                });
    }

    @Test
    void the_table_names_test_metric_change_rule_seed_and_report() {
        Snapshot before = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        Snapshot now = Runs.simulated("a.T.m").count("restarts[p:root/a]", 3).build();
        List<Finding> findings = Gate.check(List.of(now), baselineOf(before), Rules.of(List.of()), run -> now);

        assertThat(GateTable.lines(findings, 1, false)).containsExactly(
                "## Cascade gate: FAILED (1 tests; 1 drifted, 0 determinism defects, 0 new, 0 stale, 0 improved)",
                "",
                "| test | finding | metric | baseline → now | rule | seed | report |",
                "|---|---|---|---|---|---|---|",
                "| `a.T.m` | **drift** (replayed once from seed 42: same again) | restarts[p:root/a] | 1 → 3 | noWorse | 42 | target/cascade/a.T.m |");
    }
}
