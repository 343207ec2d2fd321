package dev.cascade.campaign;

import dev.cascade.spec.CascadeSpec;
import dev.cascade.spec.ScenarioSpecs;
import dev.cascade.spec.plan.FaultKind;
import dev.cascade.spec.plan.PlanSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignMergeTests {
    private static Campaign fragile(long seed) {
        return Campaign.of(Trees.fragile(), List.of(CascadeSpec.rootSurvives()))
                .space(PlanSpace.over(ScenarioSpecs.outline(Trees.fragile())).kinds(Set.of(FaultKind.CRASH)).maxFaults(3))
                .seed(seed).iterations(0, 40).threads(2);
    }

    @Test
    void failures_found_by_several_shards_merge_into_one_per_shrunk_plan(@TempDir Path dir) throws IOException {
        CampaignResult first = fragile(1).shard(new Shard(0, 2, "--shard")).run(dir.resolve("a"), Progress.none());
        CampaignResult second = fragile(1).shard(new Shard(1, 2, "--shard")).run(dir.resolve("b"), Progress.none());
        assertThat(first.failures()).singleElement();
        assertThat(second.failures()).singleElement();
        assertThat(second.failures().getFirst().name()).isEqualTo(first.failures().getFirst().name());

        CampaignMerge.Result merged = CampaignMerge.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("merged"), Optional.empty());

        assertThat(merged.runs()).isEqualTo(40);
        assertThat(merged.failing()).isEqualTo(40);
        assertThat(merged.missing()).isEmpty();
        Failure failure = merged.failures().getFirst();
        assertThat(merged.failures()).singleElement();
        assertThat(failure.iteration()).isZero();
        assertThat(failure.file()).isEqualTo(dir.resolve("merged/failures").resolve(failure.name() + ".json")).exists();
        assertThat(failure.shrunk().plan().faults()).singleElement()
                .satisfies(timed -> assertThat(timed.fault().describe()).isEqualTo("raise boom on root/w"));
        assertThat(merged.summary()).contains("runs: 40, failing iterations: 40, distinct failures: 1",
                "  replay: cascade run " + failure.file() + " --seed " + failure.shrunk().seed());
        assertThat(Files.readString(merged.index())).contains(failure.name(), "replay: cascade run");
        assertThat(dir.resolve("merged/summary.txt")).hasContent(merged.summary());
    }

    @Test
    void a_merge_names_the_shards_that_are_missing(@TempDir Path dir) {
        fragile(1).shard(new Shard(2, 3, "--shard")).run(dir.resolve("c"), Progress.none());
        CampaignMerge.Result merged = CampaignMerge.merge(List.of(dir.resolve("c")), dir.resolve("merged"), Optional.empty());
        assertThat(merged.missing()).containsExactly(0, 1);
        assertThat(merged.summary()).contains("shards merged: 1 of 3 (missing: [0, 1] — their iterations did not run; rerun those shards)");
    }

    @Test
    void shards_of_different_campaigns_are_not_merged(@TempDir Path dir) {
        fragile(1).run(dir.resolve("one"), Progress.none());
        fragile(2).run(dir.resolve("two"), Progress.none());
        assertThatThrownBy(() -> CampaignMerge.merge(List.of(dir.resolve("one"), dir.resolve("two")), dir.resolve("merged"), Optional.empty()))
                .hasMessageContaining("the shards are of different campaigns: ")
                .hasMessageContaining("seed 1, iterations 0..40")
                .hasMessageContaining("seed 2, iterations 0..40")
                .hasMessageEndingWith("merge the shards of one campaign at a time");
    }

    @Test
    void a_folder_without_shard_files_is_refused(@TempDir Path dir) {
        assertThatThrownBy(() -> CampaignMerge.merge(List.of(dir), dir.resolve("merged"), Optional.empty()))
                .hasMessage(dir + ": no shard-<i>-of-<n>.json in it (nor in its subfolders): give the folders cascade campaign run --out wrote");
    }

    @Test
    void promoting_copies_only_the_failures_the_regressions_folder_does_not_hold(@TempDir Path dir) {
        fragile(1).run(dir.resolve("shard"), Progress.none());
        Path regressions = dir.resolve("src/test/cascade/regressions");
        CampaignMerge.Result once = CampaignMerge.merge(List.of(dir.resolve("shard")), dir.resolve("merged"), Optional.of(regressions));
        assertThat(once.promoted()).singleElement().satisfies(path -> assertThat(path).hasSameTextualContentAs(once.failures().getFirst().file()));
        CampaignMerge.Result again = CampaignMerge.merge(List.of(dir.resolve("shard")), dir.resolve("merged"), Optional.of(regressions));
        assertThat(again.promoted()).isEmpty();
        assertThat(again.summary()).contains("promoted to " + regressions + ": 0 new failure(s)");
    }
}
