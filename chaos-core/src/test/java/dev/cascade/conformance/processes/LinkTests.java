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

import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 1.1: links (E8, P4), and that a link is one two-way bond made atomically by spawnLink. */
@ExtendWith(TestScheduler.Verify.class)
class LinkTests {

    /** A process that is gone: spawned, returned, its DOWN seen. */
    private static Pid deadProcess(ProcessContext ctx) {
        Pid dead = ctx.spawn(c -> {});
        Inbox.down(ctx, ctx.monitor(dead));
        return dead;
    }

    private static void crash(ProcessContext ctx, Pid relay, String reason) {
        MonitorRef ref = ctx.monitor(relay);
        Relay.order(ctx, relay, c -> {
            throw new Crash(reason);
        });
        Inbox.down(ctx, ref);
    }

    @Nested
    class Linking {

        @Test
        void a_link_carries_exit_signals_both_ways_whichever_side_made_it() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid madeByUs = Relay.spawn(ctx, false);
                ctx.link(madeByUs);
                Pid madeByThem = Relay.spawn(ctx, false);
                Relay.run(ctx, madeByThem, c -> {
                    c.link(ctx.self());
                    return "linked";
                });
                ctx.exit(madeByUs, ExitReason.custom("one"));
                ctx.exit(madeByThem, ExitReason.custom("two"));
                assertThat(Inbox.exitFrom(ctx, madeByUs).reason()).isEqualTo(ExitReason.custom("one"));
                assertThat(Inbox.exitFrom(ctx, madeByThem).reason()).isEqualTo(ExitReason.custom("two"));
            });
        }

        @Test
        void spawn_link_links_before_the_child_runs_so_a_child_that_dies_at_once_always_signals_its_parent() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                for (int round = 0; round < 200; round++) {
                    Pid child = ctx.spawnLink(c -> {
                        throw new Crash("at once");
                    });
                    assertThat(Inbox.exitFrom(ctx, child).reason().describe()).as("round %d", round).isEqualTo("error:at once");
                }
            });
        }

        @Test
        void linking_twice_makes_one_link_that_one_unlink_removes() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid partner = Relay.spawn(ctx, false);
                ctx.link(partner);
                ctx.link(partner);
                ctx.unlink(partner);
                crash(ctx, partner, "boom");
                assertThat(Inbox.stray(ctx, ExitMessage.class, exit -> true)).isEmpty();
            });
        }
    }

    @Nested
    class LinkingToAProcessThatDoesNotExist {

        @Test
        void p4_raises_noproc_when_not_trapping() {
            InProcess.run(ctx -> {
                Pid dead = deadProcess(ctx);
                Pid linker = Relay.spawn(ctx, false);
                Object raised = Relay.run(ctx, linker, c -> {
                    try {
                        c.link(dead);
                        return "linked";
                    } catch (Crash crash) {
                        return crash.reason();
                    }
                });
                assertThat(raised).isEqualTo("noproc");
            });
        }

        @Test
        void p4_uncaught_noproc_ends_a_process_not_trapping_exits_with_error_noproc() {
            InProcess.run(ctx -> {
                Pid dead = deadProcess(ctx);
                Pid linker = Relay.spawn(ctx, false);
                MonitorRef ref = ctx.monitor(linker);
                Relay.order(ctx, linker, c -> {
                    c.link(dead);
                    return "linked";
                });
                assertThat(Inbox.down(ctx, ref).reason().describe()).isEqualTo("error:noproc");
            });
        }

        @Test
        void p4_returns_and_delivers_an_exit_message_with_noproc_when_trapping() {
            InProcess.run(ctx -> {
                Pid dead = deadProcess(ctx);
                Pid linker = Relay.spawn(ctx, true);
                Object result = Relay.run(ctx, linker, c -> {
                    c.link(dead);
                    return "linked";
                });
                assertThat(result).isEqualTo("linked");
                assertThat(Relay.nextRelayed(ctx, linker)).isEqualTo(new ExitMessage(dead, ExitReason.NOPROC));
            });
        }
    }

    @Nested
    class AfterUnlink {

        @Test
        void e8_the_former_partners_exit_signal_is_dropped_by_a_process_not_trapping_exits() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, false);
                Pid partner = Relay.spawn(ctx, false);
                Relay.run(ctx, target, c -> {
                    c.link(partner);
                    c.unlink(partner);
                    return "unlinked";
                });
                crash(ctx, partner, "boom");
                assertThat(Relay.run(ctx, target, c -> "still running")).isEqualTo("still running");
                assertThat(ctx.isAlive(target)).isTrue();
            });
        }

        @Test
        void e8_the_former_partners_exit_signal_is_dropped_by_a_process_trapping_exits() {
            InProcess.run(ctx -> {
                Pid target = Relay.spawn(ctx, true);
                Pid partner = Relay.spawn(ctx, false);
                Relay.run(ctx, target, c -> {
                    c.link(partner);
                    return "linked";
                });
                Relay.run(ctx, partner, c -> {
                    c.unlink(target); // the other side removes it: the link is gone for both
                    return "unlinked";
                });
                crash(ctx, partner, "boom");
                assertThat(Relay.run(ctx, target, c -> "barrier")).isEqualTo("barrier");
                assertThat(Inbox.stray(ctx, Relay.Relayed.class, relayed -> relayed.relay().equals(target))).isEmpty();
            });
        }
    }
}
