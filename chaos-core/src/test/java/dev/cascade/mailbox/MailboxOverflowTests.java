package dev.cascade.mailbox;

import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.mailbox.HeldServer.CallOut;
import dev.cascade.mailbox.HeldServer.CalledOut;
import dev.cascade.mailbox.HeldServer.HeldCall;
import dev.cascade.mailbox.HeldServer.Hold;
import dev.cascade.mailbox.HeldServer.Holding;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.MailboxLimit.Overflow;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessBody;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import dev.cascade.runtime.Tracing;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What each overflow policy of a bounded mailbox does with one message too many, and what always gets in. */
@ExtendWith(TestScheduler.Verify.class)
class MailboxOverflowTests {
    record Item(int n) {}

    /** Runs {@code body} as a process on a traced node; returns the trace. */
    private static Trace run(ProcessBody body) {
        try (Node node = Node.start(TestScheduler.create(), RuntimeListener.NONE, Tracing.ON)) {
            node.run(ctx -> {
                body.run(ctx);
                return null;
            });
            return node.trace();
        }
    }

    /** Sends {@code Item(first)} … {@code Item(end - 1)} to {@code to}. */
    private static void send(ProcessContext ctx, Pid to, int first, int end) {
        IntStream.range(first, end).forEach(n -> ctx.send(to, new Item(n)));
    }

    private static List<Item> items(int... numbers) {
        return IntStream.of(numbers).mapToObj(Item::new).toList();
    }

    /** The id of the {@code Sent} event of {@code message}. */
    private static long sent(Trace trace, Object message) {
        return trace.events(TraceEvent.Sent.class).stream().filter(sent -> sent.message().value().filter(message::equals).isPresent())
                .findFirst().orElseThrow().id();
    }

    private static List<TraceEvent.MessageDropped> dropped(Trace trace) {
        return trace.events(TraceEvent.MessageDropped.class);
    }

    @Nested
    class Limits {

        @Test
        void a_capacity_below_1_is_refused_pointing_to_unbounded() {
            assertThatThrownBy(() -> MailboxLimit.of(0, Overflow.DROP_NEWEST)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a mailbox capacity must be >= 1 but was 0; use MailboxLimit.UNBOUNDED for no bound");
            assertThatThrownBy(() -> MailboxLimit.of(3, null)).isInstanceOf(NullPointerException.class).hasMessage("overflow");
            assertThat(MailboxLimit.UNBOUNDED.bounded()).isFalse();
            assertThat(MailboxLimit.of(1, Overflow.CRASH_RECEIVER).bounded()).isTrue();
        }
    }

    @Nested
    class RejectToSender {

        @Test
        void a_send_to_a_full_mailbox_throws_to_the_sender_and_what_was_queued_stays() {
            Trace trace = run(ctx -> {
                Pid gate = Gate.spawn(ctx, MailboxLimit.of(3, Overflow.REJECT_TO_SENDER));
                send(ctx, gate, 0, 3);
                assertThatThrownBy(() -> ctx.send(gate, new Item(3))).isInstanceOfSatisfying(MailboxFullException.class,
                        full -> assertThat(full.receiver()).isEqualTo(gate))
                        .hasMessage("the mailbox of " + gate + " is full (3 messages) and rejects to the sender");
                assertThat(Gate.open(ctx, gate)).containsExactlyElementsOf(items(0, 1, 2));
            });

            assertThat(dropped(trace)).singleElement().satisfies(dropped -> {
                assertThat(dropped.reason()).isEqualTo(DropReason.REJECTED_FULL);
                assertThat(dropped.message()).isEqualTo(sent(trace, new Item(3)));
            });
        }

        @Test
        void a_cast_to_a_full_server_throws_and_a_call_to_it_fails_with_mailbox_full() {
            Trace trace = run(ctx -> {
                Pid server = GenServer.start(ctx, new HeldServer(),
                        StartOptions.DEFAULT.withMailbox(MailboxLimit.of(1, Overflow.REJECT_TO_SENDER))).pid();
                GenServer.cast(ctx, server, new Hold(ctx.self()));
                Inbox.next(ctx, Holding.class);
                GenServer.cast(ctx, server, new Item(0));

                assertThatThrownBy(() -> GenServer.cast(ctx, server, new Item(1))).isInstanceOf(MailboxFullException.class);
                assertThatThrownBy(() -> GenServer.call(ctx, server, "q", Timeout.ofMillis(5_000)))
                        .isInstanceOfSatisfying(CallFailedException.class,
                                failed -> assertThat(failed.cause()).isEqualTo(ExitReason.custom("mailbox_full")));
            });

            assertThat(trace.events(TraceEvent.CallFailed.class)).singleElement()
                    .satisfies(failed -> assertThat(failed.reason()).isEqualTo(ExitReason.custom("mailbox_full")));
            assertThat(dropped(trace)).hasSize(2).allSatisfy(d -> assertThat(d.reason()).isEqualTo(DropReason.REJECTED_FULL));
        }
    }

    @Nested
    class DropNewest {

