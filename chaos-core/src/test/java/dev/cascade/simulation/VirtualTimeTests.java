package dev.cascade.simulation;

import dev.cascade.genserver.GenServer;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3 items 1 and 5: every runtime timer runs on the virtual clock; runFor and runUntilQuiet. */
class VirtualTimeTests {
    private final SimulatedScheduler sim = SimulatedScheduler.withSeed(7);

    @Test
    void a_sleep_moves_the_virtual_clock_by_exactly_its_duration() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            long slept = node.run(ctx -> {
                long before = ctx.nanoTime();
                ctx.sleep(Duration.ofSeconds(30));
                return ctx.nanoTime() - before;
            });
            assertThat(slept).isEqualTo(Duration.ofSeconds(30).toNanos());
            assertThat(sim.now()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void g17_a_call_to_a_server_that_never_answers_times_out_at_exactly_5_s_of_virtual_time() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            ExitReason reason = node.run(ctx -> {
                Pid mute = GenServer.startLink(ctx, Handler.calls((server, request) -> {
                    server.receive(message -> false, Timeout.INFINITY); // never answers
                    return null;
                })).pid();
                try {
                    GenServer.call(ctx, mute, "hello?");
                    return null;
                } catch (CallFailedException failed) {
                    return failed.reason();
                }
            });
            assertThat(reason.describe()).contains("timeout");
            assertThat(sim.now()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_receive_timeout_fires_at_its_deadline_and_a_message_before_it_wins() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            List<String> seen = node.run(ctx -> {
                Pid self = ctx.self();
                ctx.spawn(sender -> {
                    sender.sleep(Duration.ofMillis(999));
                    sender.send(self, "just in time");
                });
                List<String> got = new ArrayList<>();
                got.add(ctx.receive(m -> true, Timeout.ofMillis(1000)).map(Object::toString).orElse("timeout"));
                got.add(ctx.receive(m -> true, Timeout.ofMillis(1000)).map(Object::toString).orElse("timeout at " + ctx.nanoTime() / 1_000_000 + " ms"));
                return got;
            });
            assertThat(seen).containsExactly("just in time", "timeout at 1999 ms");
        }
    }

    @Test
    void runFor_fires_only_the_timers_due_within_the_span_and_then_reads_now_plus_span() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            List<String> log = new ArrayList<>();
            node.spawn(ctx -> {
                ctx.sleep(Duration.ofSeconds(10));
                log.add("woke at " + ctx.nanoTime() / 1_000_000_000 + " s");
            });
            Quiescence first = sim.runFor(Duration.ofSeconds(6));
            assertThat(log).isEmpty();
            assertThat(first.now()).isEqualTo(Duration.ofSeconds(6));
            assertThat(first.pendingTimers()).isEqualTo(1);
            Quiescence second = sim.runFor(Duration.ofSeconds(6));
            assertThat(log).containsExactly("woke at 10 s");
            assertThat(second.now()).isEqualTo(Duration.ofSeconds(12));
            assertThat(second.pendingTimers()).isZero();
        }
    }

    @Test
    void runUntilQuiet_stops_when_nothing_can_run_and_no_timer_is_due_before_the_horizon() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            List<Long> woke = new ArrayList<>();
            node.spawn(ctx -> {
                ctx.sleep(Duration.ofMinutes(30));
                woke.add(ctx.nanoTime());
                ctx.sleep(Duration.ofHours(2));
                woke.add(ctx.nanoTime());
            });
            Quiescence quiet = sim.runUntilQuiet();
            assertThat(woke).containsExactly(Duration.ofMinutes(30).toNanos());
            assertThat(quiet.now()).isEqualTo(Duration.ofMinutes(30));
            assertThat(quiet.pendingTimers()).isEqualTo(1);
            Quiescence later = sim.runUntilQuiet(Duration.ofHours(3));
            assertThat(woke).hasSize(2);
            assertThat(later.now()).isEqualTo(Duration.ofMinutes(150));
            assertThat(later.pendingTimers()).isZero();
        }
    }

    @Test
    void a_process_that_can_never_finish_is_reported_at_once_instead_of_waiting_in_real_time() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            assertThatThrownBy(() -> node.run(ctx -> ctx.receive(message -> true, Timeout.INFINITY)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("can never finish")
                    .hasMessageContaining("no timer");
        }
    }

    @Test
    void a_simulation_cannot_be_driven_from_inside_one_of_its_processes() {
        try (Node node = Node.start(sim, RuntimeListener.NONE)) {
            String error = node.run(ctx -> {
                try {
                    sim.runFor(Duration.ofSeconds(1));
                    return "drove";
                } catch (IllegalStateException refused) {
                    return refused.getMessage();
                }
            });
            assertThat(error).contains("cannot be driven from inside one of its own processes");
        }
    }

    @Test
    void a_negative_span_or_horizon_is_refused_with_its_value() {
        assertThatThrownBy(() -> sim.runFor(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("span must not be negative, got PT-1S");
        assertThatThrownBy(() -> sim.runUntilQuiet(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon must not be negative");
    }
}
