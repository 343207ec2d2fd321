package dev.cascade.catalog;

import dev.cascade.runtime.Scheduler;
import dev.cascade.spec.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entries whose outcome does not hang on exact timing, on the real scheduler and clock: each run
 * blocks until its scenario's time has passed (about a second each), or, for a Java story, until the
 * state it waits for is reached (its own bounded wait, 10 to 15 s of real time at most), so there is
 * nothing to poll here.
 * On the real scheduler the call-chain deadlock is caught only when the 5 s call timeout ends it
 * (the wait-for cycles are the simulation's), so its bad run takes 5 s. Left to the simulation:
 * the init trap, the god object and the call-timeout cascade (several seconds of real time each) and
 * the process per request (whether 500 processes overlap depends on how fast the machine spawns).
 */
class CatalogRealSchedulerTests {

    @ParameterizedTest
    @EnumSource(value = Catalog.class, names = {"SILENT_CASCADE", "UNBOUNDED_MAILBOX", "ONE_FOR_ALL_INDEPENDENT",
            "ONE_FOR_ONE_DEPENDENT", "TEMPORARY_CHILD", "ROOT_DEFAULT_INTENSITY", "UNSUPERVISED_PROCESS", "CALL_DEADLOCK", "BLOCKING_CALL_IN_HANDLER"})
    void the_check_fails_on_the_bad_tree_and_passes_on_the_fixed_one_in_real_time(Catalog entry) {
        Verdict bad = entry.check(entry.entry().bad().run(Scheduler.real()));
        Verdict fixed = entry.check(entry.entry().fixed().run(Scheduler.real()));
        assertThat(bad.failed()).as(bad.text()).isTrue();
        assertThat(fixed.passed()).as(fixed.text()).isTrue();
    }
}