        @Test
        void the_message_that_finds_the_mailbox_full_is_dropped_and_the_sender_carries_on() {
            Trace trace = run(ctx -> {
                Pid gate = Gate.spawn(ctx, MailboxLimit.of(3, Overflow.DROP_NEWEST));
                send(ctx, gate, 0, 5);
                assertThat(Gate.open(ctx, gate)).containsExactlyElementsOf(items(0, 1, 2));
            });

            assertThat(dropped(trace)).extracting(TraceEvent.MessageDropped::message, TraceEvent.MessageDropped::reason)
                    .containsExactly(
                            tuple(sent(trace, new Item(3)), DropReason.DROPPED_NEWEST),
                            tuple(sent(trace, new Item(4)), DropReason.DROPPED_NEWEST));
        }
    }

    @Nested
    class DropOldest {

        @Test
        void the_oldest_queued_message_makes_room_for_the_new_one() {
            Trace trace = run(ctx -> {
                Pid gate = Gate.spawn(ctx, MailboxLimit.of(3, Overflow.DROP_OLDEST));
                send(ctx, gate, 0, 5);
                assertThat(Gate.open(ctx, gate)).containsExactlyElementsOf(items(2, 3, 4));
            });

            assertThat(dropped(trace)).extracting(TraceEvent.MessageDropped::message, TraceEvent.MessageDropped::reason)
                    .containsExactly(
                            tuple(sent(trace, new Item(0)), DropReason.DROPPED_OLDEST),
                            tuple(sent(trace, new Item(1)), DropReason.DROPPED_OLDEST));
        }
    }

    @Nested
    class CrashReceiver {

        @Test
        void one_message_too_many_ends_the_receiver_mailbox_overflow_and_everything_queued_is_lost() {
            Trace trace = run(ctx -> {
                Pid gate = Gate.spawn(ctx, MailboxLimit.of(3, Overflow.CRASH_RECEIVER));
                MonitorRef watch = ctx.monitor(gate);
                send(ctx, gate, 0, 4);
                assertThat(Inbox.down(ctx, watch).reason()).isEqualTo(MailboxLimit.OVERFLOW_REASON);
            });

            TraceEvent.Exited exited = trace.events(TraceEvent.Exited.class).stream()
                    .filter(e -> e.reason().equals(MailboxLimit.OVERFLOW_REASON)).findFirst().orElseThrow();
            assertThat(exited.reason().describe()).isEqualTo("mailbox_overflow");
            assertThat(exited.cause()).hasValue(sent(trace, new Item(3)));
            assertThat(trace.events(TraceEvent.MessageLost.class)).extracting(TraceEvent.MessageLost::message)
                    .containsExactly(sent(trace, new Item(0)), sent(trace, new Item(1)), sent(trace, new Item(2)),
                            sent(trace, new Item(3)));
            assertThat(dropped(trace)).isEmpty();
        }
    }

    @Nested
    class AlwaysGetIn {

        @Test
        void exit_messages_and_downs_get_into_a_full_mailbox() {
            run(ctx -> {
                Pid watched = ctx.spawn(idle -> idle.receive(Timeout.INFINITY));
                Pid gate = Gate.spawn(ctx, MailboxLimit.of(1, Overflow.REJECT_TO_SENDER), watched);
                ctx.send(gate, new Item(0));
                assertThatThrownBy(() -> ctx.send(gate, new Item(1))).isInstanceOf(MailboxFullException.class);

                ctx.exit(gate, ExitReason.custom("signal"));
                ctx.exit(watched, ExitReason.custom("bye"));

                assertThat(Gate.open(ctx, gate)).satisfiesExactly(
                        first -> assertThat(first).isEqualTo(new Item(0)),
                        exit -> assertThat(exit).isEqualTo(new ExitMessage(ctx.self(), ExitReason.custom("signal"))),
                        exit -> assertThat(exit).isEqualTo(new ExitMessage(watched, ExitReason.custom("bye"))),
                        down -> assertThat(down).isInstanceOfSatisfying(Down.class, d -> {
                            assertThat(d.pid()).isEqualTo(watched);
                            assertThat(d.reason()).isEqualTo(ExitReason.custom("bye"));
                        }));
            });
        }

        @Test
        void a_call_reply_gets_into_the_full_mailbox_of_its_caller() {
            run(ctx -> {
                Pid callee = GenServer.start(ctx, new HeldServer(), StartOptions.DEFAULT).pid();
                Pid caller = GenServer.start(ctx, new HeldServer(),
                        StartOptions.DEFAULT.withMailbox(MailboxLimit.of(1, Overflow.REJECT_TO_SENDER))).pid();
                GenServer.cast(ctx, caller, new CallOut(callee, new HeldCall(ctx.self()), ctx.self()));
                Inbox.next(ctx, Holding.class);
                GenServer.cast(ctx, caller, new Item(0));
                assertThatThrownBy(() -> GenServer.cast(ctx, caller, new Item(1))).isInstanceOf(MailboxFullException.class);

                ctx.exit(callee, Gate.OPEN);

                assertThat(Inbox.next(ctx, CalledOut.class).outcome()).isEqualTo("ok");
            });
        }
    }
}
