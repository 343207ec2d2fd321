package dev.cascade.gate.internal;

import dev.cascade.report.SuiteIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's findings reach the suite index as its drift column, through the reports module's SuiteIndex. */
class IndexDriftsTests {
    private static Baseline baselineOf(Snapshot... runs) {
        LinkedHashMap<String, Baseline.Entry> entries = new LinkedHashMap<>();
        for (Snapshot run : runs) {
            entries.put(run.test(), new Baseline.Entry(run.seed(), run.mode(), run.readings(), List.of()));
        }
        return new Baseline(entries);
    }

    private static Map<String, SuiteIndex.Run> rows(SuiteIndex index) {
        return index.runs().stream().collect(Collectors.toMap(SuiteIndex.Run::test, Function.identity()));
    }

    @Test
    void each_test_s_rows_get_its_drift_and_a_test_the_index_does_not_list_gets_a_row_read_from_its_record(@TempDir Path project) {
        Path out = project.resolve("target/cascade");
        SuiteIndex.in(out).add(new SuiteIndex.Run("T#fails", "FAIL", OptionalLong.of(42), 1, 3, 0, 0, out.resolve("a.T.fails/p.html"))).write();
        Snapshot fails = Runs.simulated("a.T.fails").count("restarts[p:root/a]", 3).build();
        Snapshot added = Runs.real("a.T.added").count("restarts[p:root/a]", 2).count("lost[p]", 4).label("ledger[p#1]", "fired").build();
        Snapshot same = Runs.simulated("a.T.same").build();
        Baseline baseline = baselineOf(Runs.simulated("a.T.fails").count("restarts[p:root/a]", 1).build(), same,
                Runs.simulated("a.T.gone").build());
        List<Snapshot> runs = List.of(fails, added, same);
        List<Finding> findings = Gate.check(runs, baseline, Rules.of(List.of()), run -> run);

        assertThat(IndexDrifts.write(out, project, runs, findings, true)).contains(out.resolve("index.html"));

        SuiteIndex index = SuiteIndex.read(out);
        Map<String, SuiteIndex.Run> rows = rows(index);
        assertThat(rows).containsOnlyKeys("T#fails", "a.T.added");
        assertThat(index.driftOf(rows.get("T#fails"))).contains(new SuiteIndex.Drift(SuiteIndex.Drift.Kind.DRIFT,
                List.of("restarts[p:root/a] 1 → 3 (noWorse)"), true));
        assertThat(rows.get("a.T.added")).isEqualTo(new SuiteIndex.Run("a.T.added", "PASS", OptionalLong.empty(), 1, 2, 0, 4,
                out.resolve("a.T.added")));
        assertThat(index.driftOf(rows.get("a.T.added"))).contains(new SuiteIndex.Drift(SuiteIndex.Drift.Kind.NEW, List.of(), true));
        assertThat(index.stale()).containsExactly("a.T.gone");
        assertThat(index.runs()).extracting(SuiteIndex.Run::test).containsExactly("T#fails", "a.T.added");
    }

    @Test
    void a_later_check_replaces_the_drifts_of_an_earlier_one(@TempDir Path project) {
        Path out = project.resolve("target/cascade");
        Snapshot now = Runs.simulated("a.T.m").count("restarts[p:root/a]", 2).build();
        List<Finding> drifted = Gate.check(List.of(now), baselineOf(Runs.simulated("a.T.m").build()), Rules.of(List.of()), run -> run);
        IndexDrifts.write(out, project, List.of(now), drifted, false);

        IndexDrifts.write(out, project, List.of(now), Gate.check(List.of(now), baselineOf(now), Rules.of(List.of()), run -> run), false);

        SuiteIndex index = SuiteIndex.read(out);
        assertThat(index.runs()).singleElement().satisfies(row -> assertThat(index.driftOf(row))
                .contains(new SuiteIndex.Drift(SuiteIndex.Drift.Kind.MATCHES, List.of(), false)));
    }

    @Test
    void no_page_is_written_when_there_is_none_and_every_test_matched_without_a_report(@TempDir Path project) {
        Snapshot same = Runs.simulated("a.T.same").build();
        List<Finding> none = Gate.check(List.of(same), baselineOf(same), Rules.of(List.of()), run -> run);
        assertThat(IndexDrifts.write(project.resolve("target/cascade"), project, List.of(same), none, true)).isEmpty();
        assertThat(project.resolve("target/cascade/index.html")).doesNotExist();
    }

    @Test
    void a_determinism_defect_shows_both_runs_readings() {
        Snapshot first = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        Snapshot second = Runs.simulated("a.T.m").count("restarts[p:root/a]", 2).build();
        List<Finding> findings = Gate.check(List.of(first), baselineOf(Runs.simulated("a.T.m").build()), Rules.of(List.of()), run -> second);
        assertThat(IndexDrifts.driftOf(findings.getFirst(), false)).isEqualTo(new SuiteIndex.Drift(SuiteIndex.Drift.Kind.DETERMINISM_DEFECT,
                List.of("restarts[p:root/a] run 1: 1, replay from the same seed: 2"), true));
    }
}
