package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildCounts;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.ChildOpResult;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.StartChildResult;
import dev.cascade.supervisor.Strategy;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Optional;

import static dev.cascade.conformance.supervisor.Probe.child;
import static dev.cascade.conformance.supervisor.Probe.ids;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** otp-semantics 3.11: the supervisor's API for static strategies, every answer. */
@ExtendWith(TestScheduler.Verify.class)
class SupervisorApiTests {
    private final EventLog log = new EventLog();

    private SupervisorSpec ab() {
        return SupervisorSpec.oneForOne()
                .withChild(TestChild.worker("a", log).spec())
                .withChild(TestChild.worker("b", log).spec());
    }

    /** Runs {@code test} against a supervisor started from {@code spec}. */
    private void with(SupervisorSpec spec, SupervisorTest test) {
        try (Node node = Node.start(TestScheduler.create(), log)) {
            node.run(ctx -> {
                test.run(ctx, startSupervisor(ctx, spec, log));
                return null;
            });
        }
    }

    @FunctionalInterface
    private interface SupervisorTest {
        void run(ProcessContext ctx, Pid sup) throws Exception;
    }

    @Nested
    class Which_and_count_children {

        @Test
        void which_children_lists_newest_first_with_a_started_child_as_the_newest() {
            with(ab().withChild(ChildSpec.supervisor("sub", SupervisorSpec.oneForOne())), (ctx, sup) -> {
                Supervisor.startChild(ctx, sup, TestChild.worker("c", log).spec());
                Supervisor.terminateChild(ctx, sup, "a");
                assertThat(Supervisor.whichChildren(ctx, sup)).extracting(ChildInfo::id, ChildInfo::type)
                        .containsExactly(
                                tuple("c", ChildType.WORKER),
                                tuple("sub", ChildType.SUPERVISOR),
                                tuple("b", ChildType.WORKER),
                                tuple("a", ChildType.WORKER));
                assertThat(child(ctx, sup, "a").pid()).as("stopped: undefined").isEmpty();
                assertThat(child(ctx, sup, "c").pid()).isPresent();
            });
        }

        @Test
        void count_children_counts_all_specs_the_live_children_and_specs_by_type_alive_or_not() {
            with(ab().withChild(ChildSpec.supervisor("sub", SupervisorSpec.oneForOne())), (ctx, sup) -> {
                Supervisor.terminateChild(ctx, sup, "b");
                Supervisor.terminateChild(ctx, sup, "sub");
                assertThat(Supervisor.countChildren(ctx, sup)).isEqualTo(new ChildCounts(3, 1, 1, 2));
            });
        }
    }

    @Nested
    class Terminate_child {

        @Test
        void stops_a_running_child_and_keeps_its_spec_and_a_stopped_child_answers_ok_again() {
            with(ab(), (ctx, sup) -> {
                assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                assertThat(ids(ctx, sup)).containsExactly("b", "a");
                assertThat(child(ctx, sup, "a").pid()).isEmpty();
                assertThat(log.count("exit a shutdown")).isEqualTo(1);
            });
        }

        @Test
        void deletes_the_spec_of_a_temporary_child() {
            with(ab().withChild(TestChild.worker("t", log).spec().withRestart(Restart.TEMPORARY)), (ctx, sup) -> {
                assertThat(Supervisor.terminateChild(ctx, sup, "t")).isEqualTo(ChildOpResult.OK);
                assertThat(ids(ctx, sup)).containsExactly("b", "a");
            });
        }

        @Test
        void answers_not_found_for_an_unknown_id() {
            with(ab(), (ctx, sup) ->
                    assertThat(Supervisor.terminateChild(ctx, sup, "zz")).isEqualTo(ChildOpResult.NOT_FOUND));
        }
    }

    @Nested
    class Restart_child {

