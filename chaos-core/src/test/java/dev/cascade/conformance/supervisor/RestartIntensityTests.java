package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildOpResult;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.StartChildResult;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.cascade.conformance.supervisor.Probe.awaitExit;
import static dev.cascade.conformance.supervisor.Probe.child;
import static dev.cascade.conformance.supervisor.Probe.crash;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * otp-semantics 3.6 through a running supervisor: how many restarts it allows, what counts, and how
 * giving up escalates. The window's boundaries in exact time are unit-tested in
 * {@code supervisor.internal.RestartWindowTests}; here the period is long enough never to matter.
 */
@ExtendWith(TestScheduler.Verify.class)
class RestartIntensityTests {
    private static final Duration LONG = Duration.ofMinutes(1);
    private final EventLog log = new EventLog();

    @Nested
    class Within_the_period {

        @Test
        void i5_intensity_n_allows_n_restarts_and_the_next_one_stops_the_supervisor_with_shutdown() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(2, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec()), log);
                    crash(ctx, pidOf(ctx, sup, "a"));
                    crash(ctx, pidOf(ctx, sup, "a"));
                    Probe.barrier(ctx, sup);
                    assertThat(log.count("start a")).as("two restarts allowed").isEqualTo(3);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit a error:boom", "exit b shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void i5_intensity_zero_stops_the_supervisor_at_the_first_crash_without_trying_a_restart() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(0, LONG)
                            .withChild(TestChild.worker("a", log).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit a error:boom", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void i8_giving_up_stops_the_remaining_children_newest_first_each_completely_then_exits_shutdown() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(0, LONG)
                            .withChild(TestChild.worker("a", log).trappingExits().spec())
                            .withChild(TestChild.worker("b", log).trappingExits().spec())
                            .withChild(TestChild.worker("c", log).spec())
                            .withChild(TestChild.worker("d", log).trappingExits().spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "c"));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit c error:boom",
                            "terminate d shutdown", "exit d shutdown",
                            "terminate b shutdown", "exit b shutdown",
                            "terminate a shutdown", "exit a shutdown",
                            "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void i2_a_restart_is_counted_before_it_is_tried_so_one_that_returns_ignore_counts_too() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(1, LONG)
                            .withChild(TestChild.worker("a", log).ignoringInitOn(2).spec())
                            .withChild(TestChild.worker("b", log).spec()), log);
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(child(ctx, sup, "a").pid()).as("restarted as ignore").isEmpty();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    assertThat(awaitExit(ctx, sup)).as("the 2nd restart, intensity 1").isEqualTo(ExitReason.SHUTDOWN);
                    return null;
                });
            }
        }

        @Test
        void i7_exits_that_need_no_restart_do_not_count() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(0, LONG)
                            .withChild(TestChild.worker("keep", log).spec())
                            .withChild(TestChild.worker("tr", log).spec().withRestart(Restart.TRANSIENT))
                            .withChild(TestChild.worker("tmp", log).spec().withRestart(Restart.TEMPORARY)), log);
                    Probe.stop(ctx, pidOf(ctx, sup, "tr"), ExitReason.shutdown("done"));
                    crash(ctx, pidOf(ctx, sup, "tmp"));
                    assertThat(Supervisor.countChildren(ctx, sup).active()).as("alive, with intensity 0").isEqualTo(1);
                    return null;
                });
            }
        }

        @Test
        void i7_restart_child_and_start_child_calls_do_not_count() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(1, LONG)
                            .withChild(TestChild.worker("a", log).spec()), log);
                    for (int i = 0; i < 3; i++) {
                        assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                        assertThat(Supervisor.restartChild(ctx, sup, "a")).isInstanceOf(StartChildResult.Started.class);
                        assertThat(Supervisor.startChild(ctx, sup, TestChild.worker("x" + i, log).spec()))
                                .isInstanceOf(StartChildResult.Started.class);
                    }
                    Pid old = pidOf(ctx, sup, "a");
                    crash(ctx, old);
                    assertThat(pidOf(ctx, sup, "a")).as("the first counted restart, intensity 1").isNotEqualTo(old);
                    return null;
                });
            }
        }

        @Test
        void i3_restarts_that_have_left_the_period_no_longer_count() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(1, Duration.ofMillis(20))
                            .withChild(TestChild.worker("a", log).spec()), log);
                    for (int i = 0; i < 3; i++) {
                        crash(ctx, pidOf(ctx, sup, "a"));
                        ctx.sleep(Duration.ofMillis(100)); // at least 5 periods between restarts, however slow the machine
                    }
                    Probe.barrier(ctx, sup);
                    assertThat(log.count("start a")).as("three restarts, each alone in its window").isEqualTo(4);
                    return null;
                });
            }
        }
    }

    @Nested
    class Escalation {

        private final SupervisorSpec inner = SupervisorSpec.oneForOne().withIntensity(0, LONG)
                .withChild(TestChild.worker("w", log).spec());

        @Test
        void i8_a_child_supervisor_that_gives_up_exits_shutdown_and_its_permanent_spec_is_restarted_by_the_parent() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid root = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(10, LONG)
                            .withChild(ChildSpec.supervisor("inner", inner)), log);
                    Pid first = pidOf(ctx, root, "inner");
                    MonitorRef ref = ctx.monitor(first);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, first, "w"));
                    assertThat(Probe.awaitDown(ctx, ref)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(pidOf(ctx, root, "inner")).isNotEqualTo(first);
                    assertThat(log.since(mark)).containsExactly(
                            "exit w error:boom", "exit inner shutdown", "start w", "start inner");
                    return null;
                });
            }
        }

        @Test
        void i8_giving_up_escalates_until_a_supervisor_has_restarts_left() {
            SupervisorSpec middle = SupervisorSpec.oneForOne().withIntensity(0, LONG)
                    .withChild(TestChild.worker("m", log).spec())
                    .withChild(ChildSpec.supervisor("inner", inner));
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid root = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(0, LONG)
                            .withChild(TestChild.worker("r", log).spec())
                            .withChild(ChildSpec.supervisor("middle", middle)), log);
                    Pid innerPid = pidOf(ctx, pidOf(ctx, root, "middle"), "inner");
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, innerPid, "w"));
                    assertThat(awaitExit(ctx, root)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit w error:boom", "exit inner shutdown",
                            "exit m shutdown", "exit middle shutdown", "exit r shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void i9_a_transient_child_supervisor_that_gives_up_is_not_restarted() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid root = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(10, LONG)
                            .withChild(ChildSpec.supervisor("inner", inner).withRestart(Restart.TRANSIENT)), log);
                    Pid first = pidOf(ctx, root, "inner");
                    MonitorRef ref = ctx.monitor(first);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, first, "w"));
                    assertThat(Probe.awaitDown(ctx, ref)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(child(ctx, root, "inner").pid()).isEmpty();
                    assertThat(log.since(mark)).containsExactly("exit w error:boom", "exit inner shutdown");
                    return null;
                });
            }
        }
    }
}
