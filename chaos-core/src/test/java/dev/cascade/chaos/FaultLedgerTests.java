package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The ledger: every planned fault ends up fired (with the incarnations it hit) or skipped (with why), in plan order. */
@ExtendWith(TestScheduler.Verify.class)
class FaultLedgerTests {
    private final Journal journal = new Journal();

    private ChildSpec worker(String id) {
        return ChildSpec.worker(id, () -> new Worker(journal));
    }

    private ChaosTree start(ChildSpec... children) {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withIntensity(10, Duration.ofSeconds(5));
        for (ChildSpec child : children) {
            spec = spec.withChild(child);
        }
        return Trees.start(spec);
    }

    @Nested
    class Skipped {

        @Test
        void a_fault_on_a_path_whose_process_ended_for_good_is_skipped_with_why_and_traced() {
            try (ChaosTree tree = start(worker("t").withRestart(Restart.TEMPORARY))) {
                tree.inject(Fault.kill("root/t"));
                tree.inject(Fault.raise("root/t", "boom"));

                LedgerEntry entry = tree.ledger().entry(2);
                assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                assertThat(entry.hits()).isEmpty();
                assertThat(entry.why()).startsWith("no live process at root/t at ").endsWith(" ms (dead, restarting, or still starting)");
                assertThat(tree.trace().events(TraceEvent.FaultSkipped.class)).singleElement().satisfies(skipped -> {
                    assertThat(skipped.fault()).isEqualTo(2);
                    assertThat(skipped.description()).isEqualTo("raise boom on root/t");
                    assertThat(skipped.why()).isEqualTo(entry.why());
                });
            }
        }

        @Test
        void a_raise_on_a_worker_that_is_not_a_gen_server_is_skipped_and_the_worker_lives_on() {
            ChildSpec plain = ChildSpec.worker("p", sup -> new StartResult.Started(sup.spawnLink(p -> p.receive(Timeout.INFINITY))));
            try (ChaosTree tree = start(plain)) {
                tree.inject(Fault.raise("root/p", "boom"));
                tree.runFor(Duration.ofMillis(50));

                assertThat(tree.ledger().entry(1).status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                assertThat(tree.ledger().entry(1).why()).isEqualTo("root/p is not a GenServer: it has no handler to raise or stop in");
                assertThat(tree.whereis("root/p")).isPresent();
                assertThat(tree.incarnations("root/p")).isEqualTo(1);
            }
        }

        @Test
        void a_fault_on_a_path_that_is_restarting_is_skipped() {
            try (ChaosTree tree = start(worker("w"))) {
                tree.inject(Fault.slowStart("root/w", Duration.ofSeconds(1), 2));
                tree.inject(Fault.kill("root/w"));
                tree.inject(Fault.exitSignal("root/w", ExitReason.custom("boom")));
                Trees.awaitIncarnations(tree, "root/w", 2);

                assertThat(tree.ledger().entry(3).status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                assertThat(tree.ledger().entry(3).why()).startsWith("no live process at root/w");
                assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("killed");
            }
        }

        @Test
        void faults_that_never_happened_are_skipped_at_close_with_what_they_waited_for_and_traced() {
            ChaosTree tree = start(worker("w"));
            try (tree) {
                tree.inject(Fault.failingStart("root/w", 5));
                tree.apply(FaultPlan.builder().at(Duration.ofHours(1), Fault.kill("root/w")).build());
                tree.runFor(Duration.ofMillis(20));
                assertThat(tree.ledger().entries()).extracting(LedgerEntry::status)
                        .containsExactly(LedgerEntry.Status.PENDING, LedgerEntry.Status.PENDING);
            }

            assertThat(tree.ledger().entries()).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SKIPPED));
            assertThat(tree.ledger().entry(1).why()).isEqualTo(
                    "the run ended before it applied (no listed start attempt of root/w came (1 attempts in all))");
            assertThat(tree.ledger().entry(2).why()).isEqualTo("the run ended before it applied");
            assertThat(tree.trace().events(TraceEvent.FaultSkipped.class))
                    .extracting(TraceEvent.FaultSkipped::fault, TraceEvent.FaultSkipped::why)
                    .containsExactly(
                            tuple(1, tree.ledger().entry(1).why()),
                            tuple(2, tree.ledger().entry(2).why()));
            assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("shutdown");
        }
    }

    @Nested
    class Plans {

        @Test
        void a_plan_survives_restarts_so_a_second_raise_hits_incarnation_2() {
            try (ChaosTree tree = start(worker("w"))) {
                tree.apply(FaultPlan.builder()
                        .at(Duration.ZERO, Fault.raise("root/w", "first"))
                        .at(Duration.ofMillis(300), Fault.raise("root/w", "second"))
                        .build());
                Trees.awaitIncarnations(tree, "root/w", 3);

                assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("error:first", "error:second");
                assertThat(tree.ledger().entries()).extracting(entry -> entry.hits().getFirst().incarnation())
                        .containsExactly(1, 2);
                assertThat(tree.ledger().entry(2).at().minus(tree.ledger().entry(1).at())).isEqualTo(Duration.ofMillis(300));
            }
        }

        @Test
        void faults_at_the_same_time_fire_in_the_order_they_were_added() {
            try (ChaosTree tree = start(worker("a"), worker("b"), worker("c"), worker("d"), worker("e"))) {
                Duration at = Duration.ofMillis(50);
                tree.apply(FaultPlan.builder()
                        .at(Duration.ofMillis(80), Fault.kill("root/e"))
                        .at(at, Fault.kill("root/c"))
                        .at(at, Fault.kill("root/a"))
                        .at(at, Fault.kill("root/d"))
                        .at(at, Fault.kill("root/b"))
                        .build());
                Trees.await(tree, "every fault to have fired", () -> tree.ledger().fired().size() == 5);

                List<String> order = tree.trace().events(TraceEvent.FaultFired.class).stream()
                        .map(fired -> fired.fault() + " " + fired.target().path().orElseThrow()).toList();
                assertThat(order).containsExactly("1 root/c", "2 root/a", "3 root/d", "4 root/b", "5 root/e");
                Duration applied = tree.ledger().entry(1).at().minus(at);
                assertThat(tree.ledger().entries()).extracting(entry -> entry.at().minus(applied))
                        .containsExactly(at, at, at, at, Duration.ofMillis(80));
            }
        }
    }

    @Nested
    class Reading {

        @Test
        void the_ledger_names_entries_from_1_and_says_which_numbers_exist() {
            try (ChaosTree tree = start(worker("w"))) {
                tree.inject(Fault.kill("root/w"));

                assertThat(tree.ledger().entry(1).number()).isEqualTo(1);
                assertThatThrownBy(() -> tree.ledger().entry(2)).hasMessage("the ledger has faults 1..1 but got 2");
                assertThat(tree.ledger().fired()).hasSize(1);
                assertThat(tree.ledger().skipped()).isEmpty();
                assertThat(tree.ledger().pending()).isEmpty();
            }
        }

        @Test
        void a_closed_tree_takes_no_more_faults_but_keeps_its_ledger_and_trace() {
            ChaosTree tree = start(worker("w"));
            tree.inject(Fault.kill("root/w"));
            tree.close();

            assertThatThrownBy(() -> tree.inject(Fault.kill("root/w"))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this chaos tree is closed");
            assertThat(tree.ledger().entries()).hasSize(1);
            assertThat(tree.trace().events(TraceEvent.FaultFired.class)).hasSize(1);
        }
    }
}
