package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.chaos.Worker.Terminated;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The faults that end (or try to end) a process at once: raise, stop, exit signal, kill. */
@ExtendWith(TestScheduler.Verify.class)
class ProcessFaultTests {
    private final Journal journal = new Journal();

    private SupervisorSpec oneWorker(ChildSpec worker) {
        return SupervisorSpec.oneForOne().withIntensity(3, Duration.ofSeconds(5)).withChild(worker);
    }

    private ChildSpec worker(boolean trapExits) {
        return ChildSpec.worker("w", () -> new Worker(journal, trapExits));
    }

    @Nested
    class Raise {

        @Test
        void a_raise_ends_the_worker_error_boom_after_terminate_and_its_supervisor_restarts_it() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(false)))) {
                tree.inject(Fault.raise("root/w", "boom"));
                Trees.awaitIncarnations(tree, "root/w", 2);

                Trace trace = tree.trace();
                assertThat(Trees.exits(trace, "root/w")).containsExactly("error:boom");
                assertThat(journal.of(Terminated.class)).containsExactly(new Terminated("error:boom"));
                LedgerEntry entry = tree.ledger().entry(1);
                assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FIRED);
                assertThat(entry.hits()).singleElement().satisfies(hit -> {
                    assertThat(hit.path()).isEqualTo("root/w");
                    assertThat(hit.incarnation()).isEqualTo(1);
                });
            }
        }

        @Test
        void the_exit_of_a_raise_is_traced_as_caused_by_the_fault() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(false)))) {
                tree.inject(Fault.raise("root/w", "boom"));
                Trees.awaitIncarnations(tree, "root/w", 2);

                Trace trace = tree.trace();
                TraceEvent.Exited exited = trace.events(TraceEvent.Exited.class).stream()
                        .filter(e -> e.process().isAt("root/w")).findFirst().orElseThrow();
                assertThat(trace.chain(exited)).anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(TraceEvent.FaultFired.class, fired -> {
                            assertThat(fired.fault()).isEqualTo(1);
                            assertThat(fired.target().path()).contains("root/w");
                            assertThat(fired.target().incarnation()).hasValue(1);
                        }));
                assertThat(trace.events(TraceEvent.RestartDecided.class))
                        .singleElement().extracting(TraceEvent.RestartDecided::child).isEqualTo("root/w");
            }
        }
    }

    @Nested
    class Stop {

        @Test
        void a_stop_ends_the_worker_with_the_given_reason_after_terminate_and_it_is_restarted() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(false)))) {
                tree.inject(Fault.stop("root/w", ExitReason.custom("bye")));
                Trees.awaitIncarnations(tree, "root/w", 2);

                assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("bye");
                assertThat(journal.of(Terminated.class)).containsExactly(new Terminated("bye"));
                assertThat(tree.ledger().entry(1).hits()).singleElement()
                        .extracting(LedgerEntry.Hit::incarnation).isEqualTo(1);
            }
        }

        @Test
        void a_normal_stop_of_a_transient_worker_ends_it_for_good() {
            ChildSpec transientWorker = worker(false).withRestart(Restart.TRANSIENT);
            try (ChaosTree tree = Trees.start(oneWorker(transientWorker))) {
                tree.inject(Fault.stop("root/w", ExitReason.normal()));
                Trees.await(tree, "root/w to end", () -> tree.whereis("root/w").isEmpty());
                tree.runFor(Duration.ofMillis(50));

                assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("normal");
                assertThat(journal.of(Terminated.class)).containsExactly(new Terminated("normal"));
                assertThat(tree.incarnations("root/w")).isEqualTo(1);
                assertThat(tree.whereis("root/w")).isEmpty();
                assertThat(tree.trace().events(TraceEvent.RestartDecided.class)).isEmpty();
            }
        }
    }

    @Nested
    class ExitSignal {

        @Test
        void a_signal_ends_a_worker_not_trapping_exits_with_its_reason_without_terminate() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(false)))) {
                tree.inject(Fault.exitSignal("root/w", ExitReason.custom("boom")));
                Trees.awaitIncarnations(tree, "root/w", 2);

                assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("boom");
                assertThat(journal.of(Terminated.class)).isEmpty();
                assertThat(tree.ledger().entry(1).hits()).singleElement()
                        .satisfies(hit -> assertThat(hit.detail()).isEqualTo("exit signal boom"));
            }
        }

        @Test
        void a_worker_trapping_exits_gets_the_signal_as_a_message_and_lives_on() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(true)))) {
                tree.inject(Fault.exitSignal("root/w", ExitReason.shutdown()));
                Trees.await(tree, "the exit message", () -> !journal.of(ExitMessage.class).isEmpty());
                tree.runFor(Duration.ofMillis(50));

                assertThat(journal.of(ExitMessage.class)).singleElement()
                        .extracting(ExitMessage::reason).isEqualTo(ExitReason.shutdown());
                assertThat(Trees.exits(tree.trace(), "root/w")).isEmpty();
                assertThat(tree.incarnations("root/w")).isEqualTo(1);
                assertThat(tree.ledger().entry(1).status()).isEqualTo(LedgerEntry.Status.FIRED);
            }
        }

        @Test
        void a_normal_signal_is_ignored_by_a_worker_not_trapping_exits() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(false)))) {
                tree.inject(Fault.exitSignal("root/w", ExitReason.normal()));
                tree.runFor(Duration.ofMillis(50));
                Trees.cast(tree, "root/w", "still there");
                Trees.await(tree, "the worker to handle a cast", () -> journal.entries().contains("still there"));

                assertThat(Trees.exits(tree.trace(), "root/w")).isEmpty();
                assertThat(tree.incarnations("root/w")).isEqualTo(1);
                assertThat(journal.entries()).containsExactly("still there");
                assertThat(tree.ledger().entry(1).hits()).singleElement()
                        .satisfies(hit -> assertThat(hit.detail()).isEqualTo("exit signal normal"));
            }
        }
    }

    @Nested
    class Kill {

        @Test
        void a_kill_ends_even_a_worker_trapping_exits_killed_without_terminate_and_it_is_restarted() {
            try (ChaosTree tree = Trees.start(oneWorker(worker(true)))) {
                tree.inject(Fault.kill("root/w"));
                Trees.awaitIncarnations(tree, "root/w", 2);

                assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("killed");
                assertThat(journal.entries()).isEmpty();
                assertThat(tree.ledger().entry(1).hits()).singleElement().satisfies(hit -> {
                    assertThat(hit.incarnation()).isEqualTo(1);
                    assertThat(hit.detail()).isEqualTo("killed");
                });
            }
        }

        @Test
        void a_killed_supervisor_is_restarted_with_its_children() {
            SupervisorSpec sub = SupervisorSpec.oneForOne().withChild(worker(false));
            SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(ChildSpec.supervisor("sub", sub));
            try (ChaosTree tree = Trees.start(spec)) {
                tree.inject(Fault.kill("root/sub"));
                Trees.awaitIncarnations(tree, "root/sub", 2);
                Trees.awaitIncarnations(tree, "root/sub/w", 2);

                Trace trace = tree.trace();
                assertThat(Trees.exits(trace, "root/sub")).containsExactly("killed");
                assertThat(Trees.exits(trace, "root/sub/w")).containsExactly("killed");
                assertThat(tree.incarnations("root/sub")).isEqualTo(2);
                assertThat(tree.incarnations("root/sub/w")).isEqualTo(2);
            }
        }
    }
}
