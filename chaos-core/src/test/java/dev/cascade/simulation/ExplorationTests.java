package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 item 4: different seeds reach every order the program allows, and each seed always reaches the same one. */
class ExplorationTests {

    private static Set<String> explore(int seeds, LongFunction<String> run) {
        Set<String> orders = new LinkedHashSet<>();
        for (long seed = 0; seed < seeds; seed++) {
            String order = run.apply(seed);
            assertThat(run.apply(seed)).as("seed %d replays", seed).isEqualTo(order);
            orders.add(order);
        }
        return orders;
    }

    /** P2 only orders messages between one pair; two senders may arrive in either order. */
    private static String twoSenders(long seed) {
        try (Node node = Node.start(SimulatedScheduler.withSeed(seed), RuntimeListener.NONE)) {
            return node.run(ctx -> {
                Pid self = ctx.self();
                ctx.spawn(a -> a.send(self, "A"));
                ctx.spawn(b -> b.send(self, "B"));
                return "" + ctx.receive(m -> true, Timeout.INFINITY).orElseThrow() + ctx.receive(m -> true, Timeout.INFINITY).orElseThrow();
            });
        }
    }

    @Test
    void p2_two_senders_racing_into_one_mailbox_arrive_in_both_orders_across_seeds() {
        assertThat(explore(32, ExplorationTests::twoSenders)).containsExactlyInAnyOrder("AB", "BA");
    }

    /** A cast that crashes the server races a call to it: reply, the crash reason (G22), or noproc (G21). */
    private static String crashRacingCall(long seed) {
        try (Node node = Node.start(SimulatedScheduler.withSeed(seed), RuntimeListener.NONE)) {
            return node.run(ctx -> {
                Pid server = GenServer.start(ctx, Handler.callsAndCasts((s, request) -> "reply", (s, message) -> {
                    throw new IllegalStateException("boom");
                }), StartOptions.DEFAULT).pid();
                Pid self = ctx.self();
                ctx.spawn(crasher -> GenServer.cast(crasher, server, "crash"));
                ctx.spawn(caller -> {
                    String result;
                    try {
                        result = (String) GenServer.call(caller, server, "hello");
                    } catch (CallFailedException failed) {
                        String cause = ((ExitReason.CallFailed) failed.reason()).cause().describe();
                        result = cause.contains("boom") ? "crash reason" : cause;
                    }
                    caller.send(self, result);
                });
                return (String) ctx.receive(m -> true, Timeout.INFINITY).orElseThrow();
            });
        }
    }

    @Test
    void g21_g22_a_crash_racing_a_call_ends_it_with_the_reply_the_crash_reason_or_noproc_across_seeds() {
        assertThat(explore(64, ExplorationTests::crashRacingCall)).containsExactlyInAnyOrder("reply", "crash reason", "noproc");
    }
}
