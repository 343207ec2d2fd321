package dev.cascade.conformance.processes;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.Relay;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 1.2: monitors (P5) and the names of dead processes (P6). */
@ExtendWith(TestScheduler.Verify.class)
class MonitorTests {
    private static final ExitReason BYE = ExitReason.custom("bye");

    private static void endWith(ProcessContext ctx, Pid relay, ExitReason reason) {
        Relay.order(ctx, relay, c -> {
            throw c.exitSelf(reason);
        });
    }

    private static Pid deadProcess(ProcessContext ctx) {
        Pid dead = ctx.spawn(c -> {});
        Inbox.down(ctx, ctx.monitor(dead));
        return dead;
    }

    @Nested
    class WhenTheTargetEnds {

        @Test
        void p5_a_monitor_delivers_exactly_one_down_with_the_ref_the_pid_and_the_exit_reason() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                endWith(ctx, target, BYE);
                assertThat(Inbox.next(ctx, Down.class)).isEqualTo(new Down(ref, target, BYE));
                assertThat(Inbox.stray(ctx, Down.class, down -> true)).as("a second DOWN").isEmpty();
            });
        }

        @Test
        void p5_monitors_are_one_way_so_a_process_not_trapping_exits_survives_the_targets_crash() {
            InProcess.run(ctx -> {
                assertThat(ctx.trapsExit()).isFalse();
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                endWith(ctx, target, BYE);
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(BYE);
                assertThat(ctx.isAlive(ctx.self())).isTrue();
            });
        }

        @Test
        void p5_a_process_trapping_exits_gets_a_down_and_no_exit_message() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid target = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(target);
                endWith(ctx, target, BYE);
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(BYE);
                assertThat(Inbox.stray(ctx, ExitMessage.class, exit -> true)).isEmpty();
            });
        }

        @Test
        void p5_each_monitor_call_creates_its_own_monitor_with_its_own_down() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef first = ctx.monitor(target);
                MonitorRef second = ctx.monitor(target);
                assertThat(first).isNotEqualTo(second);
                endWith(ctx, target, BYE);
                assertThat(Inbox.down(ctx, first)).isEqualTo(new Down(first, target, BYE));
                assertThat(Inbox.down(ctx, second)).isEqualTo(new Down(second, target, BYE));
            });
        }

        @Test
        void p5_no_down_arrives_after_demonitor_when_the_target_ends_later() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                MonitorRef removed = ctx.monitor(target);
                ctx.demonitor(removed, false);
                MonitorRef barrier = ctx.monitor(target);
                endWith(ctx, target, BYE);
                Inbox.down(ctx, barrier);
                assertThat(Inbox.stray(ctx, Down.class, down -> down.ref().equals(removed))).isEmpty();
            });
        }

        @Test
        void p5_no_down_is_left_after_demonitor_with_flush_even_while_the_target_is_ending() {
            InProcess.run(ctx -> {
                for (int round = 0; round < 100; round++) {
                    Pid target = Relay.spawn(ctx, false);
                    MonitorRef removed = ctx.monitor(target);
                    MonitorRef watching = ctx.monitor(target);
                    endWith(ctx, target, BYE);
                    Inbox.down(ctx, watching); // the target is ending: its other DOWN may be on its way
                    ctx.demonitor(removed, true);
                }
                assertThat(Inbox.stray(ctx, Down.class, down -> true)).as("a DOWN after demonitor(flush)").isEmpty();
            });
        }
    }

    @Nested
    class WhenTheTargetDoesNotExist {

        @Test
        void p5_monitor_delivers_a_down_with_noproc_at_once() {
            InProcess.run(ctx -> {
                Pid dead = deadProcess(ctx);
                MonitorRef ref = ctx.monitor(dead);
                assertThat(Inbox.down(ctx, ref)).isEqualTo(new Down(ref, dead, ExitReason.NOPROC));
            });
        }

        @Test
        void p5_demonitor_with_flush_removes_a_down_already_queued() {
            InProcess.run(ctx -> {
                MonitorRef ref = ctx.monitor(deadProcess(ctx));
                ctx.demonitor(ref, true);
                assertThat(Inbox.stray(ctx, Down.class, down -> down.ref().equals(ref))).isEmpty();
            });
        }

        @Test
        void p5_demonitor_without_flush_leaves_a_down_already_queued() {
            InProcess.run(ctx -> {
                Pid dead = deadProcess(ctx);
                MonitorRef ref = ctx.monitor(dead);
                ctx.demonitor(ref, false);
                assertThat(Inbox.down(ctx, ref)).isEqualTo(new Down(ref, dead, ExitReason.NOPROC));
            });
        }
    }

    @Nested
    class NamesOfDeadProcesses {

        @Test
        void p6_the_name_is_free_when_the_down_arrives() {
            InProcess.run(ctx -> {
                Pid named = Relay.spawn(ctx, false);
                assertThat(Relay.run(ctx, named, c -> c.register("worker"))).isEqualTo(true);
                MonitorRef ref = ctx.monitor(named);
                endWith(ctx, named, BYE);
                Inbox.down(ctx, ref);
                assertThat(ctx.whereis("worker")).isEmpty();
                assertThat(ctx.register("worker")).as("registering the freed name at once").isTrue();
            });
        }

        @Test
        void p6_the_name_is_free_when_the_exit_message_arrives() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid named = Relay.spawnLink(ctx, false);
                assertThat(Relay.run(ctx, named, c -> c.register("worker"))).isEqualTo(true);
                ctx.exit(named, ExitReason.kill());
                Inbox.exitFrom(ctx, named);
                assertThat(ctx.whereis("worker")).isEmpty();
                assertThat(ctx.register("worker")).as("registering the freed name at once").isTrue();
            });
        }
    }
}
