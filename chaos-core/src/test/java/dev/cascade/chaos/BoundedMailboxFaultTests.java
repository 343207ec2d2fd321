package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Hop;
import dev.cascade.chaos.Worker.Journal;
import dev.cascade.chaos.Worker.Slow;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.MailboxLimit.Overflow;
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

/**
 * A flood of 6 into a worker whose mailbox holds 3, while the worker is busy in a slowed handler:
 * each overflow policy shows in what the worker handles and in the trace; faults themselves always get in.
 */
@ExtendWith(TestScheduler.Verify.class)
class BoundedMailboxFaultTests {
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final Journal journal = new Journal();

    /** A tree whose worker root/w has a mailbox of 3 with {@code overflow}; returns once the flood of 6 was sent while it was busy. */
    private ChaosTree flooded(Overflow overflow) {
        MailboxLimit limit = MailboxLimit.of(3, overflow);
        ChaosTree tree = Trees.start(SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w",
                ctx -> GenServer.startLink(ctx, new Worker(journal), StartOptions.DEFAULT.withMailbox(limit)))));
        try {
            tree.inject(Fault.slowHandling("root/w", BUSY).matching(Slow.class).forMessages(1));
            Trees.cast(tree, "root/w", new Slow(0));
            Trees.await(tree, "root/w to be busy", () -> !tree.ledger().entry(1).hits().isEmpty());
            tree.inject(Fault.flood("root/w", 6, Hop::new));
            return tree;
        } catch (RuntimeException | Error failed) {
            tree.close();
            throw failed;
        }
    }

    private static List<DropReason> dropReasons(Trace trace) {
        return trace.events(TraceEvent.MessageDropped.class).stream().map(TraceEvent.MessageDropped::reason).toList();
    }

    @Test
    void drop_newest_keeps_the_first_3_of_the_flood() {
        try (ChaosTree tree = flooded(Overflow.DROP_NEWEST)) {
            Trees.await(tree, "4 messages handled", () -> journal.size() == 4);

            assertThat(journal.entries()).containsExactly(new Slow(0), new Hop(0), new Hop(1), new Hop(2));
            assertThat(dropReasons(tree.trace())).containsExactly(DropReason.DROPPED_NEWEST, DropReason.DROPPED_NEWEST,
                    DropReason.DROPPED_NEWEST);
        }
    }

    @Test
    void drop_oldest_keeps_the_last_3_of_the_flood() {
        try (ChaosTree tree = flooded(Overflow.DROP_OLDEST)) {
            Trees.await(tree, "4 messages handled", () -> journal.size() == 4);

            assertThat(journal.entries()).containsExactly(new Slow(0), new Hop(3), new Hop(4), new Hop(5));
            assertThat(dropReasons(tree.trace())).containsExactly(DropReason.DROPPED_OLDEST, DropReason.DROPPED_OLDEST,
                    DropReason.DROPPED_OLDEST);
        }
    }

    @Test
    void reject_to_sender_refuses_the_rest_of_the_flood_which_goes_on_to_the_end() {
        try (ChaosTree tree = flooded(Overflow.REJECT_TO_SENDER)) {
            Trees.await(tree, "4 messages handled", () -> journal.size() == 4);

            assertThat(journal.entries()).containsExactly(new Slow(0), new Hop(0), new Hop(1), new Hop(2));
            assertThat(dropReasons(tree.trace())).containsExactly(DropReason.REJECTED_FULL, DropReason.REJECTED_FULL,
                    DropReason.REJECTED_FULL);
            assertThat(tree.ledger().entry(2).status()).isEqualTo(LedgerEntry.Status.FIRED);
        }
    }

    @Test
    void crash_receiver_ends_the_worker_mailbox_overflow_losing_its_queue_and_it_is_restarted() {
        try (ChaosTree tree = flooded(Overflow.CRASH_RECEIVER)) {
            Trees.awaitIncarnations(tree, "root/w", 2);

            Trace trace = tree.trace();
            assertThat(Trees.exits(trace, "root/w")).containsExactly("mailbox_overflow");
            assertThat(trace.events(TraceEvent.MessageLost.class)).hasSize(4)
                    .allSatisfy(lost -> assertThat(lost.in().incarnation()).hasValue(1));
            assertThat(dropReasons(trace)).containsExactly(DropReason.NO_PROCESS, DropReason.NO_PROCESS);
            assertThat(Trees.handled(trace, "root/w")).singleElement()
                    .satisfies(handled -> assertThat(handled.crashed()).isTrue());
            assertThat(journal.entries()).isEmpty();
        }
    }

    @Test
    void a_raise_gets_into_a_full_mailbox_and_takes_effect_after_what_was_queued() {
        try (ChaosTree tree = flooded(Overflow.DROP_NEWEST)) {
            tree.inject(Fault.raise("root/w", "boom"));
            Trees.awaitIncarnations(tree, "root/w", 2);

            assertThat(journal.entries()).containsExactly(new Slow(0), new Hop(0), new Hop(1), new Hop(2),
                    new Worker.Terminated("error:boom"));
            assertThat(Trees.exits(tree.trace(), "root/w")).containsExactly("error:boom");
            assertThat(dropReasons(tree.trace())).hasSize(3);
        }
    }
}
