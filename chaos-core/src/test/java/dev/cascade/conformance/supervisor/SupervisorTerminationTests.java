package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.ExitException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.cascade.conformance.supervisor.Probe.awaitDown;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/** otp-semantics 3.9: what ends a supervisor, and what it does to its children then (T1-T5). */
@ExtendWith(TestScheduler.Verify.class)
class SupervisorTerminationTests {
    private final EventLog log = new EventLog();

    private SupervisorSpec twoWorkers() {
        return SupervisorSpec.oneForOne()
                .withChild(TestChild.worker("a", log).spec())
                .withChild(TestChild.worker("b", log).spec());
    }

    /** Spawns a parent that starts {@code spec}, reports the supervisor's pid, and ends with {@code reason} when told. */
    private Pid supervisorUnderParent(ProcessContext ctx, SupervisorSpec spec, ExitReason reason, Pid[] parent) {
        Pid tester = ctx.self();
        parent[0] = ctx.spawn(p -> {
            p.send(tester, Supervisor.startLink(p, spec).pid());
            p.receive(m -> m.equals("end"), Timeout.INFINITY);
            throw new ExitException(reason);
        });
        Pid sup = (Pid) ctx.receive(m -> m instanceof Pid, Probe.PATIENCE).orElseThrow();
        log.name(sup, "sup");
        return sup;
    }

    @Nested
    class An_exit_signal_from_the_parent {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"normal", "shutdown", "bye"})
        void t1_stops_the_supervisor_with_that_reason_normal_included_after_stopping_its_children(String word) {
            ExitReason reason = ExitReason.ofWord(word);
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid[] parent = new Pid[1];
                    Pid sup = supervisorUnderParent(ctx, twoWorkers(), reason, parent);
                    MonitorRef ref = ctx.monitor(sup);
                    int mark = log.mark();
                    ctx.send(parent[0], "end");
                    assertThat(awaitDown(ctx, ref)).isEqualTo(reason);
                    assertThat(log.since(mark)).containsExactly("exit b shutdown", "exit a shutdown", "exit sup " + word);
                    return null;
                });
            }
        }

        @Test
        void t2_g8_the_parent_stops_it_with_exit_even_after_unlinking() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, twoWorkers(), log);
                    ctx.unlink(sup);
                    int mark = log.mark();
                    assertThat(Probe.signal(ctx, sup, ExitReason.SHUTDOWN)).isEqualTo(ExitReason.SHUTDOWN);
                    assertThat(log.since(mark)).containsExactly("exit b shutdown", "exit a shutdown", "exit sup shutdown");
                    return null;
                });
            }
        }
    }

    @Nested
    class An_exit_signal_from_another_process {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"normal", "shutdown", "bye", "killed"})
        void t2_s1_is_ignored_unless_it_is_kill(String word) {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    Pid sup = startSupervisor(ctx, twoWorkers(), log);
                    Pid a = pidOf(ctx, sup, "a");
                    Pid tester = ctx.self();
                    int mark = log.mark();
                    ctx.spawn(other -> {
                        other.exit(sup, ExitReason.ofWord(word));
                        other.send(tester, "sent");
                    });
                    ctx.receive(m -> m.equals("sent"), Probe.PATIENCE).orElseThrow();
                    assertThat(pidOf(ctx, sup, "a")).as("a causal barrier; nothing changed").isEqualTo(a);
                    assertThat(log.since(mark)).isEmpty();
                    return null;
                });
            }
        }

        @Test
        void t3_kill_ends_it_at_once_and_its_children_get_killed_through_their_links() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                            .withChild(TestChild.worker("a", log).spec())
                            .withChild(TestChild.worker("b", log).trappingExits().spec()), log);
                    int mark = log.mark();
                    ctx.spawn(other -> other.exit(sup, ExitReason.KILL));
                    assertThat(Probe.awaitExit(ctx, sup)).isEqualTo(ExitReason.KILLED);
                    log.awaitSince(ctx, mark, "exit b killed");
                    List<String> events = log.since(mark);
                    assertThat(events.getFirst()).isEqualTo("exit sup killed");
                    assertThat(events).containsExactlyInAnyOrder(
                            "exit sup killed", "exit a killed", "terminate b killed", "exit b killed");
                    assertThat(events.indexOf("terminate b killed"))
                            .as("the trapping child takes the 'EXIT' from its parent as a stop: terminate runs")
                            .isLessThan(events.indexOf("exit b killed"));
                    return null;
                });
            }
        }
    }

    @Nested
    class Stopping_it_as_a_gen_server {

        @Test
        void t5_gen_server_stop_stops_the_children_and_the_supervisor_with_the_reason_given() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, twoWorkers(), log);
                    int mark = log.mark();
                    GenServer.stop(ctx, sup, ExitReason.NORMAL, Timeout.INFINITY);
                    assertThat(log.since(mark)).containsExactly("exit b shutdown", "exit a shutdown", "exit sup normal");
                    assertThat(ctx.isAlive(sup)).isFalse();
                    return null;
                });
            }
        }
    }

    @Nested
    class An_unknown_cast {

        @Test
        void handle_cast_function_clause_an_unknown_cast_crashes_the_supervisor_which_stops_its_children_and_its_parent_sees_why() {
            try (Node node = Node.start(TestScheduler.create(), log)) {
                node.run(ctx -> {
                    ctx.trapExit(true);
                    Pid sup = startSupervisor(ctx, twoWorkers(), log);
                    int mark = log.mark();
                    GenServer.cast(ctx, sup, "hello");
                    ExitReason reason = Probe.awaitExit(ctx, sup);
                    assertThat(reason.describe()).as("OTP 25: {function_clause, [{supervisor, handle_cast, ...} | _]}")
                            .isEqualTo("error:function_clause");
                    assertThat(log.since(mark)).containsExactly("exit b shutdown", "exit a shutdown",
                            "exit sup error:function_clause");
                    return null;
                });
            }
        }
    }
}