        @Test
        void starts_a_stopped_child_again_and_only_that_child_whatever_the_strategy() {
            with(ab().withStrategy(Strategy.ONE_FOR_ALL), (ctx, sup) -> {
                Pid b = pidOf(ctx, sup, "b");
                Supervisor.terminateChild(ctx, sup, "a");
                int mark = log.mark();
                StartChildResult result = Supervisor.restartChild(ctx, sup, "a");
                assertThat(result).isEqualTo(new StartChildResult.Started(Optional.of(pidOf(ctx, sup, "a"))));
                assertThat(pidOf(ctx, sup, "b")).isEqualTo(b);
                assertThat(log.since(mark)).containsExactly("start a");
            });
        }

        @Test
        void answers_running_for_a_running_child_and_not_found_for_an_unknown_id() {
            with(ab(), (ctx, sup) -> {
                assertThat(Supervisor.restartChild(ctx, sup, "a"))
                        .isEqualTo(new StartChildResult.Refused(ChildOpResult.RUNNING));
                assertThat(Supervisor.restartChild(ctx, sup, "zz"))
                        .isEqualTo(new StartChildResult.Refused(ChildOpResult.NOT_FOUND));
            });
        }

        @Test
        void a_start_that_returns_ignore_answers_started_without_a_process() {
            with(SupervisorSpec.oneForOne().withChild(TestChild.worker("a", log).ignoringInitOn(2).spec()), (ctx, sup) -> {
                Supervisor.terminateChild(ctx, sup, "a");
                assertThat(Supervisor.restartChild(ctx, sup, "a")).isEqualTo(new StartChildResult.Started(Optional.empty()));
                assertThat(child(ctx, sup, "a").pid()).isEmpty();
            });
        }

        @Test
        void i7_a_failing_start_answers_the_error_as_is_and_is_neither_retried_nor_counted() {
            with(SupervisorSpec.oneForOne().withIntensity(0, Duration.ofMinutes(1))
                    .withChild(TestChild.worker("a", log).failingInitOn(2).spec()), (ctx, sup) -> {
                Supervisor.terminateChild(ctx, sup, "a");
                int mark = log.mark();
                assertThat(Supervisor.restartChild(ctx, sup, "a"))
                        .isEqualTo(new StartChildResult.Failed(TestChild.INIT_FAILED));
                ChildInfo a = child(ctx, sup, "a");
                assertThat(a.pid()).isEmpty();
                assertThat(a.restarting()).isFalse();
                assertThat(log.since(mark)).as("one attempt; intensity 0 and still alive").containsExactly("init_fail a");
            });
        }
    }

    @Nested
    class Delete_child {

        @Test
        void removes_a_stopped_child() {
            with(ab(), (ctx, sup) -> {
                Supervisor.terminateChild(ctx, sup, "a");
                assertThat(Supervisor.deleteChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                assertThat(ids(ctx, sup)).containsExactly("b");
                assertThat(Supervisor.getChildSpec(ctx, sup, "a")).isEmpty();
            });
        }

        @Test
        void answers_running_for_a_running_child_and_not_found_for_an_unknown_id() {
            with(ab(), (ctx, sup) -> {
                assertThat(Supervisor.deleteChild(ctx, sup, "a")).isEqualTo(ChildOpResult.RUNNING);
                assertThat(Supervisor.deleteChild(ctx, sup, "zz")).isEqualTo(ChildOpResult.NOT_FOUND);
                assertThat(ids(ctx, sup)).containsExactly("b", "a");
            });
        }
    }

    @Nested
    class Start_child {

        @Test
        void answers_already_started_with_the_pid_for_a_running_id_and_already_present_for_a_stopped_one() {
            with(ab(), (ctx, sup) -> {
                Pid a = pidOf(ctx, sup, "a");
                assertThat(Supervisor.startChild(ctx, sup, TestChild.worker("a", log).spec()))
                        .isEqualTo(new StartChildResult.AlreadyStarted(a));
                Supervisor.terminateChild(ctx, sup, "b");
                assertThat(Supervisor.startChild(ctx, sup, TestChild.worker("b", log).spec()))
                        .isEqualTo(new StartChildResult.AlreadyPresent());
            });
        }

