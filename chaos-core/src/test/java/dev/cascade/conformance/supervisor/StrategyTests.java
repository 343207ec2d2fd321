package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildInfo;
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

import static dev.cascade.conformance.supervisor.Probe.child;
import static dev.cascade.conformance.supervisor.Probe.crash;
import static dev.cascade.conformance.supervisor.Probe.ids;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 3.5: which children each strategy stops and starts again, in exactly which order; S2-S5. */
@ExtendWith(TestScheduler.Verify.class)
class StrategyTests {
    private static final Duration LONG = Duration.ofMinutes(1);
    private final EventLog log = new EventLog();

    private SupervisorSpec withWorkers(SupervisorSpec spec, String... ids) {
        for (String id : ids) {
            spec = spec.withChild(TestChild.worker(id, log).spec());
        }
        return spec.withIntensity(10, LONG);
    }

    @Nested
    class One_for_one {

        @Test
        void s35_only_the_failed_child_is_started_again() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, withWorkers(SupervisorSpec.oneForOne(), "a", "b", "c"), log);
                    Pid a = pidOf(ctx, sup, "a");
                    Pid c = pidOf(ctx, sup, "c");
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    assertThat(pidOf(ctx, sup, "a")).isEqualTo(a);
                    assertThat(pidOf(ctx, sup, "c")).isEqualTo(c);
                    assertThat(log.since(mark)).containsExactly("exit b error:boom", "start b");
                    return null;
                });
            }
        }

        @Test
        void s35_a_restart_that_returns_ignore_leaves_the_child_stopped_and_is_not_tried_again() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).ignoringInitOn(2).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    ChildInfo a = child(ctx, sup, "a");
                    assertThat(a.pid()).isEmpty();
                    assertThat(a.restarting()).isFalse();
                    assertThat(Supervisor.whichChildren(ctx, sup)).as("a second barrier: no retry was queued").contains(a);
                    assertThat(log.since(mark)).containsExactly("exit a error:boom", "ignore a");
                    return null;
                });
            }
        }
    }

    @Nested
    class Rest_for_one {

        @Test
        void s35_the_failed_child_and_those_started_after_it_stop_newest_first_then_start_in_start_order() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, withWorkers(SupervisorSpec.restForOne(), "a", "b", "c", "d"), log);
                    Pid a = pidOf(ctx, sup, "a");
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    assertThat(pidOf(ctx, sup, "a")).as("started before b: untouched").isEqualTo(a);
                    assertThat(log.since(mark)).containsExactly(
                            "exit b error:boom", "exit d shutdown", "exit c shutdown", "start b", "start c", "start d");
                    return null;
                });
            }
        }

        @Test
        void s2_a_temporary_child_started_after_the_failed_one_is_stopped_and_removed() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.restForOne().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec())
                            .withChild(TestChild.worker("t", log).spec().withRestart(Restart.TEMPORARY))
                            .withChild(TestChild.worker("d", log).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    assertThat(ids(ctx, sup)).containsExactly("d", "b", "a");
                    assertThat(log.since(mark)).containsExactly(
                            "exit b error:boom", "exit d shutdown", "exit t shutdown", "start b", "start d");
                    return null;
                });
            }
        }
    }

    @Nested
    class One_for_all {

        @Test
        void s35_all_other_children_stop_newest_first_then_all_start_in_start_order() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, withWorkers(SupervisorSpec.oneForAll(), "a", "b", "c"), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    assertThat(ids(ctx, sup)).containsExactly("c", "b", "a");
                    assertThat(log.since(mark)).containsExactly(
                            "exit b error:boom", "exit c shutdown", "exit a shutdown", "start a", "start b", "start c");
                    return null;
                });
            }
        }

        @Test
        void s34_a_child_that_needs_no_restart_restarts_no_sibling_either() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("t", log).spec().withRestart(Restart.TEMPORARY))
                            .withChild(TestChild.worker("n", log).spec().withRestart(Restart.TRANSIENT))
                            .withChild(TestChild.worker("c", log).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "t"));
                    Probe.stop(ctx, pidOf(ctx, sup, "n"), ExitReason.NORMAL);
                    assertThat(ids(ctx, sup)).containsExactly("c", "n", "a");
                    assertThat(log.since(mark)).containsExactly("exit t error:boom", "exit n normal");
                    return null;
                });
            }
        }

        @Test
        void s2_a_temporary_bystander_is_stopped_and_removed_never_restarted() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("t", log).spec().withRestart(Restart.TEMPORARY))
                            .withChild(TestChild.worker("c", log).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(ids(ctx, sup)).containsExactly("c", "a");
                    assertThat(log.since(mark)).containsExactly(
                            "exit a error:boom", "exit c shutdown", "exit t shutdown", "start a", "start c");
                    return null;
                });
            }
        }

        @Test
        void s3_a_group_restart_starts_again_a_child_stopped_with_terminate_child() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, withWorkers(SupervisorSpec.oneForAll(), "p", "q"), log);
                    assertThat(Supervisor.terminateChild(ctx, sup, "q")).isEqualTo(ChildOpResult.OK);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "p"));
                    assertThat(child(ctx, sup, "q").pid()).isPresent();
                    assertThat(log.since(mark)).containsExactly("exit p error:boom", "start p", "start q");
                    return null;
                });
            }
        }

        @Test
        void s3_a_group_restart_starts_again_a_transient_child_that_ended_normally() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(10, LONG)
                            .withChild(TestChild.worker("p", log).spec())
                            .withChild(TestChild.worker("q", log).spec().withRestart(Restart.TRANSIENT)), log);
                    Probe.stop(ctx, pidOf(ctx, sup, "q"), ExitReason.NORMAL);
                    assertThat(child(ctx, sup, "q").pid()).isEmpty();
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "p"));
                    assertThat(child(ctx, sup, "q").pid()).isPresent();
                    assertThat(log.since(mark)).containsExactly("exit p error:boom", "start p", "start q");
                    return null;
                });
            }
        }

        @Test
        void s3_a_group_restart_starts_again_a_child_whose_start_returned_ignore() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(10, LONG)
                            .withChild(TestChild.worker("p", log).spec())
                            .withChild(TestChild.worker("q", log).ignoringInitOn(1).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "p"));
                    assertThat(child(ctx, sup, "q").pid()).isPresent();
                    assertThat(log.since(mark)).containsExactly("exit p error:boom", "start p", "start q");
                    return null;
                });
            }
        }

        @Test
        void s4_siblings_stopped_by_a_group_restart_restart_nothing_and_the_group_restart_counts_once() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, withWorkers(SupervisorSpec.oneForAll(), "a", "b", "c")
                            .withIntensity(1, LONG), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    assertThat(Supervisor.countChildren(ctx, sup).active()).as("one restart of three: allowed").isEqualTo(3);
                    assertThat(log.since(mark)).containsExactly(
                            "exit b error:boom", "exit c shutdown", "exit a shutdown", "start a", "start b", "start c");
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(Probe.awaitExit(ctx, sup)).as("the second restart is over intensity 1")
                            .isEqualTo(ExitReason.SHUTDOWN);
                    return null;
                });
            }
        }
    }

    @Nested
    class Under_a_supervisor_restarted_by_its_parent {

        @Test
        void s5_children_added_with_start_child_are_gone_and_only_the_initial_specs_start() {
            SupervisorSpec inner = SupervisorSpec.oneForOne().withChild(TestChild.worker("a", log).spec());
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid root = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(10, LONG)
                            .withChild(ChildSpec.supervisor("inner", inner)), log);
                    Pid first = pidOf(ctx, root, "inner");
                    StartChildResult added = Supervisor.startChild(ctx, first, TestChild.worker("b", log).spec());
                    assertThat(added).isInstanceOf(StartChildResult.Started.class);
                    assertThat(ids(ctx, first)).containsExactly("b", "a");
                    Probe.signal(ctx, first, ExitReason.KILL);
                    Pid second = pidOf(ctx, root, "inner");
                    assertThat(second).isNotEqualTo(first);
                    assertThat(ids(ctx, second)).containsExactly("a");
                    return null;
                });
            }
        }
    }
}
