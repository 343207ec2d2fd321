package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.supervisor.ChildCounts;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.ChildOpResult;
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

/** otp-semantics 3.7: a restart whose start fails is retried through the supervisor's own mailbox (R1-R6). */
@ExtendWith(TestScheduler.Verify.class)
class FailedRestartTests {
    private static final Duration LONG = Duration.ofMinutes(1);
    private final EventLog log = new EventLog();

    @Nested
    class Retries {

        @Test
        void r4_every_failed_restart_attempt_counts_toward_intensity() {
            TestChild a = TestChild.worker("a", log).failingInitFrom(2);
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(3, LONG)
                            .withChild(a.spec())
                            .withChild(TestChild.worker("b", log).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit a error:boom",
                            "init_fail a", "init_fail a", "init_fail a", "exit b shutdown", "exit sup shutdown");
                    assertThat(a.attemptCount()).as("the first start and 3 restart attempts").isEqualTo(4);
                    return null;
                });
            }
        }

        @Test
        void r2_the_retry_is_queued_behind_what_already_waits_in_the_mailbox() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).gatedOn(ctx.self(), 2).spec())
                            .withChild(TestChild.worker("b", log).spec()), log);
                    Pid b = pidOf(ctx, sup, "b");
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    TestChild.InitGate restartOfA = Probe.awaitGate(ctx); // the supervisor waits in a's start
                    crash(ctx, b);                                         // b's 'EXIT' is queued meanwhile
                    restartOfA.fail(ctx);                                  // the retry of a goes behind it
                    log.awaitCount(ctx, "start a", 2);
                    assertThat(log.since(mark)).containsExactly(
                            "exit a error:boom", "exit b error:boom", "init_fail a", "start b", "start a");
                    return null;
                });
            }
        }

        @Test
        void r5_rest_for_one_retries_from_the_child_that_failed_and_leaves_those_before_it_running() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.restForOne().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec())
                            .withChild(TestChild.worker("c", log).failingInitOn(2).spec())
                            .withChild(TestChild.worker("d", log).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    log.awaitCount(ctx, "start d", 2);
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(4);
                    assertThat(log.since(mark)).containsExactly("exit b error:boom", "exit d shutdown", "exit c shutdown",
                            "start b", "init_fail c", "start c", "start d");
                    return null;
                });
            }
        }

        @Test
        void r5_one_for_all_retries_by_stopping_and_starting_every_child_again() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(10, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec())
                            .withChild(TestChild.worker("c", log).failingInitOn(2).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "b"));
                    log.awaitCount(ctx, "start c", 2);
                    assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(3);
                    assertThat(log.since(mark)).containsExactly(
                            "exit b error:boom", "exit c shutdown", "exit a shutdown", "start a", "start b", "init_fail c",
                            "exit b shutdown", "exit a shutdown", "start a", "start b", "start c");
                    return null;
                });
            }
        }

        @Test
        void r5_after_a_group_retry_fails_at_another_child_only_that_child_is_restarting_the_earlier_one_is_stopped() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll()
                            .withIntensity(Integer.MAX_VALUE, Duration.ofMillis(1)) // a is retried for ever
                            .withChild(TestChild.worker("a", log).failingInitFrom(3).spec())
                            .withChild(TestChild.worker("b", log).failingInitOn(2).spec()), log);
                    crash(ctx, pidOf(ctx, sup, "b"));
                    Probe.barrier(ctx, sup);     // the group restart: a starts, b fails, the retry of b is queued
                    assertThat(child(ctx, sup, "a").restarting()).as("the retry of b: a fails").isTrue();
                    ChildInfo b = child(ctx, sup, "b");
                    assertThat(b.restarting()).as("b waits for no retry of its own").isFalse();
                    assertThat(b.pid()).isEmpty();
                    assertThat(Supervisor.deleteChild(ctx, sup, "b")).isEqualTo(ChildOpResult.OK);
                    assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                    return null;
                });
            }
        }

        @Test
        void r5_a_group_retry_counts_toward_intensity_like_any_restart() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(1, LONG)
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).failingInitOn(2).spec()), log);
                    int mark = log.mark();
                    crash(ctx, pidOf(ctx, sup, "a"));
                    assertThat(awaitExit(ctx, sup)).as("the group restart and its retry: 2 > 1")
                            .isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit a error:boom", "exit b shutdown",
                            "start a", "init_fail b", "exit a shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }
    }

    /**
     * A child whose restarts always fail, under a supervisor that never gives up (intensity
     * {@code Integer.MAX_VALUE}): it is retried again and again through the mailbox, so whenever the
     * supervisor answers a call, the child is waiting for a retry.
     */
    @Nested
    class While_a_child_is_restarting {

        private Pid supervisorWithAChildRestarting(ProcessContext ctx) {
            Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne().withIntensity(Integer.MAX_VALUE, Duration.ofMillis(1))
                    .withChild(TestChild.worker("a", log).failingInitFrom(2).spec())
                    .withChild(TestChild.worker("b", log).spec()), log);
            crash(ctx, pidOf(ctx, sup, "a"));
            return sup;
        }

        @Test
        void r2_r6_api_calls_are_answered_between_retries_and_which_children_shows_it_restarting() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = supervisorWithAChildRestarting(ctx);
                    for (int i = 0; i < 3; i++) {
                        ChildInfo a = child(ctx, sup, "a");
                        assertThat(a.restarting()).isTrue();
                        assertThat(a.pid()).isEmpty();
                    }
                    assertThat(log.count("init_fail a")).as("still retrying").isGreaterThanOrEqualTo(1);
                    return null;
                });
            }
        }

        @Test
        void r2_an_exit_signal_from_the_parent_is_handled_between_retries_and_stops_the_supervisor() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = supervisorWithAChildRestarting(ctx);
                    ctx.unlink(sup); // still its parent (G8): the signal is the parent's 'EXIT'
                    int mark = log.mark();
                    assertThat(Probe.signal(ctx, sup, ExitReason.SHUTDOWN)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).filteredOn(e -> !e.equals("init_fail a"))
                            .containsExactly("exit b shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }

        @Test
        void r6_count_children_does_not_count_it_as_active() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = supervisorWithAChildRestarting(ctx);
                    assertThat(Supervisor.countChildren(ctx, sup)).isEqualTo(new ChildCounts(2, 1, 0, 2));
                    return null;
                });
            }
        }

        @Test
        void r6_restart_child_and_delete_child_answer_restarting() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = supervisorWithAChildRestarting(ctx);
                    assertThat(Supervisor.restartChild(ctx, sup, "a"))
                            .isEqualTo(new StartChildResult.Refused(ChildOpResult.RESTARTING));
                    assertThat(Supervisor.deleteChild(ctx, sup, "a")).isEqualTo(ChildOpResult.RESTARTING);
                    assertThat(child(ctx, sup, "a").restarting()).isTrue();
                    return null;
                });
            }
        }

        @Test
        void r6_start_child_with_its_id_answers_already_present() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = supervisorWithAChildRestarting(ctx);
                    assertThat(Supervisor.startChild(ctx, sup, TestChild.worker("a", log).spec()))
                            .isEqualTo(new StartChildResult.AlreadyPresent());
                    return null;
                });
            }
        }

        @Test
        void r6_r3_terminate_child_answers_ok_stops_it_and_the_pending_retry_is_dropped() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = supervisorWithAChildRestarting(ctx);
                    assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                    long attempts = log.count("init_fail a");
                    Probe.barrier(ctx, sup); // the retry queued before terminateChild has been handled by now
                    ChildInfo a = child(ctx, sup, "a");
                    assertThat(a.restarting()).isFalse();
                    assertThat(a.pid()).isEmpty();
                    assertThat(log.count("init_fail a")).as("no attempt after terminateChild").isEqualTo(attempts);
                    return null;
                });
            }
        }
    }
}
