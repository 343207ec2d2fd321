package dev.cascade.conformance.genserver;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** otp-semantics G24: {@code GenServer.stop}. */
@ExtendWith(TestScheduler.Verify.class)
class GenServerStopTests {

    private static ScriptedServer<String> server(boolean trapExit, Pid observer) {
        return ScriptedServer.init(ctx -> {
            ctx.trapExit(trapExit);
            return InitResult.<String>ok("state");
        }).reportTerminateTo(observer);
    }

    @Nested
    class WhenTheServerIsRunning {

        @ParameterizedTest(name = "trapping exits: {0}")
        @ValueSource(booleans = {false, true})
        void g24_stop_runs_terminate_whether_or_not_the_server_traps_exits_and_returns_once_it_is_gone(boolean trapExit) {
            InProcess.run(ctx -> {
                Pid pid = GenServer.start(ctx, server(trapExit, ctx.self()), StartOptions.DEFAULT).pid();
                GenServer.stop(ctx, pid, ExitReason.shutdown(), Timeout.INFINITY);
                assertThat(ctx.isAlive(pid)).as("the server when stop returned").isFalse();
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class))
                        .isEqualTo(new ScriptedServer.Terminated(ExitReason.shutdown(), "state"));
            });
        }

        @Test
        void g24_stop_by_name_ends_the_server_with_the_given_reason() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid pid = GenServer.startLink(ctx, ScriptedServer.withState("s"), StartOptions.named("svc")).pid();
                GenServer.stop(ctx, ServerRef.named("svc"), ExitReason.normal(), Timeout.INFINITY);
                assertThat(Inbox.exitFrom(ctx, pid).reason()).isEqualTo(ExitReason.normal());
                assertThat(ctx.whereis("svc")).isEmpty();
            });
        }

        @Test
        void g24_stop_fails_with_the_reason_the_server_actually_ended_with_when_terminate_throws() {
            InProcess.run(ctx -> {
                Crash inTerminate = new Crash("crash in terminate");
                Pid pid = GenServer.start(ctx, ScriptedServer.withState("s").onTerminate((c, reason, s) -> {
                    throw inTerminate;
                }), StartOptions.DEFAULT).pid();
                ExitException failed = catchThrowableOfType(ExitException.class,
                        () -> GenServer.stop(ctx, pid, ExitReason.normal(), Timeout.INFINITY));
                assertThat(failed.reason()).isEqualTo(ExitReason.raised(inTerminate));
            });
        }

        @Test
        void g24_stop_gives_up_with_timeout_when_the_server_does_not_end_in_time() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                Pid pid = GenServer.start(ctx, ScriptedServer.withState("s").onCall((c, request, from, s) -> {
                    c.send(self, "busy");
                    c.receive(message -> message.equals("release"), Timeout.INFINITY);
                    return CallResult.reply("done", s);
                }), StartOptions.DEFAULT).pid();
                ctx.spawn(c -> GenServer.call(c, pid, "block", Timeout.INFINITY));
                Inbox.next(ctx, String.class, "busy"::equals);
                ExitException failed = catchThrowableOfType(ExitException.class,
                        () -> GenServer.stop(ctx, pid, ExitReason.normal(), Timeout.ofMillis(50)));
                assertThat(failed.reason()).isEqualTo(ExitReason.TIMEOUT);
                assertThat(ctx.isAlive(pid)).as("the busy server right after stop gave up").isTrue();
            });
        }

        @Test
        void g24_a_negative_time_limit_is_rejected_with_the_value_before_the_server_is_touched() {
            InProcess.run(ctx -> {
                Pid pid = GenServer.startLink(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> CallResult.reply("alive", s))).pid();
                assertThatThrownBy(() -> GenServer.stop(ctx, pid, ExitReason.normal(), Timeout.ofMillis(-1)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.001");
                assertThat(GenServer.call(ctx, pid, "are you there?")).isEqualTo("alive");
            });
        }
    }

    @Nested
    class WhenThereIsNoServer {

        @Test
        void g24_stop_of_a_dead_server_fails_with_noproc() {
            InProcess.run(ctx -> {
                Pid dead = ctx.spawn(c -> {});
                Inbox.down(ctx, ctx.monitor(dead));
                ExitException failed = catchThrowableOfType(ExitException.class,
                        () -> GenServer.stop(ctx, dead, ExitReason.normal(), Timeout.INFINITY));
                assertThat(failed.reason()).isEqualTo(ExitReason.NOPROC);
            });
        }

        @Test
        void g24_stop_of_a_name_nobody_holds_fails_with_noproc() {
            InProcess.run(ctx -> {
                ExitException failed = catchThrowableOfType(ExitException.class,
                        () -> GenServer.stop(ctx, ServerRef.named("nobody"), ExitReason.normal(), Timeout.INFINITY));
                assertThat(failed.reason()).isEqualTo(ExitReason.NOPROC);
            });
        }
    }
}
