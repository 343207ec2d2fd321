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
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** otp-semantics 2.2-2.4: the main loop, callback results, optional callbacks and continue (G7-G11, G14). */
@ExtendWith(TestScheduler.Verify.class)
class GenServerLoopTests {

    /** The server's state: what it handled, in order. */
    private static List<String> log(List<String> before, String entry) {
        List<String> after = new ArrayList<>(before);
        after.add(entry);
        return List.copyOf(after);
    }

    /** A server that logs every callback and answers the call "log" with its log. */
    private static ScriptedServer<List<String>> logging(ScriptedServer.Init<List<String>> init) {
        return ScriptedServer.init(init)
                .onCall((ctx, request, from, log) -> request.equals("log")
                        ? CallResult.reply(log, log)
                        : CallResult.reply("ok", log(log, "call:" + request)))
                .onCast((ctx, message, log) -> Result.noReply(log(log, "cast:" + message)))
                .onInfo((ctx, message, log) -> Result.noReply(log(log, "info:" + message)))
                .onContinue((ctx, value, log) -> Result.noReply(log(log, "continue:" + value)));
    }

    private static ScriptedServer<List<String>> logging() {
        return logging(ctx -> InitResult.ok(List.of()));
    }

    private static ExitReason endOf(ProcessContext ctx, MonitorRef ref) {
        return Inbox.down(ctx, ref).reason();
    }

    @Nested
    class Dispatch {

