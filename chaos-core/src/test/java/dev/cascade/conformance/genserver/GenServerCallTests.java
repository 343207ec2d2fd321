package dev.cascade.conformance.genserver;

import dev.cascade.conformance.ExactClock;
import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.From;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.ServerRef;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** otp-semantics 2.5: call, cast and reply (G17-G23). */
@ExtendWith(TestScheduler.Verify.class)
class GenServerCallTests {

    /** Answers "ping" with "pong"; "slow" waits for a "release" message, then answers with how many slow requests it finished. */
    private static ScriptedServer<Integer> pingServer(Pid observer) {
        return ScriptedServer.withState(0).onCall((ctx, request, from, finished) -> switch ((String) request) {
            case "ping" -> CallResult.reply("pong", finished);
            case "finished" -> CallResult.reply(finished, finished);
            case "slow" -> {
                ctx.send(observer, "handling slow");
                ctx.receive(message -> message.equals("release"), Timeout.INFINITY);
                yield CallResult.reply("late", finished + 1);
            }
            default -> throw new Crash("unexpected " + request);
        });
    }

    private static CallFailedException callFailure(ProcessContext ctx, ServerRef server, Object request, Timeout timeout) {
        return catchThrowableOfType(CallFailedException.class, () -> GenServer.call(ctx, server, request, timeout));
    }

    @Nested
    class WhenTheServerReplies {

