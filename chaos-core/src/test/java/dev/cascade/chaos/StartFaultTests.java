package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults on the start attempts of a path: slow starts block the supervisor, failing starts are retried. */
@ExtendWith(TestScheduler.Verify.class)
class StartFaultTests {
    private static final Duration DELAY = Duration.ofMillis(200);

    private final Journal journal = new Journal();

    private ChaosTree start() {
        return Trees.start(SupervisorSpec.oneForOne().withIntensity(5, Duration.ofSeconds(5))
                .withChild(ChildSpec.worker("a", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("b", () -> new Worker(journal))));
    }

    private static TraceEvent.Started started(Trace trace, String path, int incarnation) {
        return trace.events(TraceEvent.Started.class).stream()
                .filter(started -> started.process().isAt(path) && started.process().number() == incarnation)
                .findFirst().orElseThrow();
    }

    private static long exitedAt(Trace trace, String path) {
        return trace.events(TraceEvent.Exited.class).stream()
                .filter(exited -> exited.process().isAt(path))
                .findFirst().orElseThrow().atNanos();
    }

    @Test
    void a_slow_restart_takes_the_delay_and_blocks_the_supervisor_so_a_sibling_restarts_after_it() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.slowStart("root/a", DELAY, 2));
            tree.inject(Fault.kill("root/a"));
            tree.inject(Fault.kill("root/b"));
            Trees.awaitIncarnations(tree, "root/a", 2);
            Trees.awaitIncarnations(tree, "root/b", 2);

            Trace trace = tree.trace();
            TraceEvent.Started a2 = started(trace, "root/a", 2);
            TraceEvent.Started b2 = started(trace, "root/b", 2);
            assertThat(a2.atNanos() - exitedAt(trace, "root/a")).isGreaterThanOrEqualTo(DELAY.toNanos());
            assertThat(b2.id()).isGreaterThan(a2.id());
            assertThat(b2.atNanos() - exitedAt(trace, "root/a")).isGreaterThanOrEqualTo(DELAY.toNanos());
            assertThat(tree.ledger().entry(1).hits()).singleElement().satisfies(hit -> {
                assertThat(hit.path()).isEqualTo("root/a");
                assertThat(hit.incarnation()).isZero();
                assertThat(hit.detail()).isEqualTo("start attempt 2 took +200 ms");
            });
        }
    }

    @Test
    void a_slow_start_leaves_attempts_it_does_not_list_alone() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.slowStart("root/a", Duration.ofSeconds(30), 3));
            tree.inject(Fault.kill("root/a"));
            Trees.awaitIncarnations(tree, "root/a", 2);

            assertThat(tree.ledger().entry(1).status()).isEqualTo(LedgerEntry.Status.PENDING);
            assertThat(tree.ledger().entry(1).why()).isEqualTo("armed; waits for the start attempts of root/a");
        }
    }

    @Test
    void a_failing_second_attempt_is_retried_and_the_third_attempt_is_incarnation_2() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.failingStart("root/a", 2));
            tree.inject(Fault.kill("root/a"));
            Trees.awaitIncarnations(tree, "root/a", 2);

            Trace trace = tree.trace();
            assertThat(trace.events(TraceEvent.StartFailed.class)).singleElement().satisfies(failed -> {
                assertThat(failed.path()).isEqualTo("root/a");
                assertThat(failed.reason().describe()).isEqualTo("init_failed");
            });
            assertThat(tree.incarnations("root/a")).isEqualTo(2);
            assertThat(tree.ledger().entry(1).hits()).singleElement()
                    .satisfies(hit -> assertThat(hit.detail()).isEqualTo("start attempt 2 failed: init_failed"));
        }
    }

    @Test
    void each_listed_attempt_fails_and_the_first_unlisted_one_succeeds() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.failingStart("root/a", 3, 2));
            tree.inject(Fault.kill("root/a"));
            Trees.awaitIncarnations(tree, "root/a", 2);

            assertThat(tree.trace().events(TraceEvent.StartFailed.class)).hasSize(2);
            assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail).containsExactly(
                    "start attempt 2 failed: init_failed", "start attempt 3 failed: init_failed");
            List<Integer> incarnations = tree.trace().events(TraceEvent.Started.class).stream()
                    .filter(started -> started.process().isAt("root/a"))
                    .map(started -> started.process().number()).toList();
            assertThat(incarnations).containsExactly(1, 2);
            assertThat(tree.ledger().entry(1).fault().describe())
                    .isEqualTo("failing start (init_failed) on root/a attempts [2, 3]");
        }
    }
}
