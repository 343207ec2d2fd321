package dev.cascade.conformance.genserver;

import dev.cascade.conformance.ExactClock;
import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.ManualScheduler;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * otp-semantics 2.4: the inactivity timeout (G12, G13). Whether a timeout fires is checked on a
 * clock the test moves (a manual clock, or virtual time under simulation), so that "a message came
 * first" never depends on how fast the machine is.
 */
@ExtendWith(TestScheduler.Verify.class)
class GenServerTimeoutTests {
    private static final Duration INACTIVITY = Duration.ofMillis(100);

    /** The state: what the server handled, in order; "log" returns it; every entry is also reported to the observer. */
    private static ScriptedServer<List<String>> timing(Pid observer, ScriptedServer.Init<List<String>> init) {
        return ScriptedServer.init(init)
                .onCall((ctx, request, from, log) -> request.equals("log")
                        ? CallResult.reply(log, log)
                        : CallResult.reply("ok", handled(ctx, observer, log, "call:" + request)))
                .onCast((ctx, message, log) -> Result.noReply(handled(ctx, observer, log, "cast:" + message)))
                .onInfo((ctx, message, log) -> Result.noReply(handled(ctx, observer, log,
                        message == GenServer.TIMEOUT ? "timeout" : "info:" + message)));
    }

    private static List<String> handled(ProcessContext ctx, Pid observer, List<String> log, String entry) {
        ctx.send(observer, entry);
        List<String> after = new ArrayList<>(log);
        after.add(entry);
        return List.copyOf(after);
    }

    private static InitResult<List<String>> okWithTimeout(Duration timeout) {
        return InitResult.ok(List.of(), Next.timeout(timeout));
    }

    /** On the scheduler's own clock: real time, or virtual time that moves by itself under simulation. */
    @Nested
    class OnTheSchedulersClock {

        @Test
        void g12_when_no_message_comes_handle_info_gets_timeout() {
            InProcess.run(ctx -> {
                GenServer.startLink(ctx, timing(ctx.self(), c -> okWithTimeout(Duration.ofMillis(20))));
                assertThat(Inbox.next(ctx)).isEqualTo("timeout");
            });
        }

        @Test
        void g12_a_timeout_returned_with_a_reply_fires_after_it() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                Pid server = GenServer.startLink(ctx, timing(self, c -> InitResult.ok(List.of()))
                        .onCall((c, request, from, log) -> CallResult.reply("armed", log, Next.timeout(Duration.ofMillis(20))))).pid();
                assertThat(GenServer.call(ctx, server, "arm")).isEqualTo("armed");
                assertThat(Inbox.next(ctx)).isEqualTo("timeout");
            });
        }

        @Test
        void g13_a_zero_timeout_fires_at_once_when_the_mailbox_is_empty() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, timing(ctx.self(), c -> okWithTimeout(Duration.ZERO))).pid();
                assertThat(Inbox.next(ctx)).isEqualTo("timeout");
                assertThat(GenServer.call(ctx, server, "log")).isEqualTo(List.of("timeout"));
            });
        }

        @Test
        void g13_a_zero_timeout_lets_a_message_already_queued_be_handled_instead() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, timing(ctx.self(), c -> {
                    c.send(c.self(), "queued");
                    return okWithTimeout(Duration.ZERO);
                })).pid();
                assertThat(GenServer.call(ctx, server, "log")).isEqualTo(List.of("info:queued"));
            });
        }
    }

    /**
     * On a clock the test moves itself: a {@link ManualScheduler} on the real scheduler, the
     * simulation's virtual time under simulation (see {@link ExactClock}).
     */
    @Nested
    class OnAClockTheTestMoves {

        /**
         * Starts the server, then waits until it is waiting for a message with its inactivity timer set
         * (on virtual time that timer is set before the clock can move: at 0 ms).
         */
        private static Pid startWaiting(ProcessContext ctx, ExactClock clock) {
            Pid server = GenServer.startLink(ctx, timing(ctx.self(), c -> okWithTimeout(INACTIVITY))).pid();
            clock.awaitPendingTimers(1);
            return server;
        }

        /** Lets the server wait half its timeout, so that what comes next comes while it waits. */
        private static void halfway(ProcessContext ctx, ExactClock clock) {
            clock.advance(ctx, INACTIVITY.dividedBy(2));
        }

        /** Runs every timer due well past the inactivity timeout, then asks the server what it handled. */
        private static Object logAfterTheTimeoutWouldHaveFired(ProcessContext ctx, ExactClock clock, Pid server) {
            clock.advance(ctx, INACTIVITY.multipliedBy(10));
            return GenServer.call(ctx, server, "log", Timeout.INFINITY);
        }

        @Test
        void g12_fires_once_the_whole_timeout_has_passed_and_not_before() {
            ExactClock clock = new ExactClock();
            InProcess.run(clock.scheduler(), RuntimeListener.NONE, ctx -> {
                startWaiting(ctx, clock);
                clock.advance(ctx, INACTIVITY.minusMillis(1));
                assertThat(ctx.receive(Timeout.ofMillis(0))).as("1 ms early").isEmpty();
                clock.advance(ctx, Duration.ofMillis(1));
                assertThat(Inbox.next(ctx)).isEqualTo("timeout");
                assertThat(Duration.ofNanos(ctx.nanoTime())).as("when it fired").isEqualTo(INACTIVITY);
            });
        }

        @Test
        void g12_is_cancelled_by_a_call() {
            ExactClock clock = new ExactClock();
            InProcess.run(clock.scheduler(), RuntimeListener.NONE, ctx -> {
                Pid server = startWaiting(ctx, clock);
                halfway(ctx, clock);
                GenServer.call(ctx, server, "poke", Timeout.INFINITY);
                assertThat(logAfterTheTimeoutWouldHaveFired(ctx, clock, server)).isEqualTo(List.of("call:poke"));
            });
        }

        @Test
        void g12_is_cancelled_by_a_cast() {
            ExactClock clock = new ExactClock();
            InProcess.run(clock.scheduler(), RuntimeListener.NONE, ctx -> {
                Pid server = startWaiting(ctx, clock);
                halfway(ctx, clock);
                GenServer.cast(ctx, server, "poke");
                Inbox.next(ctx, String.class, "cast:poke"::equals);
                assertThat(logAfterTheTimeoutWouldHaveFired(ctx, clock, server)).isEqualTo(List.of("cast:poke"));
            });
        }

        @Test
        void g12_is_cancelled_by_any_other_message() {
            ExactClock clock = new ExactClock();
            InProcess.run(clock.scheduler(), RuntimeListener.NONE, ctx -> {
                Pid server = startWaiting(ctx, clock);
                halfway(ctx, clock);
                ctx.send(server, "poke");
                Inbox.next(ctx, String.class, "info:poke"::equals);
                assertThat(logAfterTheTimeoutWouldHaveFired(ctx, clock, server)).isEqualTo(List.of("info:poke"));
            });
        }
    }
}
