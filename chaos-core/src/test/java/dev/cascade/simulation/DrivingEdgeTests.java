package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edges of driving a simulation: spinning processes, repeated deadlocks, the real-time limit, and who may act on the node. */
class DrivingEdgeTests {

    /** Executor backend only: on baton passing a yield is no hand-back, so a spinner keeps control (next test). */
    @Test
    void on_the_executor_backend_a_process_spinning_on_thread_yield_does_not_starve_the_others() {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(3).backend(Backend.EXECUTOR).build();
        AtomicBoolean done = new AtomicBoolean();
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            int relayed = node.run(ctx -> {
                ctx.spawn(spinner -> {
                    while (!done.get()) {
                        Thread.yield(); // never waits in the runtime; yields the only thread
                    }
                });
                Pid self = ctx.self();
                Pid echo = ctx.spawn(e -> {
                    while (true) {
                        e.send(self, e.receive(m -> true, Timeout.INFINITY).orElseThrow());
                    }
                });
                for (int i = 0; i < 200; i++) {
                    ctx.send(echo, i);
                    ctx.receive(m -> true, Timeout.INFINITY);
                }
                done.set(true);
                return 200;
            });
            assertThat(relayed).isEqualTo(200);
        }
        assertThat(sim.report().steps()).as("the spinner gets a fair share, not an ever larger one").isLessThan(5_000);
    }

    @ParameterizedTest(name = "the retrying server started {0}")
    @ValueSource(booleans = {true, false})
    void a_deadlock_that_forms_again_after_a_timeout_is_reported_again_whatever_the_pid_order(boolean retrierFirst) {
        List<Deadlock> told = new ArrayList<>();
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(1).deadlockListener(told::add).build();
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            node.run(ctx -> {
                ctx.trapExit(true);
                AtomicReference<Pid> patient = new AtomicReference<>();
                AtomicReference<Pid> retrier = new AtomicReference<>();
                Runnable startRetrier = () -> retrier.set(GenServer.startLink(ctx, Handler.calls((server, request) -> {
                    for (int attempt = 0; attempt < 3; attempt++) {
                        try {
                            GenServer.call(server, patient.get(), "back?", Timeout.ofMillis(1000));
                        } catch (CallFailedException timedOut) {
                            // try again: the same cycle forms anew
                        }
                    }
                    return "gave up";
                })).pid());
                Runnable startPatient = () -> patient.set(GenServer.startLink(ctx, Handler.calls((server, request) ->
                        GenServer.call(server, retrier.get(), "go", Timeout.INFINITY))).pid());
                if (retrierFirst) {
                    startRetrier.run();
                    startPatient.run();
                } else {
                    startPatient.run();
                    startRetrier.run();
                }
                return GenServer.call(ctx, patient.get(), "start", Timeout.INFINITY);
            });
        }
        assertThat(told).hasSize(3);
        assertThat(told).extracting(Deadlock::at).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void on_the_baton_backend_a_process_that_never_gives_control_back_fails_the_run_after_the_real_time_limit() {
        SimulatedScheduler sim = SimulatedScheduler.builder().seed(1).backend(Backend.BATON)
                .realTimeLimit(Duration.ofMillis(500)).build();
        AtomicBoolean stop = new AtomicBoolean();
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            assertThatThrownBy(() -> node.run(ctx -> {
                while (!stop.get()) {
                    Thread.yield();
                }
                return null;
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has kept control for more than 500 ms of real time without waiting in the runtime")
                    .hasMessageContaining("DrivingEdgeTests.lambda$");
        } finally {
            stop.set(true); // even when the assertion fails: a spinning thread left behind starves every later test
        }
    }

    @Test
    void closing_the_node_or_running_on_it_from_inside_one_of_its_processes_is_refused_and_changes_nothing() {
        SimulatedScheduler sim = SimulatedScheduler.withSeed(1);
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            List<String> refusals = node.run(ctx -> {
                List<String> messages = new ArrayList<>();
                try {
                    ctx.node().close();
                } catch (IllegalStateException refused) {
                    messages.add(refused.getMessage());
                }
                try {
                    ctx.node().run(inner -> "nested");
                } catch (IllegalStateException refused) {
                    messages.add(refused.getMessage());
                }
                messages.add("still alive: " + ctx.isAlive(ctx.self()));
                return messages;
            });
            assertThat(refusals).containsExactly(
                    "Node.close cannot be called from inside a process of a simulation; call it from the thread that drives the simulation",
                    "Node.run cannot be called from inside a process of a simulation; call it from the thread that drives the simulation",
                    "still alive: true");
        }
    }

    @Test
    void exit_and_close_from_another_thread_between_runs_are_not_taken_for_foreign_wake_ups() {
        SimulatedScheduler sim = SimulatedScheduler.withSeed(1);
        Node node = Node.start(sim, RuntimeListener.NONE);
        Pid waiting = node.spawn(ctx -> ctx.receive(m -> false, Timeout.INFINITY));
        Pid other = node.spawn(ctx -> ctx.receive(m -> false, Timeout.INFINITY));
        sim.runUntilQuiet();
        CompletableFuture.runAsync(() -> node.exit(waiting, ExitReason.KILL)).join();
        sim.runUntilQuiet();
        CompletableFuture.runAsync(node::close).join();
        assertThat(node.isAlive(other)).isFalse();
        assertThat(sim.report().reproducible()).as(sim.report().nondeterminism().toString()).isTrue();
    }
}
