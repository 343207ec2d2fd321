package dev.cascade.catalog;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogEntryTests {

    @ParameterizedTest
    @EnumSource(Catalog.class)
    void every_entry_has_its_story_and_trees(Catalog entry) {
        Entry story = entry.entry();
        assertThat(story.id()).isEqualTo(entry.id());
        assertThat(story.references()).isNotEmpty();
        assertThat(story.bad().name()).isEqualTo(entry.id() + "-bad");
        assertThat(story.fixed().name()).isEqualTo(entry.id() + "-fixed");
    }

    @ParameterizedTest
    @EnumSource(Catalog.class)
    void the_check_fails_on_the_bad_tree_for_several_seeds(Catalog entry) {
        for (long seed : new long[] {0, 1, 42, 2026}) {
            Verdict verdict = entry.check(entry.entry().bad().run(SimulatedScheduler.withSeed(seed)));
            assertThat(verdict.failed()).as("seed %d: %s", seed, verdict.text()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Catalog.class)
    void the_check_passes_on_the_fixed_tree_for_several_seeds(Catalog entry) {
        for (long seed : new long[] {0, 1, 42, 2026}) {
            Verdict verdict = entry.check(entry.entry().fixed().run(SimulatedScheduler.withSeed(seed)));
            assertThat(verdict.passed()).as("seed %d: %s", seed, verdict.text()).isTrue();
        }
    }
}
