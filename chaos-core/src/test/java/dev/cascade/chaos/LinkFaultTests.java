package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Burst;
import dev.cascade.chaos.Worker.Hop;
import dev.cascade.chaos.Worker.Journal;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults on the link between two paths: root/a sends numbered hops to root/b, which writes down what arrives. */
@ExtendWith(TestScheduler.Verify.class)
class LinkFaultTests {
    private static final Duration WINDOW = Duration.ofMillis(500);

    private final Journal a = new Journal();
    private final Journal b = new Journal();

    private ChaosTree start() {
        return Trees.start(SupervisorSpec.oneForOne()
                .withChild(ChildSpec.worker("a", () -> new Worker(a)))
                .withChild(ChildSpec.worker("b", () -> new Worker(b))));
    }

    /** Has root/a send {@code Hop(n)} for each number to root/b. */
    private static void burst(ChaosTree tree, Integer... numbers) {
        Trees.cast(tree, "root/a", new Burst(Trees.pid(tree, "root/b"), List.of(numbers)));
    }

    private void awaitArrived(ChaosTree tree, int count) {
        Trees.await(tree, count + " hops at root/b", () -> b.size() >= count);
    }

    /** The scheduler time the tree started at (a little early on the real scheduler, never late). */
    private static long zero(ChaosTree tree) {
        long now = tree.node().scheduler().nanoTime();
        return now - tree.sinceStart().toNanos();
    }

    private static List<Hop> hops(Integer... numbers) {
        return java.util.Arrays.stream(numbers).map(Hop::new).toList();
    }

