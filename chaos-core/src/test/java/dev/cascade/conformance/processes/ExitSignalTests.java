package dev.cascade.conformance.processes;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.Relay;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 1.1: what an exit signal does to its receiver (E1-E7, P1, P2). E8 is in {@link LinkTests}. */
@ExtendWith(TestScheduler.Verify.class)
class ExitSignalTests {

    /** Reasons other than normal and kill: each behaves the same way (E4, E7). */
    static Stream<ExitReason> otherReasons() {
        return Stream.of(ExitReason.shutdown(), ExitReason.shutdown("detail"), ExitReason.killed(),
                ExitReason.custom("boom"), ExitReason.raised(new Crash("boom")));
    }

    private static void assertStillRunning(ProcessContext ctx, Pid process) {
        assertThat(Relay.run(ctx, process, c -> "still running")).isEqualTo("still running");
        assertThat(ctx.isAlive(process)).isTrue();
    }

    /** The relay received nothing up to a barrier it answered: no signal became a message. */
    private static void assertNothingRelayed(ProcessContext ctx, Pid process) {
        assertStillRunning(ctx, process);
        assertThat(Inbox.stray(ctx, Relay.Relayed.class, relayed -> relayed.relay().equals(process))).isEmpty();
    }

    /** Links {@code target} to a fresh relay and returns that partner, monitored by the caller. */
    private static Pid linkedPartner(ProcessContext ctx, Pid target) {
        Pid partner = Relay.spawn(ctx, false);
        Relay.run(ctx, target, c -> {
            c.link(partner);
            return "linked";
        });
        return partner;
    }

    private static void endWith(ProcessContext ctx, Pid process, ExitReason reason) {
        MonitorRef ref = ctx.monitor(process);
        Relay.order(ctx, process, c -> {
            throw c.exitSelf(reason);
        });
        assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(reason);
    }

    @Nested
    class SentWithExitToAProcessNotTrappingExits {

