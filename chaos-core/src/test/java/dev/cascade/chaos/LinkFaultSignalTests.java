package dev.cascade.chaos;

import dev.cascade.chaos.Worker.Journal;
import dev.cascade.runtime.ExitReason;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link faults act on messages only (sends, casts, calls, replies). Within one node OTP never loses
 * or reorders signals, so a fault on the link from a worker to its supervisor leaves the worker's
 * exit signal, the supervisor's start handshake and every restart where they were (simulated scheduler).
 */
class LinkFaultSignalTests {
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration KILL_AT = Duration.ofMillis(100);

    private ChaosTree start() {
        Journal journal = new Journal();
        return ChaosTree.builder(SupervisorSpec.oneForOne().withIntensity(5, Duration.ofSeconds(5))
                        .withChild(ChildSpec.worker("a", () -> new Worker(journal))))
                .scheduler(SimulatedScheduler.withSeed(0)).start();
    }

    private static FaultPlan killDuring(Fault.LinkFault linkFault) {
        return FaultPlan.builder().at(Duration.ZERO, linkFault).at(KILL_AT, Fault.kill("root/a"))
                .at(KILL_AT.multipliedBy(2), Fault.raise("root/a", "boom")).build();
    }

    /** Every restart of root/a: when (nanos since the tree started) its start returned. */
    private static List<Long> restartTimes(ChaosTree tree, long zero) {
        return tree.trace().events(TraceEvent.Started.class).stream()
                .filter(started -> started.process().isAt("root/a") && started.process().number() > 1)
                .map(started -> started.atNanos() - zero).toList();
    }

    private static void assertRestartedAtOnce(ChaosTree tree, long zero) {
        assertThat(tree.incarnations("root/a")).isEqualTo(3);
        assertThat(tree.whereis("root/a")).isPresent();
        assertThat(restartTimes(tree, zero)).containsExactly(KILL_AT.toNanos(), KILL_AT.multipliedBy(2).toNanos());
        assertThat(Trees.exits(tree.trace(), "root/a")).containsExactly("killed", "error:boom");
    }

    private static void assertNoMessageTaken(ChaosTree tree) {
        assertThat(tree.ledger().entry(1).hits()).isEmpty();
        assertThat(tree.trace().events(TraceEvent.MessageDropped.class)).isEmpty();
    }

    @Test
    void a_drop_from_a_worker_to_its_supervisor_never_swallows_its_exit_signal_or_its_start_acknowledgement() {
        try (ChaosTree tree = start()) {
            long zero = tree.node().scheduler().nanoTime();
            tree.apply(killDuring(Fault.drop("root/a", "root", WINDOW)));
            tree.runFor(WINDOW.plusMillis(100));

            assertRestartedAtOnce(tree, zero);
            assertNoMessageTaken(tree);
        }
    }

    @Test
    void a_drop_from_a_supervisor_to_its_worker_never_swallows_the_shutdown_at_the_end() {
        ChaosTree tree = start();
        try {
            tree.apply(FaultPlan.builder().at(Duration.ZERO, Fault.drop("root", "root/a", WINDOW)).build());
            tree.runFor(Duration.ofMillis(10));
        } finally {
            tree.close(); // the shutdown at the end is what this test is about
        }

        assertThat(Trees.exits(tree.trace(), "root/a")).containsExactly("shutdown");
    }

    @Test
    void a_delay_on_the_link_to_the_supervisor_does_not_move_the_restart() {
        try (ChaosTree tree = start()) {
            long zero = tree.node().scheduler().nanoTime();
            tree.apply(killDuring(Fault.delay("root/a", "root", Duration.ofMillis(500), WINDOW)));
            tree.runFor(WINDOW.plusMillis(100));

            assertRestartedAtOnce(tree, zero);
            assertNoMessageTaken(tree);
        }
    }

    @Test
    void a_reorder_on_the_link_to_the_supervisor_does_not_hold_the_restart_until_its_window_ends() {
        try (ChaosTree tree = start()) {
            long zero = tree.node().scheduler().nanoTime();
            tree.apply(killDuring(Fault.reorder("root/a", "root", WINDOW)));
            tree.runFor(WINDOW.plusMillis(100));

            assertRestartedAtOnce(tree, zero);
        }
    }

    @Test
    void a_duplicate_on_the_link_to_the_supervisor_does_not_repeat_a_start_acknowledgement() {
        try (ChaosTree tree = start()) {
            long zero = tree.node().scheduler().nanoTime();
            tree.apply(killDuring(Fault.duplicate("root/a", "root", WINDOW)));
            tree.runFor(WINDOW.plusMillis(100));

            assertRestartedAtOnce(tree, zero);
            assertNoMessageTaken(tree);
        }
    }

    @Test
    void a_worker_ended_by_an_exit_signal_from_outside_is_restarted_while_its_link_to_the_supervisor_drops_messages() {
        try (ChaosTree tree = start()) {
            tree.apply(FaultPlan.builder().at(Duration.ZERO, Fault.drop("root/a", "root", WINDOW))
                    .at(KILL_AT, Fault.exitSignal("root/a", ExitReason.SHUTDOWN)).build());
            tree.runFor(WINDOW.plusMillis(100));

            assertThat(tree.incarnations("root/a")).isEqualTo(2);
            assertThat(tree.whereis("root/a")).isPresent();
        }
    }
}