    @Test
    void a_drop_loses_every_message_of_its_window_and_traces_each_as_dropped_by_a_fault() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.drop("root/a", "root/b", WINDOW));
            burst(tree, 1, 2, 3);
            tree.runFor(WINDOW.plusMillis(100));
            burst(tree, 4);
            awaitArrived(tree, 1);

            assertThat(b.entries()).containsExactlyElementsOf(hops(4));
            assertThat(tree.trace().events(TraceEvent.MessageDropped.class)).hasSize(3).allSatisfy(dropped -> {
                assertThat(dropped.reason()).isEqualTo(DropReason.FAULT);
                assertThat(dropped.to().path()).contains("root/b");
            });
            assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail)
                    .containsExactly("drop Hop[n=1]", "drop Hop[n=2]", "drop Hop[n=3]");
        }
    }

    @Test
    void a_drop_leaves_messages_in_the_other_direction_and_from_elsewhere_alone() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.drop("root/a", "root/b", WINDOW));
            Trees.cast(tree, "root/b", new Burst(Trees.pid(tree, "root/a"), List.of(1)));
            Trees.cast(tree, "root/b", "from outside");
            Trees.await(tree, "root/a to get a hop", () -> a.size() == 1);
            Trees.await(tree, "root/b to get the cast", () -> b.size() == 1);

            assertThat(a.entries()).containsExactlyElementsOf(hops(1));
            assertThat(b.entries()).containsExactly("from outside");
            assertThat(tree.ledger().entry(1).hits()).isEmpty();
        }
    }

    @Test
    void a_delay_makes_a_message_arrive_late_so_a_later_one_overtakes_it() {
        Duration delay = Duration.ofMillis(800);
        try (ChaosTree tree = start()) {
            tree.inject(Fault.delay("root/a", "root/b", delay, Duration.ofMillis(200)));
            burst(tree, 1);
            tree.runFor(Duration.ofMillis(300));
            burst(tree, 2);
            awaitArrived(tree, 2);

            assertThat(b.entries()).containsExactlyElementsOf(hops(2, 1));
            Trace trace = tree.trace();
            TraceEvent.Sent first = trace.events(TraceEvent.Sent.class).stream()
                    .filter(sent -> sent.message().value().filter(new Hop(1)::equals).isPresent()).findFirst().orElseThrow();
            TraceEvent.Delivered arrived = trace.events(TraceEvent.Delivered.class).stream()
                    .filter(delivered -> delivered.message() == first.id()).findFirst().orElseThrow();
            assertThat(arrived.atNanos() - first.atNanos()).isGreaterThanOrEqualTo(delay.toNanos());
        }
    }

    @Test
    void a_reply_delayed_past_its_call_timeout_is_dropped_as_late_never_left_in_the_callers_mailbox() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.delay("root/b", "root/a", Duration.ofMillis(400), Duration.ofMillis(300)));
            Trees.cast(tree, "root/a", new Worker.CallWith(Trees.pid(tree, "root/b"), "q", Duration.ofMillis(100)));
            Trees.await(tree, "the late reply", () -> !tree.trace().events(TraceEvent.MessageDropped.class).isEmpty());
            Trees.cast(tree, "root/a", "after");
            Trees.await(tree, "root/a to handle a cast", () -> a.entries().contains("after"));

            assertThat(a.entries()).containsExactly(new Worker.CallOutcome("timeout"), "after");
            assertThat(tree.trace().events(TraceEvent.MessageDropped.class)).singleElement().satisfies(dropped -> {
                assertThat(dropped.reason()).isEqualTo(DropReason.LATE_REPLY);
                assertThat(dropped.to().path()).contains("root/a");
            });
        }
    }

    @Test
    void a_reply_delayed_within_its_call_timeout_still_answers_the_call() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.delay("root/b", "root/a", Duration.ofMillis(100), WINDOW));
            Trees.cast(tree, "root/a", new Worker.CallWith(Trees.pid(tree, "root/b"), "q", Duration.ofSeconds(5)));
            Trees.await(tree, "the call to end", () -> a.size() == 1);

            assertThat(a.entries()).containsExactly(new Worker.CallOutcome("ok"));
            assertThat(tree.trace().events(TraceEvent.CallReplied.class)).hasSize(1);
            assertThat(tree.ledger().entry(1).hits()).extracting(LedgerEntry.Hit::detail).containsExactly("delay reply ok");
        }
    }

    @Test
    void a_duplicate_delivers_each_message_twice_in_a_row() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.duplicate("root/a", "root/b", WINDOW));
            burst(tree, 1, 2);
            awaitArrived(tree, 4);

            assertThat(b.entries()).containsExactlyElementsOf(hops(1, 1, 2, 2));
            assertThat(tree.trace().accountingByPath().get("root/b").handled()).isEqualTo(4);
            assertThat(tree.trace().accountingByPath().get("root/b").sent()).isEqualTo(4);
        }
    }

    @Test
    void a_reorder_holds_the_messages_of_its_window_and_delivers_them_reversed_when_it_ends() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.reorder("root/a", "root/b", WINDOW));
            burst(tree, 1, 2, 3);
            awaitArrived(tree, 3);

            assertThat(b.entries()).containsExactlyElementsOf(hops(3, 2, 1));
            assertThat(tree.ledger().entry(1).hits()).hasSize(3);
            long windowEnds = zero(tree) + tree.ledger().entry(1).at().plus(WINDOW).toNanos();
            assertThat(tree.trace().events(TraceEvent.Delivered.class)).filteredOn(d -> d.to().isAt("root/b"))
                    .hasSize(3).allSatisfy(delivered -> assertThat(delivered.atNanos()).isGreaterThanOrEqualTo(windowEnds));
        }
    }

    @Test
    void a_link_fault_whose_window_saw_no_message_is_skipped_when_it_ends() {
        try (ChaosTree tree = start()) {
            tree.inject(Fault.reorder("root/a", "root/b", Duration.ofMillis(50)));
            tree.runFor(Duration.ofMillis(100));
            Trees.await(tree, "the window to end", () -> tree.ledger().entry(1).status() != LedgerEntry.Status.PENDING);

            assertThat(tree.ledger().entry(1).status()).isEqualTo(LedgerEntry.Status.SKIPPED);
            assertThat(tree.ledger().entry(1).why()).isEqualTo("no message went from root/a to root/b in its window");
        }
    }
}
