package dev.cascade.conformance.genserver;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.Relay;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** otp-semantics 2.6: when terminate runs, with which reason, and what the server then exits with (G25, G26). */
@ExtendWith(TestScheduler.Verify.class)
class GenServerTerminateTests {
    private static final ExitReason BYE = ExitReason.custom("bye");

    private static ExitReason endOf(ProcessContext ctx, MonitorRef ref) {
        return Inbox.down(ctx, ref).reason();
    }

    /** terminate would have sent its report before the DOWN that was just received (P7). */
    private static void assertTerminateDidNotRun(ProcessContext ctx) {
        assertThat(Inbox.stray(ctx, ScriptedServer.Terminated.class, terminated -> true)).as("terminate's report").isEmpty();
    }

    private static ScriptedServer<String> trappingIf(boolean trap, Pid observer) {
        return ScriptedServer.init(ctx -> {
            ctx.trapExit(trap);
            return InitResult.<String>ok("state");
        }).reportTerminateTo(observer);
    }

    @Nested
    class TerminateRuns {

        @Test
        void when_a_cast_returns_stop_with_the_stop_reason_and_the_new_state_then_the_server_exits_with_that_reason() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("old")
                        .onCast((c, message, s) -> Result.stop(BYE, "new"))
                        .reportTerminateTo(ctx.self()), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "stop");
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class)).isEqualTo(new ScriptedServer.Terminated(BYE, "new"));
                assertThat(endOf(ctx, ref)).isEqualTo(BYE);
            });
        }

        @Test
        void when_a_continue_returns_stop() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid server = GenServer.startLink(ctx, ScriptedServer.init(c -> InitResult.ok("s", Next.continueWith("stop")))
                        .onContinue((c, value, s) -> Result.stop(BYE, "after continue"))
                        .reportTerminateTo(ctx.self())).pid();
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class)).isEqualTo(new ScriptedServer.Terminated(BYE, "after continue"));
                assertThat(Inbox.exitFrom(ctx, server).reason()).isEqualTo(BYE);
            });
        }

        @Test
        void when_a_call_returns_stop_without_a_reply_before_the_caller_fails_with_the_reason() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> Result.stop(BYE, "stopped"))
                        .reportTerminateTo(ctx.self()), StartOptions.DEFAULT).pid();
                CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> GenServer.call(ctx, server, "stop"));
                assertThat(failed.cause()).isEqualTo(BYE);
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class)).isEqualTo(new ScriptedServer.Terminated(BYE, "stopped"));
            });
        }

        @Test
        void when_a_call_returns_stop_with_a_reply_before_the_reply_is_sent_then_the_server_exits_with_the_reason() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid server = GenServer.startLink(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> CallResult.stopAndReply(ExitReason.normal(), "stopped_reply", "last"))
                        .reportTerminateTo(ctx.self())).pid();
                assertThat(GenServer.call(ctx, server, "stop")).isEqualTo("stopped_reply");
                // terminate's report was sent before the reply, so it is already here (P7): no wait
                assertThat(ctx.receive(message -> message instanceof ScriptedServer.Terminated, Timeout.ofMillis(0)))
                        .contains(new ScriptedServer.Terminated(ExitReason.normal(), "last"));
                assertThat(Inbox.exitFrom(ctx, server).reason()).isEqualTo(ExitReason.normal());
            });
        }

        @Test
        void when_a_trapping_server_gets_its_parents_exit_with_the_parents_reason() {
            InProcess.run(ctx -> {
                Pid parent = Relay.spawn(ctx, false);
                Pid server = (Pid) Relay.run(ctx, parent, c -> GenServer.startLink(c, trappingIf(true, ctx.self())).pid());
                MonitorRef ref = ctx.monitor(server);
                Relay.order(ctx, parent, c -> {
                    throw c.exitSelf(BYE);
                });
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class)).isEqualTo(new ScriptedServer.Terminated(BYE, "state"));
                assertThat(endOf(ctx, ref)).isEqualTo(BYE);
            });
        }
    }

    @Nested
    class TerminateDoesNotRun {

        @Test
        void when_a_server_not_trapping_exits_is_ended_by_its_parents_exit_signal() {
            InProcess.run(ctx -> {
                Pid parent = Relay.spawn(ctx, false);
                Pid server = (Pid) Relay.run(ctx, parent, c -> GenServer.startLink(c, trappingIf(false, ctx.self())).pid());
                MonitorRef ref = ctx.monitor(server);
                Relay.order(ctx, parent, c -> {
                    throw c.exitSelf(BYE);
                });
                assertThat(endOf(ctx, ref)).isEqualTo(BYE);
                assertTerminateDidNotRun(ctx);
            });
        }

        @Test
        void when_a_server_not_trapping_exits_is_ended_by_another_process_exit_signal() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, trappingIf(false, ctx.self()), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                ctx.exit(server, ExitReason.shutdown());
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.shutdown());
                assertTerminateDidNotRun(ctx);
            });
        }

        @Test
        void when_a_trapping_server_is_killed() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, trappingIf(true, ctx.self())).pid();
                ctx.unlink(server);
                MonitorRef ref = ctx.monitor(server);
                ctx.exit(server, ExitReason.kill());
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.killed());
                assertTerminateDidNotRun(ctx);
            });
        }

        @Test
        void p3_when_the_server_is_killed_while_its_handler_is_blocked_not_even_once_the_handler_unwinds() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                CountDownLatch never = new CountDownLatch(1);
                AtomicReference<Thread> handlerThread = new AtomicReference<>();
                AtomicBoolean terminateRan = new AtomicBoolean();
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> {
                            handlerThread.set(Thread.currentThread());
                            c.send(self, "blocking");
                            never.await(); // interrupted when the process is killed: throws InterruptedException
                            return CallResult.reply("done", s);
                        })
                        .onTerminate((c, reason, s) -> terminateRan.set(true)), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                ctx.spawn(c -> c.send(self, catchThrowableOfType(CallFailedException.class,
                        () -> GenServer.call(c, server, "block", Timeout.INFINITY)).cause()));
                Inbox.next(ctx, String.class, "blocking"::equals);

                ctx.exit(server, ExitReason.kill());

                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.killed());
                assertThat(Inbox.next(ctx, ExitReason.class)).as("the caller's failure").isEqualTo(ExitReason.killed());
                TestScheduler.eventually(ctx, "the handler's thread to unwind", () -> !handlerThread.get().isAlive());
                assertThat(terminateRan).as("terminate ran").isFalse();
            });
        }
    }

    @Nested
    class WhenTerminateThrows {

        @Test
        void g26_the_server_exits_with_what_terminate_threw_instead_of_the_stop_reason() {
            InProcess.run(ctx -> {
                Crash inTerminate = new Crash("crash in terminate");
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCast((c, message, s) -> Result.stop(BYE, s))
                        .onTerminate((c, reason, s) -> {
                            throw inTerminate;
                        }), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "stop");
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.raised(inTerminate));
            });
        }

        @Test
        void g26_the_server_exits_with_what_terminate_threw_instead_of_the_crash_that_ended_it() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCast((c, message, s) -> {
                            throw new Crash("crash in handler");
                        })
                        .onTerminate((c, reason, s) -> {
                            throw new IllegalStateException("terminate failed too");
                        }), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "crash");
                assertThat(endOf(ctx, ref)).isInstanceOfSatisfying(ExitReason.Raised.class,
                        raised -> assertThat(raised.error()).isInstanceOf(IllegalStateException.class).hasMessage("terminate failed too"));
            });
        }

        @Test
        void g26_a_stop_with_a_reply_still_sends_the_reply_and_the_server_exits_with_what_terminate_threw() {
            InProcess.run(ctx -> {
                Crash inTerminate = new Crash("crash in terminate");
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> CallResult.stopAndReply(ExitReason.normal(), "stopped_reply", s))
                        .onTerminate((c, reason, s) -> {
                            throw inTerminate;
                        }), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                assertThat(GenServer.call(ctx, server, "stop")).isEqualTo("stopped_reply");
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.raised(inTerminate));
            });
        }
    }
}
