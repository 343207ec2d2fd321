package dev.cascade.chaos;

import dev.cascade.chaos.Worker.CallOutcome;
import dev.cascade.chaos.Worker.CallWith;
import dev.cascade.chaos.Worker.Hop;
import dev.cascade.chaos.Worker.Journal;
import dev.cascade.chaos.Worker.Slow;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults that slow a GenServer's handlers: slow handling (all, by type, by count, for a while) and calls outlasting their timeout. */
@ExtendWith(TestScheduler.Verify.class)
class SlowHandlingTests {
    private static final Duration DELAY = Duration.ofMillis(150);

    private final Journal callee = new Journal();
    private final Journal caller = new Journal();
    private final Journal other = new Journal();

    private ChaosTree start() {
        return Trees.start(SupervisorSpec.oneForOne()
                .withChild(ChildSpec.worker("callee", () -> new Worker(callee)))
                .withChild(ChildSpec.worker("caller", () -> new Worker(caller)))
                .withChild(ChildSpec.worker("other", () -> new Worker(other))));
    }

    /** Has {@code from} call the callee with {@code timeout} and returns how the call ended. */
    private static String callFrom(ChaosTree tree, String from, Journal journal, Duration timeout) {
        int before = journal.of(CallOutcome.class).size();
        Trees.cast(tree, from, new CallWith(Trees.pid(tree, "root/callee"), "q", timeout));
        Trees.await(tree, from + "'s call to end", () -> journal.of(CallOutcome.class).size() > before);
        return journal.of(CallOutcome.class).get(before).outcome();
    }

    /** Casts {@code messages} to the callee and waits until it handled them all. */
    private static List<TraceEvent.Handled> handle(ChaosTree tree, Object... messages) {
        int expected = Trees.handled(tree.trace(), "root/callee").size() + messages.length;
        for (Object message : messages) {
            Trees.cast(tree, "root/callee", message);
        }
        Trees.await(tree, "the callee to handle " + messages.length + " more messages",
                () -> Trees.handled(tree.trace(), "root/callee").size() >= expected);
        return Trees.handled(tree.trace(), "root/callee");
    }

    @Nested
    class SlowHandling {

        @Test
        void a_slow_handler_makes_a_shorter_call_to_it_time_out_and_its_late_reply_is_dropped() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowHandling("root/callee", DELAY));

                assertThat(callFrom(tree, "root/caller", caller, Duration.ofMillis(30))).isEqualTo("timeout");
                Trees.await(tree, "the late reply", () -> !tree.trace().events(TraceEvent.MessageDropped.class).isEmpty());

