package dev.cascade.conformance.processes;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.Relay;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 1.3: the one ordering guarantee, between signals from one sender to one receiver (P7, P8). */
@ExtendWith(TestScheduler.Verify.class)
class OrderingTests {
    private static final int ROUNDS = 50;

    @Nested
    class SignalsFromOneSender {

        @Test
        void p7_a_message_sent_before_dying_arrives_before_the_exit_message() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid self = ctx.self();
                for (int round = 0; round < ROUNDS; round++) {
                    Pid dying = ctx.spawnLink(c -> {
                        c.send(self, "last words");
                        throw new Crash("boom");
                    });
                    assertThat(Inbox.next(ctx)).as("round %d", round).isEqualTo("last words");
                    assertThat(Inbox.next(ctx)).as("round %d", round).isInstanceOf(ExitMessage.class)
                            .extracting(message -> ((ExitMessage) message).from()).isEqualTo(dying);
                }
            });
        }

        @Test
        void p7_a_message_sent_before_dying_arrives_before_the_down() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                for (int round = 0; round < ROUNDS; round++) {
                    Pid dying = Relay.spawn(ctx, false);
                    MonitorRef ref = ctx.monitor(dying);
                    Relay.order(ctx, dying, c -> {
                        c.send(self, "last words");
                        throw new Crash("boom");
                    });
                    assertThat(Inbox.next(ctx)).as("round %d", round).isEqualTo("last words");
                    assertThat(Inbox.next(ctx)).as("round %d", round).isInstanceOf(Down.class)
                            .extracting(message -> ((Down) message).ref()).isEqualTo(ref);
                }
            });
        }

        @Test
        void p7_a_message_then_an_exit_signal_arrive_in_the_order_they_were_sent() {
            InProcess.run(ctx -> {
                Pid receiver = Relay.spawn(ctx, true);
                ctx.send(receiver, "first");
                ctx.exit(receiver, ExitReason.shutdown());
                assertThat(Relay.nextRelayed(ctx, receiver)).isEqualTo("first");
                assertThat(Relay.nextRelayed(ctx, receiver)).isEqualTo(new ExitMessage(ctx.self(), ExitReason.shutdown()));
            });
        }

        @Test
        void p8_messages_are_received_in_send_order() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                ctx.spawn(c -> IntStream.range(0, 1_000).forEach(i -> c.send(self, i)));
                List<Object> received = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    received.add(Inbox.next(ctx));
                }
                assertThat(received).isEqualTo(IntStream.range(0, 1_000).boxed().toList());
            });
        }
    }

    @Nested
    class TheMailbox {

        @Test
        void p8_a_selective_receive_leaves_the_other_messages_in_order() {
            InProcess.run(ctx -> {
                for (String message : List.of("a1", "b", "a2", "c")) {
                    ctx.send(ctx.self(), message);
                }
                assertThat(Inbox.next(ctx, String.class, "b"::equals)).isEqualTo("b");
                assertThat(List.of(Inbox.next(ctx), Inbox.next(ctx), Inbox.next(ctx))).containsExactly("a1", "a2", "c");
            });
        }

        @Test
        void p8_exit_messages_and_downs_are_appended_at_the_tail() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid partner = Relay.spawnLink(ctx, false);
                MonitorRef ref = ctx.monitor(partner);
                ctx.send(ctx.self(), "queued first");
                ctx.send(ctx.self(), "queued second");
                ctx.exit(partner, ExitReason.kill());
                List<Object> mailbox = new ArrayList<>();
                mailbox.add(Inbox.next(ctx));
                mailbox.add(Inbox.next(ctx));
                mailbox.add(Inbox.next(ctx));
                mailbox.add(Inbox.next(ctx));
                assertThat(mailbox.subList(0, 2)).containsExactly("queued first", "queued second");
                assertThat(mailbox.subList(2, 4)).containsExactlyInAnyOrder(
                        new ExitMessage(partner, ExitReason.killed()), new Down(ref, partner, ExitReason.killed()));
            });
        }
    }
}