        @Test
        void g7_messages_of_every_kind_are_handled_in_mailbox_order() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, logging()).pid();
                GenServer.cast(ctx, server, "a");
                ctx.send(server, "b");
                GenServer.call(ctx, server, "c");
                GenServer.cast(ctx, server, "d");
                ctx.send(server, "e");
                assertThat(GenServer.call(ctx, server, "log")).isEqualTo(List.of("cast:a", "info:b", "call:c", "cast:d", "info:e"));
            });
        }

        @Test
        void reply_answers_the_caller_and_sets_the_new_state() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, ScriptedServer.withState(1)
                        .onCall((c, request, from, n) -> CallResult.reply("was " + n, n * 10))).pid();
                assertThat(GenServer.call(ctx, server, "x")).isEqualTo("was 1");
                assertThat(GenServer.call(ctx, server, "x")).isEqualTo("was 10");
            });
        }

        @Test
        void g11_an_unexpected_message_is_dropped_by_the_default_handle_info_and_the_server_carries_on() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> CallResult.reply("still here", s))).pid();
                ctx.send(server, "unexpected");
                assertThat(GenServer.call(ctx, server, "are you there?")).isEqualTo("still here");
            });
        }

        @Test
        void g11_a_call_to_a_server_without_handle_call_crashes_it() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s"), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                CallFailedException failed = catchThrowableOfType(CallFailedException.class,
                        () -> GenServer.call(ctx, server, "anything"));
                assertThat(failed.cause()).isInstanceOfSatisfying(ExitReason.Raised.class,
                        raised -> assertThat(raised.error()).isInstanceOf(UnsupportedOperationException.class));
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(failed.cause());
            });
        }

        @Test
        void g11_a_cast_to_a_server_without_handle_cast_crashes_it() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s"), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "anything");
                assertThat(Inbox.down(ctx, ref).reason()).isInstanceOfSatisfying(ExitReason.Raised.class,
                        raised -> assertThat(raised.error()).isInstanceOf(UnsupportedOperationException.class));
            });
        }

        @Test
        void g11_a_continue_for_a_server_without_handle_continue_crashes_it() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCast((c, message, s) -> Result.noReply(s, Next.continueWith("go on"))), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "continue");
                assertThat(Inbox.down(ctx, ref).reason()).isInstanceOfSatisfying(ExitReason.Raised.class,
                        raised -> assertThat(raised.error()).isInstanceOf(UnsupportedOperationException.class));
            });
        }

        @Test
        void g11_a_server_without_terminate_ends_as_if_terminate_had_returned() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCast((c, message, s) -> Result.stop(ExitReason.custom("done"), s)), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "stop");
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.custom("done"));
            });
        }
    }

    @Nested
    class ExitMessagesAtATrappingServer {

        private static ScriptedServer<String> trapping(Pid observer) {
            return ScriptedServer.init(ctx -> {
                ctx.trapExit(true);
                return InitResult.<String>ok("s");
            }).onInfo((ctx, message, s) -> {
                ctx.send(observer, message);
                return Result.noReply(s);
            }).onCall((ctx, request, from, s) -> CallResult.reply("alive", s)).reportTerminateTo(observer);
        }

        @Test
        void g7_an_exit_message_from_the_parent_makes_the_server_terminate_with_the_parents_reason() {
            InProcess.run(ctx -> {
                Pid parent = Relay.spawn(ctx, false);
                Pid server = (Pid) Relay.run(ctx, parent, c -> GenServer.startLink(c, trapping(ctx.self())).pid());
                MonitorRef ref = ctx.monitor(server);
                Relay.order(ctx, parent, c -> {
                    throw c.exitSelf(ExitReason.custom("bye"));
                });
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class).reason()).isEqualTo(ExitReason.custom("bye"));
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.custom("bye"));
                assertThat(Inbox.stray(ctx, ExitMessage.class, exit -> true)).as("the parent's 'EXIT' given to handleInfo").isEmpty();
            });
        }

        @Test
        void g7_even_a_normal_exit_of_the_parent_makes_the_server_terminate() {
            InProcess.run(ctx -> {
                Pid parent = Relay.spawn(ctx, false);
                Pid server = (Pid) Relay.run(ctx, parent, c -> GenServer.startLink(c, trapping(ctx.self())).pid());
                MonitorRef ref = ctx.monitor(server);
                Relay.order(ctx, parent, c -> {
                    throw c.exitSelf(ExitReason.normal());
                });
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class).reason()).isEqualTo(ExitReason.normal());
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.normal());
            });
        }

        @Test
        void g7_an_exit_message_from_another_process_goes_to_handle_info_and_the_server_stays() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, trapping(ctx.self())).pid();
                Pid other = Relay.spawn(ctx, false);
                Relay.run(ctx, other, c -> {
                    c.exit(server, ExitReason.shutdown());
                    return "sent";
                });
                assertThat(Inbox.next(ctx, ExitMessage.class)).isEqualTo(new ExitMessage(other, ExitReason.shutdown()));
                assertThat(GenServer.call(ctx, server, "are you there?")).isEqualTo("alive");
            });
        }

        @Test
        void g8_an_exit_signal_sent_by_the_parent_counts_as_the_parents_exit_even_without_a_link() {
            InProcess.run(ctx -> {
                Pid parent = Relay.spawn(ctx, false);
                Pid server = (Pid) Relay.run(ctx, parent, c -> GenServer.startLink(c, trapping(ctx.self())).pid());
                MonitorRef ref = ctx.monitor(server);
                Relay.run(ctx, parent, c -> {
                    c.unlink(server);
                    c.exit(server, ExitReason.custom("go away"));
                    return "sent";
                });
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class).reason()).isEqualTo(ExitReason.custom("go away"));
                assertThat(Inbox.down(ctx, ref).reason()).isEqualTo(ExitReason.custom("go away"));
            });
        }

        @Test
        void g8_a_server_started_without_a_link_is_its_own_parent_so_its_starters_exit_signal_is_only_a_message() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, trapping(ctx.self()), StartOptions.DEFAULT).pid();
                ctx.exit(server, ExitReason.shutdown());
                assertThat(Inbox.next(ctx, ExitMessage.class)).isEqualTo(new ExitMessage(ctx.self(), ExitReason.shutdown()));
                assertThat(GenServer.call(ctx, server, "are you there?")).isEqualTo("alive");
            });
        }
    }

    @Nested
    class FailingCallbacks {

        /** Counts casts; "crash" throws what {@code failure} gives; "null" returns null. Terminate reports to the observer. */
        private static ScriptedServer<Integer> counting(Pid observer, RuntimeException failure) {
            return ScriptedServer.withState(0).onCast((ctx, message, n) -> switch ((String) message) {
                case "crash" -> throw failure;
                case "null" -> null;
                default -> Result.noReply(n + 1);
            }).reportTerminateTo(observer);
        }

        @Test
        void g10_an_error_ends_the_server_with_that_error_after_terminate_with_the_last_good_state() {
            InProcess.run(ctx -> {
                Crash crash = new Crash("boom");
                Pid server = GenServer.start(ctx, counting(ctx.self(), crash), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "count");
                GenServer.cast(ctx, server, "count");
                GenServer.cast(ctx, server, "crash");
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class))
                        .isEqualTo(new ScriptedServer.Terminated(ExitReason.raised(crash), 2));
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.raised(crash));
            });
        }

        @Test
        void g10_an_exit_ends_the_server_with_its_reason_after_terminate_with_the_last_good_state() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, counting(ctx.self(), new ExitException(ExitReason.custom("quit"))), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "count");
                GenServer.cast(ctx, server, "crash");
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class))
                        .isEqualTo(new ScriptedServer.Terminated(ExitReason.custom("quit"), 1));
                assertThat(endOf(ctx, ref)).isEqualTo(ExitReason.custom("quit"));
            });
        }

        @Test
        void a_null_result_is_a_bad_return_value_that_ends_the_server_after_terminate_with_the_last_good_state() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, counting(ctx.self(), new Crash("unused")), StartOptions.DEFAULT).pid();
                MonitorRef ref = ctx.monitor(server);
                GenServer.cast(ctx, server, "count");
                GenServer.cast(ctx, server, "null");
                assertThat(Inbox.next(ctx, ScriptedServer.Terminated.class))
                        .isEqualTo(new ScriptedServer.Terminated(new ExitReason.BadReturn(null), 1));
                assertThat(endOf(ctx, ref)).isEqualTo(new ExitReason.BadReturn(null));
            });
        }

        @Test
        void a_null_result_from_handle_call_fails_the_call_with_bad_return_value() {
            InProcess.run(ctx -> {
                Pid server = GenServer.start(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> null), StartOptions.DEFAULT).pid();
                CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> GenServer.call(ctx, server, "x"));
                assertThat(failed.cause()).isEqualTo(new ExitReason.BadReturn(null));
            });
        }

        @Test
        void a_null_result_from_handle_info_or_handle_continue_is_a_bad_return_value_too() {
            InProcess.run(ctx -> {
                Pid byInfo = GenServer.start(ctx, ScriptedServer.withState("s").onInfo((c, message, s) -> null), StartOptions.DEFAULT).pid();
                MonitorRef infoRef = ctx.monitor(byInfo);
                ctx.send(byInfo, "anything");
                assertThat(Inbox.down(ctx, infoRef).reason()).isEqualTo(new ExitReason.BadReturn(null));

                ctx.trapExit(true);
                Pid byContinue = GenServer.startLink(ctx, ScriptedServer.init(c -> InitResult.ok("s", Next.continueWith("go")))
                        .onContinue((c, value, s) -> null)).pid();
                assertThat(Inbox.exitFrom(ctx, byContinue).reason()).isEqualTo(new ExitReason.BadReturn(null));
            });
        }
    }

    @Nested
    class Continue {

        @Test
        void g14_a_continue_from_init_runs_before_messages_already_queued() {
            InProcess.run(ctx -> {
                Pid server = GenServer.startLink(ctx, logging(c -> {
                    c.send(c.self(), "queued by init");
                    return InitResult.ok(List.of(), Next.continueWith("first"));
                })).pid();
                assertThat(GenServer.call(ctx, server, "log")).isEqualTo(List.of("continue:first", "info:queued by init"));
            });
        }

        @Test
        void g14_continues_chain_and_a_message_a_continue_sends_itself_is_handled_after_them() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                ScriptedServer<List<String>> server = logging(c -> {
                    c.send(c.self(), "queued by init");
                    return InitResult.ok(List.of(), Next.continueWith(1));
                }).onContinue((c, value, log) -> {
                    if (value.equals(1)) {
                        c.send(c.self(), "sent by continue 1");
                        return Result.noReply(log(log, "continue:1"), Next.continueWith(2));
                    }
                    return Result.noReply(log(log, "continue:" + value));
                }).onInfo((c, message, log) -> {
                    if (message.equals("sent by continue 1")) {
                        c.send(self, "handled the last one"); // our call must not overtake it
                    }
                    return Result.noReply(log(log, "info:" + message));
                });
                Pid pid = GenServer.startLink(ctx, server).pid();
                Inbox.next(ctx, String.class, "handled the last one"::equals);
                assertThat(GenServer.call(ctx, pid, "log"))
                        .isEqualTo(List.of("continue:1", "continue:2", "info:queued by init", "info:sent by continue 1"));
            });
        }

        @Test
        void g14_a_reply_is_sent_before_the_continue_that_came_with_it_runs() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                Pid server = GenServer.startLink(ctx, ScriptedServer.withState("s")
                        .onCall((c, request, from, s) -> CallResult.reply("replied", s, Next.continueWith("after")))
                        .onContinue((c, value, s) -> {
                            c.receive(message -> message.equals("go on"), Timeout.INFINITY); // only the caller, once answered, says so
                            c.send(self, "continue ran");
                            return Result.noReply(s);
                        })).pid();
                assertThat(GenServer.call(ctx, server, "x", Timeout.ofMillis(5_000))).isEqualTo("replied");
                ctx.send(server, "go on");
                assertThat(Inbox.next(ctx)).isEqualTo("continue ran");
            });
        }
    }
}
