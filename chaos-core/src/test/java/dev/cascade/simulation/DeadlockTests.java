package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3 item 5: a wait-for cycle of calls is reported the moment nothing else can run, before any timeout fires. */
class DeadlockTests {

    /** Two servers whose handlers call each other: the classic gen_server deadlock, which OTP ends only by timeouts (G17). */
    private static String callEachOther(ProcessContext ctx) {
        AtomicReference<Pid> other = new AtomicReference<>();
        Pid ping = GenServer.startLink(ctx, Handler.calls((server, request) ->
                "ping got " + GenServer.call(server, other.get(), "pong?"))).pid();
        Pid pong = GenServer.startLink(ctx, Handler.calls((server, request) ->
                "pong got " + GenServer.call(server, ping, "ping?"))).pid();
        other.set(pong);
        try {
            return (String) GenServer.call(ctx, ping, "start", dev.cascade.runtime.Timeout.ofMillis(60_000));
        } catch (CallFailedException failed) {
            return "failed at " + ctx.nanoTime() / 1_000_000 + " ms: " + failed.reason().describe();
        }
    }

    @Test
    void g17_two_servers_calling_each_other_are_reported_as_a_cycle_at_once_and_the_timeouts_still_fire_by_default() {
        List<Deadlock> told = new ArrayList<>();
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(1).deadlockListener(told::add).build();
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            String outcome = node.run(ctx -> {
                ctx.trapExit(true); // the linked servers crash after their timeouts; this process lives to tell
                return callEachOther(ctx);
            });
            assertThat(outcome).startsWith("failed at 5000 ms");
            assertThat(told).hasSize(1);
            Deadlock deadlock = told.get(0);
            assertThat(deadlock.at()).isEqualTo(Duration.ZERO);
            assertThat(deadlock.cycle()).hasSize(2);
            assertThat(deadlock.cycle()).extracting(WaitingCall::kind).containsOnly("call");
            assertThat(deadlock.cycle()).extracting(WaitingCall::request).containsExactlyInAnyOrder("pong?", "ping?");
            assertThat(deadlock.cycle().get(0).waitsFor()).isEqualTo(deadlock.cycle().get(1).process());
            assertThat(deadlock.cycle().get(1).waitsFor()).isEqualTo(deadlock.cycle().get(0).process());
            assertThat(deadlock.cycle()).allSatisfy(wait -> assertThat(wait.where()).startsWith("DeadlockTests.lambda$callEachOther$"));
            assertThat(deadlock.describe()).contains("deadlock at 0 ms").contains("waits in call to").contains("pong?");
            assertThat(sim.deadlocks()).containsExactly(deadlock);
        }
    }

    @Test
    void with_the_stop_policy_the_run_ends_with_the_deadlock_instead_of_the_timeouts() {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(1).onDeadlock(DeadlockPolicy.STOP).build();
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            assertThatThrownBy(() -> node.run(DeadlockTests::callEachOther))
                    .isInstanceOfSatisfying(DeadlockException.class, stopped -> {
                        assertThat(stopped.deadlock().cycle()).hasSize(2);
                        assertThat(stopped.getMessage()).contains("waits in call to");
                    });
            assertThat(sim.now()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void a_child_that_calls_its_supervisor_from_init_waits_on_the_supervisor_that_waits_for_its_init() {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(1).onDeadlock(DeadlockPolicy.STOP).build();
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            assertThatThrownBy(() -> node.run(ctx -> Supervisor.startLink(ctx, SupervisorSpec.oneForOne()
                    .withChild(ChildSpec.worker("needy", CallsItsSupervisorFromInit::new)), StartOptions.named("sup"))))
                    .isInstanceOfSatisfying(DeadlockException.class, stopped ->
                            assertThat(stopped.deadlock().cycle()).extracting(WaitingCall::kind).containsExactlyInAnyOrder("start", "call"));
        }
    }

    /** Calls its own supervisor (its parent) during init: in OTP this blocks until the call times out. */
    private static final class CallsItsSupervisorFromInit implements GenServer<Object> {
        @Override
        public InitResult<Object> init(ProcessContext ctx) {
            return InitResult.ok(Supervisor.whichChildren(ctx, ServerRef.named("sup")));
        }
    }
}
