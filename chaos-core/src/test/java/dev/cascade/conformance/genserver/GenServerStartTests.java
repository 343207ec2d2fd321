package dev.cascade.conformance.genserver;

import dev.cascade.conformance.InProcess;
import dev.cascade.conformance.Inbox;
import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.CallResult;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.Next;
import dev.cascade.genserver.Result;
import dev.cascade.genserver.StartOptions;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 2.1: starting a GenServer (G1-G5 and the table of init results). */
@ExtendWith(TestScheduler.Verify.class)
class GenServerStartTests {
    private static final Crash CRASH = new Crash("init crashed");

    /** init told its observer which process it runs in. */
    record InitRan(Pid pid) {}

    /** One way for init to fail, the reason the starter gets and the server exits with. */
    record InitFailure(String name, ScriptedServer.Init<Object> init, ExitReason reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<InitFailure> initFailures() {
        return Stream.of(
                new InitFailure("stop(bad)", ctx -> InitResult.stop(ExitReason.custom("bad")), ExitReason.custom("bad")),
                new InitFailure("stop(shutdown)", ctx -> InitResult.stop(ExitReason.shutdown()), ExitReason.shutdown()),
                new InitFailure("null (bad return)", ctx -> null, new ExitReason.BadReturn(null)),
                new InitFailure("throws an error", ctx -> {
                    throw CRASH;
                }, ExitReason.raised(CRASH)),
                new InitFailure("throws an exit", ctx -> {
                    throw new ExitException(ExitReason.custom("exited"));
                }, ExitReason.custom("exited")));
    }

    /** A server whose init reports its pid to {@code observer}, then does what {@code init} does. */
    private static ScriptedServer<Object> reporting(Pid observer, ScriptedServer.Init<Object> init) {
        return ScriptedServer.init(ctx -> {
            ctx.send(observer, new InitRan(ctx.self()));
            return init.apply(ctx);
        });
    }

    private static Pid initRan(ProcessContext ctx) {
        return Inbox.next(ctx, InitRan.class).pid();
    }

    @Nested
    class WhenInitSucceeds {

        @Test
        void init_ok_returns_started_with_the_pid_of_a_server_that_handles_requests() {
            InProcess.run(ctx -> {
                StartResult result = GenServer.startLink(ctx, reporting(ctx.self(), c -> InitResult.ok(41))
                        .onCall((c, request, from, n) -> CallResult.reply((Integer) n + 1, n)));
                assertThat(result).isEqualTo(new StartResult.Started(initRan(ctx)));
                assertThat(GenServer.call(ctx, result.pid(), "next")).isEqualTo(42);
            });
        }

        @Test
        void init_ok_with_a_timeout_starts_the_server_with_that_inactivity_timeout() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                StartResult result = GenServer.startLink(ctx, ScriptedServer.init(c -> InitResult.ok("s", Next.timeout(Duration.ofMillis(20))))
                        .onInfo((c, message, s) -> {
                            c.send(self, message);
                            return Result.noReply(s);
                        }));
                assertThat(result).isInstanceOf(StartResult.Started.class);
                assertThat(Inbox.next(ctx)).isSameAs(GenServer.TIMEOUT);
            });
        }
    }

    @Nested
    class WhenInitDoesNotStartTheServer {

        @Test
        void sync_start_link_consumes_the_exit_of_a_linked_server_that_died_before_its_init_ack() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                for (ExitReason reason : List.of(ExitReason.KILL, ExitReason.custom("gone"))) {
                    StartResult result = GenServer.startLink(ctx, reporting(ctx.self(), c -> {
                        c.exit(c.self(), reason); // dies here: no ack is ever sent
                        c.receive();
                        return InitResult.ok("s");
                    }));
                    ExitReason died = reason.equals(ExitReason.KILL) ? ExitReason.KILLED : reason;
                    assertThat(result).as("proc_lib:sync_start_link returns {error, R} from the 'EXIT'")
                            .isEqualTo(new StartResult.Failed(died));
                    Pid server = initRan(ctx);
                    assertThat(Inbox.stray(ctx, ExitMessage.class, exit -> exit.from().equals(server)))
                            .as("the 'EXIT' that sync_start_link received itself").isEmpty();
                }
            });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cascade.conformance.genserver.GenServerStartTests#initFailures")
        void init_failure_is_returned_to_the_starter_and_is_the_servers_exit_reason(InitFailure failure) {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                StartResult result = GenServer.startLink(ctx, reporting(ctx.self(), failure.init()));
                assertThat(result).isEqualTo(new StartResult.Failed(failure.reason()));
                Pid server = initRan(ctx);
                assertThat(Inbox.exitFrom(ctx, server).reason()).as("the 'EXIT' kept in the trapping starter's mailbox")
                        .isEqualTo(failure.reason());
            });
        }

        @Test
        void init_ignore_returns_ignored_and_the_server_exits_normal() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                StartResult result = GenServer.startLink(ctx, reporting(ctx.self(), c -> InitResult.ignore()));
                assertThat(result).isEqualTo(new StartResult.Ignored());
                assertThat(Inbox.exitFrom(ctx, initRan(ctx)).reason()).isEqualTo(ExitReason.normal());
            });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cascade.conformance.genserver.GenServerStartTests#initFailures")
        void g4_terminate_is_never_called_when_init_fails(InitFailure failure) {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                GenServer.startLink(ctx, reporting(ctx.self(), failure.init()).reportTerminateTo(ctx.self()));
                Inbox.exitFrom(ctx, initRan(ctx)); // the server's last signal to us: terminate would have come before it
                assertThat(Inbox.stray(ctx, ScriptedServer.Terminated.class, terminated -> true)).isEmpty();
            });
        }

        @Test
        void the_trapping_starter_keeps_exactly_the_exit_message_and_nothing_else() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                for (int round = 0; round < 20; round++) {
                    for (InitFailure failure : initFailures().toList()) {
                        GenServer.startLink(ctx, reporting(ctx.self(), failure.init()));
                        Pid server = initRan(ctx);
                        assertThat(Inbox.next(ctx)).as("round %d, %s", round, failure)
                                .isEqualTo(new ExitMessage(server, failure.reason()));
                    }
                }
                assertThat(Inbox.stray(ctx)).as("a stray DOWN or ack from a failed start").isEmpty();
            });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cascade.conformance.genserver.GenServerStartTests#initFailures")
        void g5_a_starter_not_trapping_exits_is_killed_by_the_link_when_init_fails(InitFailure failure) {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                Pid self = ctx.self();
                Pid starter = ctx.spawnLink(c -> {
                    GenServer.startLink(c, reporting(self, failure.init()));
                    c.receive();
                });
                assertThat(Inbox.exitFrom(ctx, starter).reason()).isEqualTo(failure.reason());
            });
        }

        @Test
        void g5_a_starter_not_trapping_exits_survives_ignore_since_the_server_exits_normal() {
            InProcess.run(ctx -> assertStarterSurvives(ctx, (c, observer) -> GenServer.startLink(c, reporting(observer, s -> InitResult.ignore()))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cascade.conformance.genserver.GenServerStartTests#initFailures")
        void g5_a_starter_not_trapping_exits_survives_a_failed_start_without_a_link(InitFailure failure) {
            InProcess.run(ctx -> assertStarterSurvives(ctx, (c, observer) -> GenServer.start(c, reporting(observer, failure.init()), StartOptions.DEFAULT)));
        }

        /** A start made by {@code ctx}, whose init reports to {@code observer}. */
        private interface Start {
            StartResult apply(ProcessContext ctx, Pid observer);
        }

        private static void assertStarterSurvives(ProcessContext ctx, Start start) {
            Pid self = ctx.self();
            Pid starter = ctx.spawn(c -> {
                c.send(self, start.apply(c, self));
                c.receive();
                c.send(self, "still running");
            });
            Inbox.next(ctx, StartResult.class);
            Pid server = initRan(ctx);
            Inbox.down(ctx, ctx.monitor(server)); // the server is gone, and so are its signals
            ctx.send(starter, "are you there?");
            assertThat(Inbox.next(ctx)).isEqualTo("still running");
        }
    }

    @Nested
    class WithAName {

        @Test
        void g1_a_name_taken_by_a_server_fails_with_already_started_and_its_pid_without_spawning() {
            InProcess.run(ctx -> {
                Pid holder = GenServer.startLink(ctx, ScriptedServer.withState("s"), StartOptions.named("svc")).pid();
                int processes = ctx.node().processCount();
                StartResult second = GenServer.startLink(ctx, reporting(ctx.self(), c -> InitResult.ok("t")), StartOptions.named("svc"));
                assertThat(second).isEqualTo(new StartResult.Failed(ExitReason.custom(new StartResult.AlreadyStarted(holder))));
                assertThat(ctx.node().processCount()).isEqualTo(processes);
                assertThat(Inbox.stray(ctx, InitRan.class, ran -> true)).as("init of the refused server").isEmpty();
            });
        }

        @Test
        void g1_a_name_taken_by_any_process_fails_with_already_started() {
            InProcess.run(ctx -> {
                assertThat(ctx.register("svc")).isTrue();
                StartResult result = GenServer.startLink(ctx, ScriptedServer.withState("s"), StartOptions.named("svc"));
                assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.custom(new StartResult.AlreadyStarted(ctx.self()))));
            });
        }

        @Test
        void g3_the_name_is_registered_before_init_runs() {
            InProcess.run(ctx -> {
                Pid self = ctx.self();
                Pid server = GenServer.startLink(ctx, ScriptedServer.init(c -> {
                    c.send(self, c.whereis("svc"));
                    return InitResult.ok("s");
                }), StartOptions.named("svc")).pid();
                assertThat(Inbox.next(ctx)).isEqualTo(Optional.of(server));
            });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cascade.conformance.genserver.GenServerStartTests#initFailures")
        void g3_the_name_is_free_before_the_starter_learns_that_init_failed(InitFailure failure) {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                for (int attempt = 0; attempt < 5; attempt++) {
                    StartResult result = GenServer.startLink(ctx, ScriptedServer.init(failure.init()), StartOptions.named("svc"));
                    assertThat(result).as("attempt %d", attempt).isEqualTo(new StartResult.Failed(failure.reason()));
                    assertThat(ctx.whereis("svc")).as("attempt %d", attempt).isEmpty();
                }
            });
        }

        @Test
        void g3_the_name_is_free_before_the_starter_learns_that_init_ignored() {
            InProcess.run(ctx -> {
                for (int attempt = 0; attempt < 5; attempt++) {
                    StartResult result = GenServer.startLink(ctx, ScriptedServer.init(c -> InitResult.ignore()), StartOptions.named("svc"));
                    assertThat(result).as("attempt %d", attempt).isEqualTo(new StartResult.Ignored());
                    assertThat(ctx.whereis("svc")).as("attempt %d", attempt).isEmpty();
                }
            });
        }
    }

    @Nested
    class WithAnInitTimeout {

        @Test
        void g2_init_that_takes_too_long_is_killed_and_the_start_fails_with_timeout_leaving_no_exit_message() {
            InProcess.run(ctx -> {
                ctx.trapExit(true);
                CountDownLatch never = new CountDownLatch(1);
                StartResult result = GenServer.startLink(ctx, reporting(ctx.self(), c -> {
                    never.await();
                    return InitResult.ok("s");
                }), StartOptions.named("slow").withInitTimeout(Timeout.ofMillis(50)));
                assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.TIMEOUT));
                Pid server = initRan(ctx);
                assertThat(ctx.isAlive(server)).as("the server when start returned").isFalse();
                assertThat(ctx.whereis("slow")).isEmpty();
                assertThat(Inbox.stray(ctx, ExitMessage.class, exit -> exit.from().equals(server))).isEmpty();
            });
        }

        @Test
        void g2_a_start_without_a_link_kills_the_slow_server_too() {
            InProcess.run(ctx -> {
                StartResult result = GenServer.start(ctx, reporting(ctx.self(), c -> {
                    c.receive();
                    return InitResult.ok("s");
                }), StartOptions.DEFAULT.withInitTimeout(Timeout.ofMillis(50)));
                assertThat(result).isEqualTo(new StartResult.Failed(ExitReason.TIMEOUT));
                assertThat(ctx.isAlive(initRan(ctx))).isFalse();
            });
        }

        @Test
        void g2_the_default_init_timeout_is_infinity() {
            assertThat(StartOptions.DEFAULT.initTimeout()).isEqualTo(Timeout.INFINITY);
        }
    }
}
