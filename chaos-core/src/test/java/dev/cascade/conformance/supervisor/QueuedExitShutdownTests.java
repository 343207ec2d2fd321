package dev.cascade.conformance.supervisor;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.supervisor.ChildOpResult;
import dev.cascade.supervisor.FailedToStartChild;
import dev.cascade.supervisor.Supervisor;
import dev.cascade.supervisor.SupervisorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.cascade.conformance.supervisor.Probe.awaitExit;
import static dev.cascade.conformance.supervisor.Probe.crash;
import static dev.cascade.conformance.supervisor.Probe.pidOf;
import static dev.cascade.conformance.supervisor.Probe.startSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * otp-semantics 3.8 D1 as OTP 25's {@code supervisor:shutdown/1} and {@code unlink_flush/2} code it:
 * a child that called {@code exit(Supervisor, foo)} while alive has an 'EXIT' queued at its
 * supervisor, yet the supervisor still sends it {@code shutdown}, waits for its DOWN, and only then
 * takes the 'EXIT', whose reason it reports. Each place a static supervisor stops children is
 * checked: its own termination, a one_for_all group restart, terminate_child, and the clean-up
 * after a child failed to start in init. Before the fix each of these waited forever.
 */
@ExtendWith(TestScheduler.Verify.class)
@Timeout(120)
class QueuedExitShutdownTests {
    private static final ExitReason FOO = ExitReason.custom("foo");
    private static final Duration SLOW = Duration.ofMillis(300);
    private final EventLog log = new EventLog();

    @Test
    void d1_a_terminating_supervisor_sends_shutdown_to_a_live_child_whose_exit_is_already_queued_and_exits_shutdown() {
        try (Node node = Node.start(TestScheduler.create(), log); CapturedLog reports = new CapturedLog()) {
            node.run(ctx -> {
                ctx.trapExit(true);
                Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                        .withChild(TestChild.worker("a", log).spec())
                        .withChild(TestChild.worker("b", log).terminatingIn(SLOW).spec()), log);
                Pid a = pidOf(ctx, sup, "a");
                int mark = log.mark();
                ctx.exit(sup, ExitReason.SHUTDOWN);
                log.awaitSince(ctx, mark, "terminate b shutdown");
                GenServer.call(ctx, a, new TestChild.SignalLater(sup, FOO, Duration.ZERO)); // while b is stopping
                assertThat(awaitExit(ctx, sup)).isEqualTo(ExitReason.SHUTDOWN);
                assertThat(log.since(mark)).containsExactly("terminate b shutdown", "exit b shutdown",
                        "exit a shutdown", "exit sup shutdown");
                assertThat(reports.shutdownErrors()).as("unlink_flush: the queued 'EXIT' supplies the reason")
                        .singleElement().asString().contains("child a", "ended with foo");
                return null;
            });
        }
    }

    @Test
    void d1_s4_a_one_for_all_group_restart_stops_a_sibling_whose_exit_is_queued_and_that_exit_restarts_nothing() {
        try (Node node = Node.start(TestScheduler.create(), log)) {
            node.run(ctx -> {
                Pid sup = startSupervisor(ctx, SupervisorSpec.oneForAll().withIntensity(1, Duration.ofMinutes(1))
                        .withChild(TestChild.worker("a", log).spec())
                        .withChild(TestChild.worker("b", log).terminatingIn(SLOW).spec())
                        .withChild(TestChild.worker("c", log).spec()), log);
                Pid a = pidOf(ctx, sup, "a");
                int mark = log.mark();
                crash(ctx, pidOf(ctx, sup, "c"));
                log.awaitSince(ctx, mark, "terminate b shutdown");
                GenServer.call(ctx, a, new TestChild.SignalLater(sup, FOO, Duration.ZERO));
                log.awaitCount(ctx, "start c", 2);
                Probe.barrier(ctx, sup);
                assertThat(log.since(mark)).as("one restart; a second (from the 'EXIT') would exceed intensity 1")
                        .containsExactly("exit c error:boom", "terminate b shutdown", "exit b shutdown",
                                "exit a shutdown", "start a", "start b", "start c");
                assertThat(Supervisor.countChildren(ctx, sup).active()).isEqualTo(3);
                return null;
            });
        }
    }

    @Test
    void d1_terminate_child_stops_a_child_whose_exit_arrived_after_the_request_and_returns_ok() {
        try (Node node = Node.start(TestScheduler.create(), log); CapturedLog reports = new CapturedLog()) {
            node.run(ctx -> {
                Pid sup = startSupervisor(ctx, SupervisorSpec.oneForOne()
                        .withChild(TestChild.worker("a", log).spec())
                        .withChild(TestChild.worker("b", log).terminatingIn(SLOW).spec()), log);
                Pid a = pidOf(ctx, sup, "a");
                int mark = log.mark();
                ctx.spawn(helper -> Supervisor.terminateChild(helper, sup, "b")); // keeps the supervisor busy
                log.awaitSince(ctx, mark, "terminate b shutdown");
                GenServer.call(ctx, a, new TestChild.SignalLater(sup, FOO, Duration.ofMillis(100)));
                // queued: this request, then (100 ms later, b still stopping) a's 'EXIT'
                assertThat(Supervisor.terminateChild(ctx, sup, "a")).isEqualTo(ChildOpResult.OK);
                assertThat(log.since(mark)).containsExactly("terminate b shutdown", "exit b shutdown", "exit a shutdown");
                assertThat(Probe.child(ctx, sup, "a").pid()).as("the 'EXIT' was taken: no restart").isEmpty();
                assertThat(reports.shutdownErrors()).singleElement().asString().contains("child a", "ended with foo");
                return null;
            });
        }
    }

    private record Started(StartResult result) {}

    @Test
    void d1_3_3_the_clean_up_after_a_failed_start_stops_a_child_whose_exit_is_queued() {
        try (Node node = Node.start(TestScheduler.create(), log)) {
            node.run(ctx -> {
                Pid tester = ctx.self();
                SupervisorSpec spec = SupervisorSpec.oneForOne()
                        .withChild(TestChild.worker("a", log).spec())
                        .withChild(TestChild.worker("g", log).gatedOn(tester, 1).spec());
                ctx.spawn(starter -> {
                    starter.trapExit(true);
                    starter.send(tester, new Started(Supervisor.startLink(starter, spec)));
                });
                TestChild.InitGate gate = Probe.awaitGate(ctx);
                Pid sup = log.supervisorOf("a");
                GenServer.call(ctx, log.lastStarted("a"), new TestChild.SignalLater(sup, FOO, Duration.ZERO));
                gate.fail(ctx);
                Object started = ctx.receive(m -> m instanceof Started, Probe.PATIENCE).orElseThrow();
                assertThat(((Started) started).result()).isEqualTo(new StartResult.Failed(
                        ExitReason.shutdown(new FailedToStartChild("g", TestChild.INIT_FAILED))));
                assertThat(log.events()).containsExactly("start a", "init_fail g", "exit a shutdown");
                return null;
            });
        }
    }
}
