package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildOpResult;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.cascade.conformance.supervisor.Probe.awaitExit;
import static dev.cascade.conformance.supervisor.Probe.crash;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 3.8: how a supervisor stops a child (D1-D3), seen through terminate_child and its own stop. */
@ExtendWith(TestScheduler.Verify.class)
class ShutdownProtocolTests {
    private final EventLog log = new EventLog();

    /** Starts a supervisor with the single child {@code spec}, stops it with terminate_child, and returns the log since. */
    private List<String> terminateOnlyChild(ChildSpec spec) {
        try (Node node = Node.start(TestScheduler.create(), log)) {
            return node.run(ctx -> {
                Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withChild(spec), log);
                int mark = log.mark();
                assertThat(Supervisor.terminateChild(ctx, sup, spec.id())).isEqualTo(ChildOpResult.OK);
                assertThat(Probe.child(ctx, sup, spec.id()).pid()).isEmpty();
                return log.since(mark);
            });
        }
    }

    @Nested
    class Brutal_kill {

        @Test
        void d1_d2_kills_even_a_trapping_child_at_once_so_terminate_never_runs_and_killed_is_no_error() {
            try (CapturedLog reports = new CapturedLog()) {
                List<String> events = terminateOnlyChild(TestChild.worker("a", log).trappingExits().spec()
                        .withShutdown(Shutdown.BRUTAL_KILL));
                assertThat(events).containsExactly("exit a killed");
                assertThat(reports.shutdownErrors()).isEmpty();
            }
        }
    }

    @Nested
    class A_timeout {

        @Test
        void d1_a_non_trapping_child_ends_with_shutdown() {
            assertThat(terminateOnlyChild(TestChild.worker("a", log).spec())).containsExactly("exit a shutdown");
        }

        @Test
        void d1_d2_a_trapping_child_that_stops_in_time_runs_terminate_and_ends_with_shutdown_which_is_no_error() {
            try (CapturedLog reports = new CapturedLog()) {
                List<String> events = terminateOnlyChild(TestChild.worker("a", log).trappingExits().spec()
                        .withShutdown(Shutdown.timeout(Duration.ofSeconds(10))));
                assertThat(events).containsExactly("terminate a shutdown", "exit a shutdown");
                assertThat(reports.shutdownErrors()).isEmpty();
            }
        }

        @Test
        void d1_d2_a_trapping_child_still_in_terminate_when_the_timeout_expires_is_killed_reported_and_yet_terminated_ok() {
            try (CapturedLog reports = new CapturedLog()) {
                List<String> events = terminateOnlyChild(TestChild.worker("a", log).terminatingIn(Duration.ofSeconds(30))
                        .spec().withShutdown(Shutdown.millis(50)));
                assertThat(events).containsExactly("terminate a shutdown", "exit a killed");
                assertThat(reports.shutdownErrors()).singleElement().asString().contains("child a", "ended with killed");
            }
        }
    }

    @Nested
    class Infinity {

        @Test
        void d1_waits_for_a_trapping_child_however_long_its_terminate_takes() {
            List<String> events = terminateOnlyChild(TestChild.worker("a", log).terminatingIn(Duration.ofMillis(300)).spec()
                    .withShutdown(Shutdown.INFINITY));
            assertThat(events).containsExactly("terminate a shutdown", "exit a shutdown");
        }
    }

    @Nested
    class A_child_that_is_not_as_expected {

        @Test
        void d1_a_child_that_unlinked_itself_is_still_stopped_because_the_supervisor_waits_on_a_monitor() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec()), log);
                    GenServer.call(ctx, pidOf(ctx, sup, "a"), new TestChild.Unlink(sup));
                    int mark = log.mark();
                    assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                    assertThat(log.since(mark)).containsExactly("exit a shutdown");
                    return null;
                });
            }
        }

        @Test
        void d1_a_child_already_dead_has_its_queued_exit_taken_whose_reason_wins_so_it_restarts_nothing_more() {
            try (Node node = Node.start(TestScheduler.create(), log); CapturedLog reports = new CapturedLog()) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(2, Duration.ofMinutes(1))
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec())
                            .withChild(TestChild.worker("g", log).gatedOn(ctx.self(), 2).spec()), log);
                    crash(ctx, pidOf(ctx, sup, "a"));                  // restart 1 of the group ...
                    TestChild.InitGate gate = Probe.awaitGate(ctx);    // ... waits in g's start
                    crash(ctx, log.lastStarted("a"));                  // 'EXIT' a queued: restart 2 of the group
                    crash(ctx, log.lastStarted("b"));                  // 'EXIT' b queued: b is dead when restart 2 stops it
                    int mark = log.mark();
                    gate.proceed(ctx);
                    log.awaitCount(ctx, "start g", 3);
                    Probe.barrier(ctx, sup);
                    assertThat(log.since(mark)).as("b's 'EXIT' was taken: no 3rd restart, which would exceed 2")
                            .containsExactly("start g", "exit g shutdown", "start a", "start b", "start g");
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(3);
                    assertThat(reports.shutdownErrors()).as("the reason is b's own, not the monitor's noproc")
                            .singleElement().asString().contains("child b", "ended with error:boom");
                    return null;
                });
            }
        }
    }

    @Nested
    class Order {

        @Test
        void d3_a_child_supervisor_stops_its_own_children_newest_first_before_its_parent_goes_on() {
            SupervisorSpec inner = SupervisorSpec.oneForOne()
                    .withChild(TestChild.worker("x", log).spec())
                    .withChild(TestChild.worker("y", log).spec());
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(ChildSpec.supervisor("inner", inner))
                            .withChild(TestChild.worker("b", log).spec()), log);
                    int mark = log.mark();
                    GenServer.stop(ctx, sup, ExitReason.SHUTDOWN, Timeout.INFINITY);
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit b shutdown", "exit y shutdown", "exit x shutdown",
                            "exit inner shutdown", "exit a shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void d3_a_stopping_supervisor_stops_its_children_newest_first_each_completely_before_the_next() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Duration slow = Duration.ofMillis(30);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).terminatingIn(slow).spec())
                            .withChild(TestChild.worker("b", log).terminatingIn(slow).spec())
                            .withChild(TestChild.worker("c", log).terminatingIn(slow).spec()), log);
                    int mark = log.mark();
                    GenServer.stop(ctx, sup, ExitReason.SHUTDOWN, Timeout.INFINITY);
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly(
                            "terminate c shutdown", "exit c shutdown",
                            "terminate b shutdown", "exit b shutdown",
                            "terminate a shutdown", "exit a shutdown",
                            "exit sup shutdown");
                    return null;
                });
            }
        }
    }
}