        @Test
        void e1_kill_ends_the_target_with_killed() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                ctx.exit(target, ExitReason.kill());
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.killed());
            });
        }

        @Test
        void e2_normal_from_another_process_is_dropped() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                ctx.exit(target, ExitReason.normal());
                assertNothingRelayed(ctx, target);
            });
        }

        @Test
        void e3_normal_sent_to_itself_ends_the_process_with_normal() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                Relay.order(ctx, target, c -> {
                    c.exit(c.self(), ExitReason.normal());
                    return "survived";
                });
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.normal());
                assertThat(Inbox.stray(ctx)).as("anything the process did after exit(self(), normal)").isEmpty();
            });
        }

        @ParameterizedTest
        @MethodSource("dev.cascade.conformance.processes.ExitSignalTests#otherReasons")
        void e4_any_other_reason_ends_the_target_with_that_reason(ExitReason reason) {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                ctx.exit(target, reason);
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(reason);
            });
        }
    }

    @Nested
    class SentWithExitToAProcessTrappingExits {

        @Test
        void e1_kill_cannot_be_trapped_and_ends_the_target_with_killed() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                MonitorRef ref = ctx.monitor(target);
                ctx.exit(target, ExitReason.kill());
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.killed());
                assertThat(Inbox.stray(ctx, Relay.Relayed.class, relayed -> true)).as("a trapped kill").isEmpty();
            });
        }

        @Test
        void e2_normal_becomes_an_exit_message_from_the_sender() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                ctx.exit(target, ExitReason.normal());
                assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(ctx.self(), ExitReason.normal()));
                assertStillRunning(ctx, target);
            });
        }

        @Test
        void e3_normal_sent_to_itself_becomes_an_exit_message_and_the_process_keeps_running() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                Object result = Relay.run(ctx, target, c -> {
                    c.exit(c.self(), ExitReason.normal());
                    return "kept running";
                });
                assertThat(result).isEqualTo("kept running");
                assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(target, ExitReason.normal()));
            });
        }

        @ParameterizedTest
        @MethodSource("dev.cascade.conformance.processes.ExitSignalTests#otherReasons")
        void e4_any_other_reason_becomes_an_exit_message_from_the_sender(ExitReason reason) {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                ctx.exit(target, reason);
                assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(ctx.self(), reason));
                assertStillRunning(ctx, target);
            });
        }
    }

    @Nested
    class ThroughALinkToAProcessNotTrappingExits {

        @Test
        void e5_normal_is_dropped() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                Pid partner = linkedPartner(ctx, target);
                endWith(ctx, partner, ExitReason.normal());
                assertNothingRelayed(ctx, target);
            });
        }

        @Test
        void e6_kill_as_the_partners_own_exit_reason_ends_the_process_with_kill_not_killed() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                Pid partner = linkedPartner(ctx, target);
                endWith(ctx, partner, ExitReason.kill());
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.kill());
            });
        }

        @ParameterizedTest
        @MethodSource("dev.cascade.conformance.processes.ExitSignalTests#otherReasons")
        void e7_any_other_reason_ends_the_process_with_that_reason(ExitReason reason) {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                Pid partner = linkedPartner(ctx, target);
                endWith(ctx, partner, reason);
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(reason);
            });
        }

        @Test
        void p1_shutdown_and_shutdown_with_a_detail_are_abnormal_to_the_runtime_and_end_a_linked_process() {
            InProcess.run(ctx -> {
                for (ExitReason reason : new ExitReason[] {ExitReason.shutdown(), ExitReason.shutdown("detail")}) {
                    Pid target = Relay.spawn(ctx, false);
                    MonitorRef ref = ctx.monitor(target);
                    endWith(ctx, linkedPartner(ctx, target), reason);
                    assertThat(Inbox.down(ctx, ref).reason()).as("linked process after its partner exited %s", reason.describe())
                            .isEqualTo(reason);
                }
            });
        }

        @Test
        void p2_a_process_killed_with_kill_ends_with_killed_and_its_links_carry_killed() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef targetRef = ctx.monitor(target);
                Pid partner = linkedPartner(ctx, target);
                MonitorRef partnerRef = ctx.monitor(partner);
                ctx.exit(partner, ExitReason.kill());
                assertThat(Inbox.down(ctx, partnerRef).reason()).isEqualTo(ExitReason.killed());
                assertThat(Inbox.down(ctx, targetRef).reason()).isEqualTo(ExitReason.killed());
            });
        }
    }

    @Nested
    class ThroughALinkToAProcessTrappingExits {

        @Test
        void e5_normal_becomes_an_exit_message() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                Pid partner = linkedPartner(ctx, target);
                endWith(ctx, partner, ExitReason.normal());
                assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(partner, ExitReason.normal()));
                assertStillRunning(ctx, target);
            });
        }

        @Test
        void e6_kill_as_the_partners_own_exit_reason_can_be_trapped() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                Pid partner = linkedPartner(ctx, target);
                endWith(ctx, partner, ExitReason.kill());
                assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(partner, ExitReason.kill()));
                assertStillRunning(ctx, target);
            });
        }

        @ParameterizedTest
        @MethodSource("dev.cascade.conformance.processes.ExitSignalTests#otherReasons")
        void e7_any_other_reason_becomes_an_exit_message(ExitReason reason) {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                Pid partner = linkedPartner(ctx, target);
                endWith(ctx, partner, reason);
                assertThat(Relay.nextRelayed(ctx, target)).isEqualTo(new ExitMessage(partner, reason));
                assertStillRunning(ctx, target);
            });
        }

        @Test
        void p2_a_trapping_linked_observer_of_a_killed_process_gets_an_exit_message_with_killed() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid partner = Relay.spawnLink(ctx, false);
                ctx.exit(partner, ExitReason.kill());
                assertThat(Inbox.exitFrom(ctx, partner).reason()).isEqualTo(ExitReason.killed());
            });
        }
    }
}