                Trace trace = tree.trace();
                assertThat(trace.events(TraceEvent.CallTimedOut.class)).singleElement()
                        .satisfies(timedOut -> assertThat(timedOut.caller().path()).contains("root/caller"));
                assertThat(trace.events(TraceEvent.MessageDropped.class)).singleElement().satisfies(dropped -> {
                    assertThat(dropped.reason()).isEqualTo(DropReason.LATE_REPLY);
                    assertThat(dropped.to().path()).contains("root/caller");
                });
                assertThat(Trees.handled(trace, "root/callee")).singleElement()
                        .satisfies(handled -> assertThat(handled.took()).isGreaterThanOrEqualTo(DELAY));
            }
        }

        @Test
        void for_messages_slows_only_that_many_messages() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowHandling("root/callee", DELAY).forMessages(2));

                List<TraceEvent.Handled> handled = handle(tree, new Hop(1), new Hop(2), new Hop(3));

                assertThat(handled).hasSize(3);
                assertThat(handled.subList(0, 2)).allSatisfy(h -> assertThat(h.took()).isGreaterThanOrEqualTo(DELAY));
                assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail).containsExactly(
                        "handling Hop[n=1] took +150 ms", "handling Hop[n=2] took +150 ms");
                assertThat(callee.entries()).containsExactly(new Hop(1), new Hop(2), new Hop(3));
            }
        }

        @Test
        void matching_a_type_slows_only_messages_of_that_type() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowHandling("root/callee", DELAY).matching(Slow.class));

                List<TraceEvent.Handled> handled = handle(tree, new Hop(1), new Slow(2), new Hop(3));

                assertThat(handled.get(1).took()).isGreaterThanOrEqualTo(DELAY);
                assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail)
                        .containsExactly("handling Slow[n=2] took +150 ms");
                assertThat(tree.ledger().entry(1).fault().describe())
                        .isEqualTo("slow handling +150 ms on root/callee for Slow messages");
            }
        }

        @Test
        void matching_a_predicate_slows_only_the_messages_it_accepts() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowHandling("root/callee", DELAY)
                        .matching("even hops", message -> message instanceof Hop hop && hop.n() % 2 == 0));

                handle(tree, new Hop(1), new Hop(2), new Hop(3), new Hop(4));

                assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail).containsExactly(
                        "handling Hop[n=2] took +150 ms", "handling Hop[n=4] took +150 ms");
            }
        }

        @Test
        void for_duration_slows_nothing_after_its_window() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowHandling("root/callee", DELAY).forDuration(Duration.ofMillis(300)));
                handle(tree, new Hop(1));
                tree.runFor(Duration.ofMillis(400));
                handle(tree, new Hop(2), new Hop(3));

                assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail)
                        .containsExactly("handling Hop[n=1] took +150 ms");
                assertThat(tree.ledger().entry(1).status()).isEqualTo(LedgerEntry.Status.FIRED);
            }
        }

        @Test
        void a_window_that_no_message_reached_is_skipped_when_it_ends() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowHandling("root/callee", DELAY).forDuration(Duration.ofMillis(50)));
                tree.runFor(Duration.ofMillis(100));
                Trees.await(tree, "the window to end", () -> tree.ledger().entry(1).status() != LedgerEntry.Status.PENDING);

                LedgerEntry entry = tree.ledger().entry(1);
                assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SKIPPED);
                assertThat(entry.why()).isEqualTo("no all messages reached root/callee while it was armed");
                assertThat(tree.trace().events(TraceEvent.FaultSkipped.class)).singleElement()
                        .satisfies(skipped -> assertThat(skipped.why()).isEqualTo(entry.why()));
            }
        }
    }

    @Nested
    class SlowerThanCallTimeout {

        @Test
        void the_next_call_from_the_caller_times_out_and_its_late_reply_is_dropped() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowerThanCallTimeout("root/callee", "root/caller"));

                assertThat(callFrom(tree, "root/caller", caller, Duration.ofMillis(100))).isEqualTo("timeout");
                Trees.await(tree, "the late reply", () -> !tree.trace().events(TraceEvent.MessageDropped.class).isEmpty());

                Trace trace = tree.trace();
                assertThat(trace.events(TraceEvent.MessageDropped.class)).singleElement().satisfies(dropped -> {
                    assertThat(dropped.reason()).isEqualTo(DropReason.LATE_REPLY);
                    assertThat(dropped.to().path()).contains("root/caller");
                });
                assertThat(tree.ledger().entry(1).hits()).singleElement().satisfies(hit -> assertThat(hit.detail())
                        .isEqualTo("call q from root/caller handled after 110 ms (its timeout: 100 ms)"));
                assertThat(callee.entries()).containsExactly("q");
            }
        }

        @Test
        void it_hits_one_call_only_and_only_from_its_caller() {
            try (ChaosTree tree = start()) {
                tree.inject(Fault.slowerThanCallTimeout("root/callee", "root/caller"));

                assertThat(callFrom(tree, "root/other", other, Duration.ofSeconds(5))).isEqualTo("ok");
                assertThat(callFrom(tree, "root/caller", caller, Duration.ofMillis(100))).isEqualTo("timeout");
                assertThat(callFrom(tree, "root/caller", caller, Duration.ofSeconds(5))).isEqualTo("ok");

                assertThat(tree.ledger().entry(1).hits()).hasSize(1);
                assertThat(tree.trace().events(TraceEvent.CallTimedOut.class)).hasSize(1);
            }
        }
    }
}