        @Test
        void a_start_that_returns_ignore_answers_started_without_a_process_and_keeps_the_spec_unless_temporary() {
            with(ab(), (ctx, sup) -> {
                StartChildResult kept = Supervisor.startChild(ctx, sup, TestChild.worker("c", log).ignoringInitOn(1).spec());
                StartChildResult dropped = Supervisor.startChild(ctx, sup,
                        TestChild.worker("t", log).ignoringInitOn(1).spec().withRestart(Restart.TEMPORARY));
                assertThat(kept).isEqualTo(new StartChildResult.Started(Optional.empty()));
                assertThat(dropped).isEqualTo(new StartChildResult.Started(Optional.empty()));
                assertThat(ids(ctx, sup)).containsExactly("c", "b", "a");
            });
        }

        @Test
        void a_failing_start_answers_the_error_and_adds_nothing() {
            with(ab(), (ctx, sup) -> {
                assertThat(Supervisor.startChild(ctx, sup, TestChild.worker("c", log).failingInitOn(1).spec()))
                        .isEqualTo(new StartChildResult.Failed(TestChild.INIT_FAILED));
                assertThat(ids(ctx, sup)).containsExactly("b", "a");
            });
        }

        @Test
        void s32_a_significant_child_is_refused_with_bad_combination_when_the_supervisor_never_shuts_down_automatically() {
            with(ab(), (ctx, sup) -> {
                StartChildResult result = Supervisor.startChild(ctx, sup,
                        TestChild.worker("s", log).spec().withRestart(Restart.TRANSIENT).withSignificant(true));
                assertThat(result).isInstanceOf(StartChildResult.Failed.class);
                assertThat(((StartChildResult.Failed) result).reason().describe())
                        .contains("bad_combination", "\"s\" is significant", "withAutoShutdown(ANY_SIGNIFICANT");
                assertThat(ids(ctx, sup)).containsExactly("b", "a");
                assertThat(log.count("start s")).isZero();
            });
        }
    }

    @Nested
    class Get_childspec {

        @Test
        void returns_the_spec_with_every_default_filled_in_or_empty_for_an_unknown_id() {
            SupervisorSpec empty = SupervisorSpec.oneForOne();
            with(ab().withChild(ChildSpec.supervisor("sub", empty)), (ctx, sup) -> {
                ChildSpec a = Supervisor.getChildSpec(ctx, sup, "a").orElseThrow();
                assertThat(a.restart()).isEqualTo(Restart.PERMANENT);
                assertThat(a.shutdown()).isEqualTo(Shutdown.timeout(Duration.ofSeconds(5)));
                assertThat(a.type()).isEqualTo(ChildType.WORKER);
                assertThat(a.significant()).isFalse();
                assertThat(Supervisor.getChildSpec(ctx, sup, "sub").orElseThrow().shutdown()).isEqualTo(Shutdown.INFINITY);
                assertThat(Supervisor.getChildSpec(ctx, sup, "zz")).isEmpty();
            });
        }
    }

    @Nested
    class Addressing {

        @Test
        void a_supervisor_that_does_not_exist_makes_every_call_fail_with_noproc() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid gone = ctx.spawn(p -> { });
                    Probe.awaitDown(ctx, ctx.monitor(gone));
                    assertThatThrownBy(() -> Supervisor.whichChildren(ctx, gone))
                            .isInstanceOfSatisfying(CallFailedException.class,
                                    e -> assertThat(e.cause()).isEqualTo(ExitReason.NOPROC));
                    assertThatThrownBy(() -> Supervisor.terminateChild(ctx, ServerRef.named("nobody"), "a"))
                            .isInstanceOfSatisfying(CallFailedException.class,
                                    e -> assertThat(e.cause()).isEqualTo(ExitReason.NOPROC));
                    return null;
                });
            }
        }

        @Test
        void a_supervisor_registered_under_a_name_answers_calls_by_that_name() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Supervisor.startLink(ctx, ab(), StartOptions.named("my_sup"));
                    assertThat(Supervisor.whichChildren(ctx, ServerRef.named("my_sup"))).hasSize(2);
                    return null;
                });
            }
        }
    }
}
