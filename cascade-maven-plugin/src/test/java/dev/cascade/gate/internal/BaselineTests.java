package dev.cascade.gate.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTests {
    private static Baseline baselineOf(Snapshot run) {
        LinkedHashMap<String, Baseline.Entry> entries = new LinkedHashMap<>();
        entries.put(run.test(), new Baseline.Entry(run.seed(), run.mode(), run.readings(), List.of()));
        return new Baseline(entries);
    }

    @Test
    void a_written_baseline_reads_back_the_same(@TempDir Path dir) {
        Snapshot run = Runs.simulated("a.T.m").count("restarts[p:root/a]", 2).absent("recovery[p]")
                .label("ledger[p#1]", "fired").build();
        Baseline written = new Baseline(new LinkedHashMap<>(baselineOf(run).entries()));
        Path file = dir.resolve("src/test/cascade/baseline.json");

        written.write(file);

        assertThat(Baseline.read(file)).isEqualTo(written);
    }

    @Test
    void a_missing_file_is_an_empty_baseline(@TempDir Path dir) {
        assertThat(Baseline.read(dir.resolve("none.json")).entries()).isEmpty();
    }

    @Test
    void another_format_is_refused_naming_the_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("b.json"), "{\"format\": \"cascade-baseline/9\", \"tests\": {}}");
        assertThatThrownBy(() -> Baseline.read(file))
                .hasMessage(file + ": format is \"cascade-baseline/9\" but should be cascade-baseline/1");
    }

    @Test
    void the_baseline_only_tightens_a_change_for_the_worse_is_refused_without_a_reason() {
        Snapshot before = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        Snapshot worse = Runs.simulated("a.T.m").count("restarts[p:root/a]", 3).build();

        BaselineUpdate update = BaselineUpdate.of(baselineOf(before), List.of(worse), Rules.of(List.of()), Optional.empty(),
                "2026-12-07", "0.1.0");

        assertThat(update.refused()).containsExactly("a.T.m got worse: restarts[p:root/a]: 1 → 3");
        assertThat(update.baseline().entries().get("a.T.m").readings()).isEqualTo(before.readings());
    }

    @Test
    void an_accepted_change_for_the_worse_records_the_reason_date_and_version_beside_the_entry() {
        Snapshot before = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        Snapshot worse = Runs.simulated("a.T.m").count("restarts[p:root/a]", 3).build();

        BaselineUpdate update = BaselineUpdate.of(baselineOf(before), List.of(worse), Rules.of(List.of()),
                Optional.of("gateway retries more (PAY-1)"), "2026-12-07", "0.1.0");

        assertThat(update.refused()).isEmpty();
        Baseline.Entry entry = update.baseline().entries().get("a.T.m");
        assertThat(entry.readings()).isEqualTo(worse.readings());
        assertThat(entry.acceptances()).containsExactly(new Baseline.Acceptance("gateway retries more (PAY-1)", "2026-12-07",
                "0.1.0", List.of("restarts[p:root/a]: 1 → 3")));
    }

    @Test
    void a_better_result_tightens_the_baseline_without_a_reason() {
        Snapshot before = Runs.simulated("a.T.m").count("restarts[p:root/a]", 3).build();
        Snapshot better = Runs.simulated("a.T.m").count("restarts[p:root/a]", 1).build();
        BaselineUpdate update = BaselineUpdate.of(baselineOf(before), List.of(better), Rules.of(List.of()), Optional.empty(),
                "2026-12-07", "0.1.0");
        assertThat(update.refused()).isEmpty();
        assertThat(update.baseline().entries().get("a.T.m").readings()).isEqualTo(better.readings());
    }

    @Test
    void a_real_mode_reading_within_tolerance_but_worse_keeps_the_better_baseline_value() {
        Snapshot before = Runs.real("a.T.m").count("recovery[p]", 100).build();
        Snapshot slower = Runs.real("a.T.m").count("recovery[p]", 120).build();
        BaselineUpdate update = BaselineUpdate.of(baselineOf(before), List.of(slower), Rules.of(List.of()), Optional.empty(),
                "2026-12-07", "0.1.0");
        assertThat(update.baseline().entries().get("a.T.m").readings().get("recovery[p]")).isEqualTo(new Reading.Count(100));
    }

    @Test
    void a_stale_entry_is_kept_unless_a_reason_is_given() {
        Snapshot gone = Runs.simulated("a.T.gone").build();
        assertThat(BaselineUpdate.of(baselineOf(gone), List.of(), Rules.of(List.of()), Optional.empty(), "d", "v")
                .baseline().entries()).containsKey("a.T.gone");
        assertThat(BaselineUpdate.of(baselineOf(gone), List.of(), Rules.of(List.of()), Optional.of("removed"), "d", "v")
                .baseline().entries()).doesNotContainKey("a.T.gone");
    }
}
