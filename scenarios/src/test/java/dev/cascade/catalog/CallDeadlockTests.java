package dev.cascade.catalog;

import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.spec.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CallDeadlockTests {

    @Test
    void the_cycle_is_found_from_the_wait_for_graph_when_it_forms_not_after_the_5_s_call_timeout() {
        CatalogRun run = Catalog.CALL_DEADLOCK.entry().bad().run(SimulatedScheduler.withSeed(0));
        assertThat(run.deadlocks()).singleElement().satisfies(deadlock -> {
            assertThat(deadlock.at()).isLessThan(Duration.ofSeconds(5));
            assertThat(deadlock.cycle()).hasSize(2);
        });
        Verdict verdict = Catalog.CALL_DEADLOCK.check(run);
        assertThat(verdict).isInstanceOf(Verdict.Fail.class);
        assertThat(((Verdict.Fail) verdict).what()).startsWith("deadlock at 100 ms of virtual time, 2 processes wait on each other"); // orders reserves 100 ms after its start
    }

    @Test
    void the_fixed_stock_answers_from_its_own_state_and_no_cycle_forms() {
        CatalogRun run = Catalog.CALL_DEADLOCK.entry().fixed().run(SimulatedScheduler.withSeed(0));
        assertThat(run.deadlocks()).isEmpty();
        assertThat(Catalog.CALL_DEADLOCK.check(run).passed()).isTrue();
    }
}
