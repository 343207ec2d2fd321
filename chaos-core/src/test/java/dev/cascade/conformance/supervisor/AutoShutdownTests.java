package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.AutoShutdown;
import dev.cascade.supervisor.ChildOpResult;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.cascade.conformance.supervisor.Probe.awaitExit;
import static dev.cascade.conformance.supervisor.Probe.crash;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 3.10: a supervisor that stops itself when significant children end on their own (A1-A4). */
@ExtendWith(TestScheduler.Verify.class)
class AutoShutdownTests {
    private final EventLog log = new EventLog();

    private ChildSpec significant(String id, Restart restart) {
        return TestChild.worker(id, log).spec().withRestart(restart).withSignificant(true);
    }

    private SupervisorSpec supervisor(AutoShutdown autoShutdown) {
        return SupervisorSpec.oneForOne().withIntensity(10, Duration.ofMinutes(1)).withAutoShutdown(autoShutdown);
    }

    @Nested
    class Any_significant {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"normal", "shutdown", "shutdown:x"})
        void a1_a2_a_transient_significant_child_that_ends_normally_shuts_the_supervisor_down(String word) {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(significant("s", Restart.TRANSIENT)), log);
                    int mark = log.mark();
                    Probe.stop(ctx, pidOf(ctx, sup, "s"), ExitReason.ofWord(word));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit s " + word, "exit a shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void a1_a2_a_temporary_significant_child_that_ends_with_any_reason_shuts_the_supervisor_down() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(significant("s", Restart.TEMPORARY)), log);
                    crash(ctx, pidOf(ctx, sup, "s"));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    return null;
                });
            }
        }
    }

    @Nested
    class All_significant {

        @Test
        void a2_stops_the_supervisor_only_when_no_significant_child_is_left_running() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ALL_SIGNIFICANT)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(significant("s1", Restart.TRANSIENT))
                            .withChild(significant("s2", Restart.TEMPORARY)), log);
                    Probe.stop(ctx, pidOf(ctx, sup, "s1"), ExitReason.NORMAL);
                    assertThat(Supervisor.countChildren(ctx, sup).active()).as("s2 still runs").isEqualTo(2);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "s2"));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark))
                            .containsExactly("exit s2 error:boom", "exit a shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void a2_a_significant_child_waiting_for_a_restart_retry_still_holds_the_supervisor_up() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withIntensity(Integer.MAX_VALUE, Duration.ofMillis(1)) // s1 is retried for ever
                            .withAutoShutdown(AutoShutdown.ALL_SIGNIFICANT)
                            .withChild(TestChild.worker("s1", log).failingInitFrom(2).spec()
                                    .withRestart(Restart.TRANSIENT).withSignificant(true))
                            .withChild(significant("s2", Restart.TRANSIENT)), log);
                    crash(ctx, pidOf(ctx, sup, "s1"));
                    assertThat(Probe.child(ctx, sup, "s1").restarting()).isTrue();
                    Probe.stop(ctx, pidOf(ctx, sup, "s2"), ExitReason.NORMAL);
                    assertThat(Probe.child(ctx, sup, "s1").restarting()).as("OTP: only pid undefined is gone").isTrue();
                    assertThat(Supervisor.terminateChild(ctx, sup, "s1")).isEqualTo(ChildOpResult.OK);
                    return null;
                });
            }
        }
    }

    @Nested
    class What_never_triggers_it {

        @Test
        void a3_terminate_child_of_a_significant_child() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(significant("s", Restart.TRANSIENT)), log);
                    assertThat(Supervisor.terminateChild(ctx, sup, "s")).isEqualTo(ChildOpResult.OK);
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(1);
                    assertThat(ctx.isAlive(sup)).isTrue();
                    return null;
                });
            }
        }

        @Test
        void a3_a_significant_transient_child_that_crashes_is_restarted_instead() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withChild(significant("s", Restart.TRANSIENT)), log);
                    Pid old = pidOf(ctx, sup, "s");
                    crash(ctx, old);
                    assertThat(pidOf(ctx, sup, "s")).isNotEqualTo(old);
                    return null;
                });
            }
        }

        @Test
        void a3_a_significant_child_stopped_because_a_sibling_crashed_under_one_for_all() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withStrategy(Strategy.ONE_FOR_ALL)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(significant("s", Restart.TRANSIENT)), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(2);
                    assertThat(log.since(mark))
                            .containsExactly("exit a error:boom", "exit s shutdown", "start a", "start s");
                    return null;
                });
            }
        }

        @Test
        void a3_a_child_that_is_not_significant() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withChild(TestChild.worker("t", log).spec().withRestart(Restart.TRANSIENT))
                            .withChild(TestChild.worker("tmp", log).spec().withRestart(Restart.TEMPORARY))
                            .withChild(significant("s", Restart.TRANSIENT)), log);
                    Probe.stop(ctx, pidOf(ctx, sup, "t"), ExitReason.NORMAL);
                    crash(ctx, pidOf(ctx, sup, "tmp"));
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(1);
                    return null;
                });
            }
        }
    }

    @Nested
    class Escalation {

        @Test
        void a4_a_supervisor_that_shuts_itself_down_ends_shutdown_which_shuts_down_a_parent_where_it_is_significant() {
            SupervisorSpec inner = supervisor(AutoShutdown.ANY_SIGNIFICANT)
                    .withChild(significant("w", Restart.TRANSIENT))
                    .withChild(TestChild.worker("x", log).spec());
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid root = startSupervisor(ctx, supervisor(AutoShutdown.ANY_SIGNIFICANT)
                            .withChild(TestChild.worker("r", log).spec())
                            .withChild(ChildSpec.supervisor("inner", inner)
                                    .withRestart(Restart.TRANSIENT).withSignificant(true)), log);
                    Pid innerPid = pidOf(ctx, root, "inner");
                    int mark = log.mark();
                    Probe.stop(ctx, pidOf(ctx, innerPid, "w"), ExitReason.NORMAL);
                    assertThat(awaitExit(ctx, root)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit w normal", "exit x shutdown", "exit inner shutdown",
                            "exit r shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }
    }
}
