package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildInfo;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.FailedToStartChild;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.cascade.conformance.supervisor.Probe.child;
import static dev.cascade.conformance.supervisor.Probe.ids;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** otp-semantics 3.3: how a supervisor starts its children, and what the first failure does. */
@ExtendWith(TestScheduler.Verify.class)
class SupervisorStartupTests {
    private final EventLog log = new EventLog();

    @Nested
    class When_every_child_starts {

        @Test
        void starts_children_one_after_another_in_list_order_and_lists_them_newest_first() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec())
                            .withChild(TestChild.worker("c", log).spec()), log);
                    assertThat(log.events()).containsExactly("start a", "start b", "start c");
                    assertThat(ids(ctx, sup)).containsExactly("c", "b", "a");
                    return null;
                });
            }
        }

        @Test
        void the_supervisor_traps_exits_before_its_first_child_starts() {
            AtomicBoolean trappingDuringStart = new AtomicBoolean();
            ChildSpec plain = TestChild.worker("probe", log).spec();
            ChildSpec probe = ChildSpec.worker("probe", supervisorCtx -> {
                trappingDuringStart.set(supervisorCtx.trapsExit()); // a start function runs in the supervisor's process
                return plain.start().start(supervisorCtx);
            });
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> startSupervisor(ctx, SupervisorSpec.oneForOne().withChild(probe), log));
            }
            assertThat(trappingDuringStart).isTrue();
        }

        @Test
        void a_child_whose_start_returns_ignore_keeps_its_spec_without_a_process() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).ignoringInitOn(1).spec().withRestart(Restart.TRANSIENT))
                            .withChild(TestChild.worker("c", log).spec()), log);
                    assertThat(log.events()).containsExactly("start a", "ignore b", "start c");
                    assertThat(ids(ctx, sup)).containsExactly("c", "b", "a");
                    ChildInfo b = child(ctx, sup, "b");
                    assertThat(b.pid()).isEmpty();
                    assertThat(b.restarting()).isFalse();
                    return null;
                });
            }
        }

        @Test
        void a_temporary_child_whose_start_returns_ignore_is_dropped() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).ignoringInitOn(1).spec().withRestart(Restart.TEMPORARY))
                            .withChild(TestChild.worker("c", log).spec()), log);
                    assertThat(ids(ctx, sup)).containsExactly("c", "a");
                    return null;
                });
            }
        }

        @Test
        void specs_are_checked_before_anything_starts_so_a_duplicate_id_is_rejected() {
            SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(TestChild.worker("a", log).spec());
            assertThatThrownBy(() -> spec.withChild(TestChild.worker("a", log).spec()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duplicate child id \"a\"");
        }
    }

    @Nested
    class When_a_child_fails_to_start {

        @Test
        void the_started_children_stop_newest_first_the_later_ones_never_start_and_the_result_names_the_child() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    StartResult result = Supervisor.startLink(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).spec())
                            .withChild(TestChild.worker("c", log).failingInitOn(1).spec())
                            .withChild(TestChild.worker("d", log).spec()));
                    ExitReason expected = ExitReason.shutdown(new FailedToStartChild("c", TestChild.INIT_FAILED));
                    assertThat(result).isEqualTo(new StartResult.Failed(expected));
                    assertThat(log.events()).containsExactly(
                            "start a", "start b", "init_fail c", "exit b shutdown", "exit a shutdown");
                    Object exit = ctx.receive(m -> m instanceof ExitMessage e
                            && e.reason() instanceof ExitReason.ShutdownWith, Probe.PATIENCE).orElseThrow();
                    assertThat(((ExitMessage) exit).reason()).as("the supervisor exits with the same reason")
                            .isEqualTo(expected);
                    return null;
                });
            }
        }

        @Test
        void the_started_children_are_stopped_by_their_own_shutdown_so_they_see_shutdown_or_kill() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Supervisor.startLink(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).trappingExits().spec().withShutdown(Shutdown.BRUTAL_KILL))
                            .withChild(TestChild.worker("b", log).trappingExits().spec())
                            .withChild(TestChild.worker("c", log).failingInitOn(1).spec()));
                    assertThat(log.events()).containsExactly(
                            "start a", "start b", "init_fail c", "terminate b shutdown", "exit b shutdown", "exit a killed");
                    return null;
                });
            }
        }

        @Test
        void a_start_function_that_throws_fails_with_the_exception_as_reason() {
            Crash nope = new Crash("nope");
            try (Node node = Node.start(TestScheduler.create(), log)) {
                StartResult result = node.run(ctx -> {
                    ctx.trapExit(true);
                    return Supervisor.startLink(ctx, SupervisorSpec.oneForOne()
                            .withChild(ChildSpec.worker("a", supervisorCtx -> { throw nope; })));
                });
                assertThat(result).isEqualTo(new StartResult.Failed(
                        ExitReason.shutdown(new FailedToStartChild("a", ExitReason.raised(nope)))));
            }
        }

        @Test
        void a_nested_supervisor_that_fails_to_start_fails_its_parent_with_the_nested_reason_inside() {
            SupervisorSpec inner = SupervisorSpec.oneForOne()
                    .withChild(TestChild.worker("x", log).spec())
                    .withChild(TestChild.worker("y", log).failingInitOn(1).spec());
            try (Node node = Node.start(TestScheduler.create(), log)) {
                StartResult result = node.run(ctx -> {
                    ctx.trapExit(true);
                    return Supervisor.startLink(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(ChildSpec.supervisor("inner", inner))
                            .withChild(TestChild.worker("z", log).spec()));
                });
                ExitReason innerReason = ExitReason.shutdown(new FailedToStartChild("y", TestChild.INIT_FAILED));
                assertThat(result).isEqualTo(new StartResult.Failed(
                        ExitReason.shutdown(new FailedToStartChild("inner", innerReason))));
                assertThat(log.events()).isEqualTo(List.of(
                        "start a", "start x", "init_fail y", "exit x shutdown", "init_fail inner", "exit a shutdown"));
            }
        }
    }
}