        @Test
        void the_call_returns_the_reply_and_leaves_nothing_in_the_callers_mailbox() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, pingServer(ctx.self())).pid();
                assertThat(GenServer.call(ctx, server, "ping")).isEqualTo("pong");
                assertThat(Inbox.stray(ctx)).isEmpty();
            });
        }

        @Test
        void a_call_by_registered_name_reaches_the_server() {
            InProcess.run(ctx -> {
                GenServer.startLink(ctx, pingServer(ctx.self()), StartOptions.named("pinger"));
                assertThat(GenServer.call(ctx, ServerRef.named("pinger"), "ping")).isEqualTo("pong");
            });
        }

        @Test
        void g18_a_reply_followed_at_once_by_the_servers_end_leaves_no_down_in_the_callers_mailbox() {
            InProcess.run(ctx -> {
                for (int round = 0; round < 50; round++) {
                    Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                            .onCall((c, request, from, s) -> CallResult.stopAndReply(ExitReason.normal(), "bye", s)), StartOptions.DEFAULT).pid();
                    MonitorRef ours = ctx.monitor(server);
                    assertThat(GenServer.call(ctx, server, "stop")).isEqualTo("bye");
                    Inbox.down(ctx, ours);
                }
                assertThat(Inbox.stray(ctx, Down.class, down -> true)).as("the call's own DOWN, left behind").isEmpty();
            });
        }

        @Test
        void g17_the_default_call_timeout_is_five_seconds() {
            ExactClock clock = new ExactClock();
            InProcess.run(clock.scheduler(), RuntimeListener.NONE, ctx -> {
                Pid self = ctx.self();
                Pid server = GenServer.startLink(ctx, pingServer(self)).pid();
                ctx.spawn(c -> {
                    try {
                        c.send(self, GenServer.call(c, server, "slow"));
                    } catch (CallFailedException failed) {
                        c.send(self, failed.cause());
                    }
                });
                Inbox.next(ctx, String.class, "handling slow"::equals);
                clock.awaitPendingTimers(1); // the caller's wait
                clock.advance(ctx, Duration.ofMillis(4_999));
                assertThat(ctx.receive(Timeout.ofMillis(0))).as("after 4999 ms, 1 ms before the deadline").isEmpty();
                clock.advance(ctx, Duration.ofMillis(1));
                assertThat(Inbox.next(ctx)).isEqualTo(ExitReason.TIMEOUT);
                assertThat(Duration.ofNanos(ctx.nanoTime())).as("when the call failed").isEqualTo(Duration.ofMillis(5_000));
            });
        }
    }

    @Nested
    class WhenTheReplyComesFromElsewhere {

        @Test
        void a_call_answered_with_noreply_waits_for_a_reply_given_by_a_later_callback() {
            InProcess.run(ctx -> {
                ScriptedServer<From> server = ScriptedServer.<From>withState(null)
                        .onCall((c, request, from, s) -> Result.noReply(from, Next.continueWith("answer now")))
                        .onContinue((c, value, from) -> {
                            GenServer.reply(c, from, "answered later");
                            return Result.noReply(null);
                        });
                Pid pid = GenServer.startLink(ctx, server).pid();
                assertThat(GenServer.call(ctx, pid, "question")).isEqualTo("answered later");
            });
        }

        @Test
        void a_call_answered_with_noreply_can_be_answered_by_another_process() {
            InProcess.run(ctx -> {
                ScriptedServer<String> server = ScriptedServer.withState("s").onCall((c, request, from, s) -> {
                    c.spawn(helper -> GenServer.reply(helper, from, "from a helper"));
                    return Result.noReply(s);
                });
                Pid pid = GenServer.startLink(ctx, server).pid();
                assertThat(GenServer.call(ctx, pid, "question")).isEqualTo("from a helper");
            });
        }
    }

    @Nested
    class WhenTheCallTimesOut {

        @Test
        void g18_the_call_fails_with_cause_timeout() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, pingServer(ctx.self())).pid();
                CallFailedException failed = callFailure(ctx, server, "slow", Timeout.ofMillis(50));
                assertThat(failed.cause()).isEqualTo(ExitReason.TIMEOUT);
                assertThat(failed.reason()).isInstanceOf(ExitReason.CallFailed.class);
            });
        }

        @Test
        void g19_left_uncaught_the_caller_exits_with_the_call_failed_reason() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid server = GenServer.startLink(ctx, pingServer(ctx.self())).pid();
                Pid caller = ctx.spawnLink(c -> GenServer.call(c, server, "slow", Timeout.ofMillis(50)));
                ExitReason reason = Inbox.exitFrom(ctx, caller).reason();
                assertThat(reason).isInstanceOfSatisfying(ExitReason.CallFailed.class,
                        failed -> assertThat(failed.cause()).isEqualTo(ExitReason.TIMEOUT));
            });
        }

        @Test
        void g20_the_late_reply_is_dropped_and_the_server_still_finishes_the_request() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, pingServer(ctx.self())).pid();
                assertThat(callFailure(ctx, server, "slow", Timeout.ofMillis(50)).cause()).isEqualTo(ExitReason.TIMEOUT);
                Inbox.next(ctx, String.class, "handling slow"::equals);
                ctx.send(server, "release");
                assertThat(GenServer.call(ctx, server, "finished")).as("slow requests finished").isEqualTo(1);
                assertThat(Inbox.stray(ctx)).as("the late reply").isEmpty();
            });
        }
    }

    @Nested
    class WhenThereIsNoServer {

        @Test
        void g21_a_call_to_a_dead_pid_fails_with_noproc_and_leaves_nothing_behind() {
            InProcess.run(ctx -> {
                Pid dead = ctx.spawn(c -> {});
                Inbox.down(ctx, ctx.monitor(dead));
                assertThat(callFailure(ctx, dead, "ping", Timeout.INFINITY).cause()).isEqualTo(ExitReason.NOPROC);
                assertThat(Inbox.stray(ctx)).isEmpty();
            });
        }

        @Test
        void g21_a_call_to_a_name_nobody_holds_fails_with_noproc() {
            InProcess.run(ctx -> {
                assertThat(callFailure(ctx, ServerRef.named("nobody"), "ping", Timeout.INFINITY).cause()).isEqualTo(ExitReason.NOPROC);
                assertThat(Inbox.stray(ctx)).isEmpty();
            });
        }

        @Test
        void g21_a_server_calling_itself_fails_with_calling_self() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, ScriptedServer.withState("s").onCall((c, request, from, s) -> {
                    try {
                        return CallResult.reply(GenServer.call(c, c.self(), "again"), s);
                    } catch (CallFailedException failed) {
                        return CallResult.reply(failed.cause(), s);
                    }
                })).pid();
                assertThat(GenServer.call(ctx, server, "call yourself")).isEqualTo(ExitReason.CALLING_SELF);
            });
        }

        @Test
        void g21_any_process_calling_itself_fails_with_calling_self() {
            InProcess.run(ctx -> assertThat(callFailure(ctx, ctx.self(), "ping", Timeout.INFINITY).cause())
                    .isEqualTo(ExitReason.CALLING_SELF));
        }
    }

    @Nested
    class WhenTheServerEndsDuringTheCall {

        @Test
        void g22_a_crash_in_handle_call_fails_the_call_with_the_servers_exit_reason() {
            InProcess.run(ctx -> {
                Crash crash = new Crash("boom");
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s").onCall((c, request, from, s) -> {
                    throw crash;
                }), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                assertThat(callFailure(ctx, server, "crash", Timeout.INFINITY).cause()).isEqualTo(ExitReason.raised(crash));
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.raised(crash));
            });
        }

        @Test
        void g22_a_stop_without_reply_fails_the_call_with_the_stop_reason() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> Result.stop(ExitReason.custom("stopped"), s)), StartOptions.DEFAULT).pid();
                assertThat(callFailure(ctx, server, "stop", Timeout.INFINITY).cause()).isEqualTo(ExitReason.custom("stopped"));
            });
        }

        @Test
        void g22_a_server_killed_while_handling_the_call_fails_it_with_killed_not_timeout() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                Pid server = GenServer.start(ctx, pingServer(self), StartOptions.DEFAULT).pid();
                ctx.spawn(c -> c.send(self, callFailure(c, server, "slow", Timeout.ofMillis(5_000)).cause()));
                Inbox.next(ctx, String.class, "handling slow"::equals);
                ctx.exit(server, ExitReason.kill());
                assertThat(Inbox.next(ctx, ExitReason.class)).isEqualTo(ExitReason.killed());
            });
        }
    }

    @Nested
    class CastAndReply {

        @Test
        void g23_a_cast_to_a_dead_pid_or_to_a_name_nobody_holds_returns_normally_unlike_a_plain_send() {
            InProcess.run(ctx -> {
                Pid dead = ctx.spawn(c -> {});
                Inbox.down(ctx, ctx.monitor(dead));
                assertThatCode(() -> GenServer.cast(ctx, dead, "hello")).doesNotThrowAnyException();
                assertThatCode(() -> GenServer.cast(ctx, ServerRef.named("nobody"), "hello")).doesNotThrowAnyException();
                assertThatThrownBy(() -> ctx.send(ServerRef.named("nobody"), "hello")).isInstanceOf(IllegalArgumentException.class);
            });
        }

        @Test
        void g23_a_cast_reaches_the_server() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                Pid server = GenServer.startLink(ctx, ScriptedServer.withState("s").onCast((c, message, s) -> {
                    c.send(self, "cast: " + message);
                    return Result.noReply(s);
                })).pid();
                GenServer.cast(ctx, server, "hello");
                assertThat(Inbox.next(ctx)).isEqualTo("cast: hello");
            });
        }

        @Test
        void g23_replying_to_a_caller_that_is_gone_returns_normally_and_the_server_carries_on() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                ScriptedServer<From> server = ScriptedServer.<From>withState(null)
                        .onCall((c, request, from, held) -> {
                            if (request.equals("ping")) {
                                return CallResult.reply("pong", held);
                            }
                            c.send(self, "holding the call");
                            return Result.noReply(from);
                        })
                        .onCast((c, message, held) -> {
                            GenServer.reply(c, held, "too late");
                            c.send(self, "replied");
                            return Result.noReply(null);
                        });
                Pid pid = GenServer.startLink(ctx, server).pid();
                Pid caller = ctx.spawn(c -> GenServer.call(c, pid, "question", Timeout.INFINITY));
                Inbox.next(ctx, String.class, "holding the call"::equals);
                ctx.exit(caller, ExitReason.kill());
                Inbox.down(ctx, ctx.monitor(caller));
                GenServer.cast(ctx, pid, "answer now");
                assertThat(Inbox.next(ctx)).isEqualTo("replied");
                assertThat(GenServer.call(ctx, pid, "ping")).isEqualTo("pong");
            });
        }
    }
}
