package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.function.BiFunction;

import static dev.cascade.conformance.supervisor.Probe.child;
import static dev.cascade.conformance.supervisor.Probe.ids;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 3.4: what a supervisor does when a child ends, by restart type and exit reason; and S1. */
@ExtendWith(TestScheduler.Verify.class)
class ChildExitTests {
    private final EventLog log = new EventLog();

    /** The ways a child can end, and the reason each gives. */
    enum Ending {
        NORMAL(ExitReason.NORMAL, (ctx, pid) -> Probe.stop(ctx, pid, ExitReason.NORMAL)),
        SHUTDOWN(ExitReason.SHUTDOWN, (ctx, pid) -> Probe.stop(ctx, pid, ExitReason.SHUTDOWN)),
        SHUTDOWN_WITH_DETAIL(ExitReason.shutdown("x"), (ctx, pid) -> Probe.stop(ctx, pid, ExitReason.shutdown("x"))),
        CRASH(null, Probe::crash),
        CUSTOM(ExitReason.custom("bye"), (ctx, pid) -> Probe.stop(ctx, pid, ExitReason.custom("bye"))),
        KILLED(ExitReason.KILLED, (ctx, pid) -> Probe.signal(ctx, pid, ExitReason.KILL)),
        EXITS_ITSELF_WITH_KILL(ExitReason.KILL, (ctx, pid) -> Probe.stop(ctx, pid, ExitReason.KILL));

        final ExitReason reason;
        final BiFunction<ProcessContext, Pid, ExitReason> cause;

        Ending(ExitReason reason, BiFunction<ProcessContext, Pid, ExitReason> cause) {
            this.reason = reason;
            this.cause = cause;
        }

        void end(ProcessContext ctx, Pid pid) {
            ExitReason actual = cause.apply(ctx, pid);
            if (reason != null) {
                assertThat(actual).as("the child's exit reason").isEqualTo(reason);
            } else {
                assertThat(actual.describe()).isEqualTo("error:boom");
            }
        }
    }

    /** Ends child {@code a} of the given restart type, beside a sibling {@code s}; checks the result after a barrier. */
    private void endChild(Restart restart, Ending ending, ChildCheck check) {
        try (Node node = Node.start(TestScheduler.create(), log)) {
            node.run(ctx -> {
                Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(10, Duration.ofMinutes(1))
                        .withChild(TestChild.worker("s", log).spec())
                        .withChild(TestChild.worker("a", log).spec().withRestart(restart)), log);
                Pid old = pidOf(ctx, sup, "a");
                Pid sibling = pidOf(ctx, sup, "s");
                ending.end(ctx, old);
                Probe.barrier(ctx, sup);
                check.check(ctx, sup, old);
                assertThat(pidOf(ctx, sup, "s")).as("the sibling is untouched").isEqualTo(sibling);
                return null;
            });
        }
    }

    @FunctionalInterface
    private interface ChildCheck {
        void check(ProcessContext ctx, Pid sup, Pid old);
    }

    private void assertRestarted(ProcessContext ctx, Pid sup, Pid old) {
        assertThat(pidOf(ctx, sup, "a")).isNotEqualTo(old);
        assertThat(log.count("start a")).isEqualTo(2);
    }

    @Nested
    class A_permanent_child {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Ending.class)
        void s34_is_restarted_whatever_its_exit_reason_even_normal(Ending ending) {
            endChild(Restart.PERMANENT, ending, ChildExitTests.this::assertRestarted);
        }
    }

    @Nested
    class A_transient_child {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Ending.class, names = {"CRASH", "CUSTOM", "KILLED", "EXITS_ITSELF_WITH_KILL"})
        void s34_is_restarted_after_an_abnormal_exit(Ending ending) {
            endChild(Restart.TRANSIENT, ending, ChildExitTests.this::assertRestarted);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Ending.class, names = {"NORMAL", "SHUTDOWN", "SHUTDOWN_WITH_DETAIL"})
        void s34_that_ends_normal_shutdown_or_shutdown_with_detail_keeps_its_spec_without_a_process(Ending ending) {
            endChild(Restart.TRANSIENT, ending, (ctx, sup, old) -> {
                ChildInfo a = child(ctx, sup, "a");
                assertThat(a.pid()).isEmpty();
                assertThat(a.restarting()).isFalse();
                assertThat(log.count("start a")).isEqualTo(1);
            });
        }
    }

    @Nested
    class A_temporary_child {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Ending.class)
        void s34_is_never_restarted_and_its_spec_is_deleted_whatever_its_exit_reason(Ending ending) {
            endChild(Restart.TEMPORARY, ending, (ctx, sup, old) -> {
                assertThat(ids(ctx, sup)).containsExactly("s");
                assertThat(log.count("start a")).isEqualTo(1);
            });
        }
    }

    @Nested
    class A_process_that_is_not_a_child {

        @Test
        void s1_its_exit_signal_reaches_the_supervisor_as_an_exit_message_and_is_ignored() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec()), log);
                    Pid a = pidOf(ctx, sup, "a");
                    Pid tester = ctx.self();
                    Pid stranger = ctx.spawn(p -> {
                        p.link(sup);
                        p.send(tester, "linked");
                        p.receive();
                    });
                    ctx.receive(m -> m.equals("linked"), Probe.PATIENCE).orElseThrow();
                    ExitReason reason = Probe.signal(ctx, stranger, ExitReason.custom("go")); // its link carries "go" to sup
                    assertThat(reason).isEqualTo(ExitReason.custom("go"));
                    assertThat(pidOf(ctx, sup, "a")).as("a causal barrier: the supervisor answers, unchanged").isEqualTo(a);
                    assertThat(ctx.isAlive(sup)).isTrue();
                    return null;
                });
            }
        }

        @Test
        void s1_an_unexpected_plain_message_is_ignored() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec()), log);
                    ctx.send(sup, "hello?");
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(1);
                    assertThat(log.events()).containsExactly("start a");
                    return null;
                });
            }
        }
    }
}
