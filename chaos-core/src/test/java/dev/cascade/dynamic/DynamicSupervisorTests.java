package dev.cascade.dynamic;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.InitResult;
import dev.cascade.genserver.StartResult;
import dev.cascade.runtime.Crash;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Node;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ProcessContext;
import dev.cascade.runtime.ProcessFunction;
import dev.cascade.runtime.RuntimeListener;
import dev.cascade.runtime.Timeout;
import dev.cascade.supervisor.ChildCounts;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.ChildStart;
import dev.cascade.supervisor.ChildType;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.Shutdown;
import dev.cascade.dynamic.ProbeChildren.Entered;
import dev.cascade.dynamic.ProbeChildren.Left;
import dev.cascade.dynamic.ProbeChildren.Partner;
import dev.cascade.dynamic.ProbeChildren.Probe;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Elixir's DynamicSupervisor, otp-semantics 4.2 (and the rules of 3.4, 3.6-3.8 it shares). */
@ExtendWith(TestScheduler.Verify.class)
class DynamicSupervisorTests {
    private static final Timeout PATIENCE = Timeout.of(Duration.ofSeconds(5));

    @Nested
    class Spec {

        @Test
        void defaults_are_intensity_3_in_5_seconds_with_unbounded_children() {
            assertThat(DynamicSupervisorSpec.DEFAULT)
                    .isEqualTo(new DynamicSupervisorSpec(3, Duration.ofSeconds(5), ChildLimit.UNBOUNDED));
        }

        @Test
        void bad_flags_are_rejected_with_the_value_in_the_message() {
            assertThatThrownBy(() -> DynamicSupervisorSpec.DEFAULT.withIntensity(-1, Duration.ofSeconds(5)))
                    .hasMessage("intensity must be >= 0 but was: -1");
            assertThatThrownBy(() -> DynamicSupervisorSpec.DEFAULT.withIntensity(3, Duration.ZERO))
                    .hasMessage("period must be > 0 but was: PT0S");
            assertThatThrownBy(() -> ChildLimit.atMost(-1))
                    .hasMessage("maxChildren must be >= 0 but was: -1; use ChildLimit.UNBOUNDED for no limit");
        }
    }

    @Nested
    class StartingChildren {

        @Test
        void start_child_returns_the_pid_and_ignores_the_child_id() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid first = startChild(ctx, sup, worker(Probe::plain));
                Pid second = startChild(ctx, sup, worker(Probe::plain)); // same id "probe": not refused

                assertThat(first).isNotEqualTo(second);
                assertThat(DynamicSupervisor.whichChildren(ctx, sup)).containsExactly(
                        new DynamicChildInfo(Optional.of(first), ChildType.WORKER),
                        new DynamicChildInfo(Optional.of(second), ChildType.WORKER));
            });
        }

        @Test
        void ignore_is_returned_and_nothing_is_stored() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);

                assertThat(DynamicSupervisor.startChild(ctx, sup, worker(() -> Probe.initResult(InitResult.ignore()))))
                        .isEqualTo(new DynamicStartResult.Ignored());
                assertThat(DynamicSupervisor.countChildren(ctx, sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
            });
        }

        @Test
        void a_failed_start_returns_its_reason_and_stores_nothing() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);

                assertThat(DynamicSupervisor.startChild(ctx, sup,
                        worker(() -> Probe.initResult(InitResult.stop(ExitReason.custom("bad_config"))))))
                        .isEqualTo(new DynamicStartResult.Failed(ExitReason.custom("bad_config")));
                DynamicStartResult raised = DynamicSupervisor.startChild(ctx, sup, ChildSpec.worker("raises", s -> {
                    throw new Crash("boom");
                }));
                assertThat(raised).isInstanceOfSatisfying(DynamicStartResult.Failed.class,
                        failed -> assertThat(failed.reason().describe()).isEqualTo("error:boom"));
                assertThat(DynamicSupervisor.countChildren(ctx, sup).specs()).isZero();
            });
        }

        @Test
        void zero_shutdown_is_refused_before_the_supervisor_is_asked() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                AtomicInteger starts = new AtomicInteger();
                ChildSpec zero = ChildSpec.worker("zero", s -> {
                    starts.incrementAndGet();
                    return GenServer.startLink(s, Probe.plain());
                }).withShutdown(Shutdown.millis(0));

                DynamicStartResult result = DynamicSupervisor.startChild(ctx, sup, zero);

                assertThat(result).isEqualTo(new DynamicStartResult.Failed(
                        ExitReason.custom(new DynamicStartResult.InvalidShutdown(Shutdown.millis(0)))));
                assertThat(((DynamicStartResult.Failed) result).reason().describe()).isEqualTo(
                        "invalid_shutdown: 0 ms (a DynamicSupervisor child's shutdown must be a timeout > 0, "
                                + "Shutdown.INFINITY or Shutdown.BRUTAL_KILL; set it with ChildSpec.withShutdown)");
                assertThat(starts).hasValue(0);
                assertThat(DynamicSupervisor.startChild(ctx, sup, zero.withShutdown(Shutdown.BRUTAL_KILL)))
                        .isInstanceOf(DynamicStartResult.Started.class);
            });
        }

        @Test
        void max_children_refuses_starts_beyond_the_limit() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT.withMaxChildren(ChildLimit.atMost(2)));
                startChild(ctx, sup, worker(Probe::plain));
                Pid second = startChild(ctx, sup, worker(Probe::plain));

                assertThat(DynamicSupervisor.startChild(ctx, sup, worker(Probe::plain)))
                        .isEqualTo(new DynamicStartResult.MaxChildren());
                DynamicSupervisor.terminateChild(ctx, sup, second);
                assertThat(DynamicSupervisor.startChild(ctx, sup, worker(Probe::plain)))
                        .isInstanceOf(DynamicStartResult.Started.class);
            });
        }
    }

    @Nested
    class ChildExits {

        @Test
        void permanent_child_is_restarted_even_after_a_normal_exit() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid child = startChild(ctx, sup, worker(Probe::plain));

                stopWith(ctx, child, ExitReason.NORMAL);

                List<DynamicChildInfo> children = DynamicSupervisor.whichChildren(ctx, sup);
                assertThat(children).hasSize(1);
                assertThat(children.getFirst().pid()).isPresent().get().isNotEqualTo(child);
            });
        }

        @Test
        void transient_child_is_removed_after_a_normal_ish_exit_and_restarted_after_a_crash() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                ChildSpec spec = worker(Probe::plain).withRestart(Restart.TRANSIENT);
                for (ExitReason normalish : List.of(ExitReason.NORMAL, ExitReason.SHUTDOWN, ExitReason.shutdown("done"))) {
                    stopWith(ctx, startChild(ctx, sup, spec), normalish);
                    assertThat(DynamicSupervisor.countChildren(ctx, sup).specs()).as("after %s", normalish.describe()).isZero();
                }

                Pid crashing = startChild(ctx, sup, spec);
                stopWith(ctx, crashing, ExitReason.custom("boom"));

                List<DynamicChildInfo> children = DynamicSupervisor.whichChildren(ctx, sup);
                assertThat(children).hasSize(1);
                assertThat(children.getFirst().pid()).isPresent().get().isNotEqualTo(crashing);
            });
        }

        @Test
        void temporary_child_is_removed_whatever_its_exit() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                ChildSpec spec = worker(Probe::plain).withRestart(Restart.TEMPORARY);
                stopWith(ctx, startChild(ctx, sup, spec), ExitReason.NORMAL);
                stopWith(ctx, startChild(ctx, sup, spec), ExitReason.custom("boom"));
                Pid killed = startChild(ctx, sup, spec);
                MonitorRef monitor = ctx.monitor(killed);
                ctx.exit(killed, ExitReason.KILL);
                awaitDown(ctx, monitor);

                assertThat(DynamicSupervisor.countChildren(ctx, sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
            });
        }

        @Test
        void exit_from_a_process_that_is_not_a_child_is_ignored() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid child = startChild(ctx, sup, worker(Probe::plain));
                Pid test = ctx.self();
                ctx.spawn(stranger -> {
                    stranger.exit(sup, ExitReason.custom("boom")); // S1: trapped, not a child, ignored
                    stranger.send(test, "sent");
                });
                await(ctx, "sent"::equals);

                assertThat(DynamicSupervisor.whichChildren(ctx, sup))
                        .containsExactly(new DynamicChildInfo(Optional.of(child), ChildType.WORKER));
            });
        }

        @Test
        void more_than_intensity_restarts_within_the_period_shut_the_supervisor_down() {
            run(ctx -> {
                ctx.trapExit(true);
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT); // intensity 3 in 5 s
                startChild(ctx, sup, worker(Probe::plain));
                for (int crash = 1; crash <= 3; crash++) {
                    Pid child = DynamicSupervisor.whichChildren(ctx, sup).getFirst().pid().orElseThrow();
                    stopWith(ctx, child, ExitReason.custom("boom"));
                }
                Pid last = DynamicSupervisor.whichChildren(ctx, sup).getFirst().pid().orElseThrow();
                stopWith(ctx, last, ExitReason.custom("boom")); // the 4th restart in the window

                assertThat(await(ctx, m -> m instanceof ExitMessage exit && exit.from().equals(sup)))
                        .isEqualTo(new ExitMessage(sup, ExitReason.SHUTDOWN));
            });
        }
    }

    @Nested
    class FailedRestarts {

        @Test
        void each_failed_restart_is_retried_from_the_mailbox_and_counted_toward_intensity() {
            run(ctx -> {
                ctx.trapExit(true);
                AtomicInteger restarts = new AtomicInteger();
                AtomicInteger starts = new AtomicInteger();
                ChildSpec spec = ChildSpec.worker("flaky", s -> {
                    if (starts.getAndIncrement() == 0) {
                        return GenServer.startLink(s, Probe.plain());
                    }
                    restarts.incrementAndGet();
                    return new StartResult.Failed(ExitReason.custom("no_restart"));
                });
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid child = startChild(ctx, sup, spec);

                stopWith(ctx, child, ExitReason.custom("boom"));

                // restart #1 fails, retry #2 fails, retry #3 fails, retry #4 exceeds intensity 3 (R4)
                assertThat(await(ctx, m -> m instanceof ExitMessage exit && exit.from().equals(sup)))
                        .isEqualTo(new ExitMessage(sup, ExitReason.SHUTDOWN));
                assertThat(restarts).hasValue(3);
            });
        }

        @Test
        void ignore_on_restart_removes_the_child() {
            run(ctx -> {
                AtomicInteger starts = new AtomicInteger();
                ChildSpec spec = ChildSpec.worker("once", s -> starts.getAndIncrement() == 0
                        ? GenServer.startLink(s, Probe.plain())
                        : new StartResult.Ignored());
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);

                stopWith(ctx, startChild(ctx, sup, spec), ExitReason.custom("boom"));

                assertThat(DynamicSupervisor.countChildren(ctx, sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
                assertThat(starts).hasValue(2);
            });
        }

        @Test
        void max_children_counts_restarting_children() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT
                        .withIntensity(100, Duration.ofSeconds(5))
                        .withMaxChildren(ChildLimit.atMost(1)));
                stopWith(ctx, startChild(ctx, sup, restartsFailOnceACallIsQueued()), ExitReason.custom("boom"));

                List<Object> seen = whileRestarting(ctx, helper -> List.of(
                        DynamicSupervisor.startChild(helper, sup, worker(Probe::plain)),
                        DynamicSupervisor.whichChildren(helper, sup),
                        DynamicSupervisor.countChildren(helper, sup)));

                assertThat(seen).containsExactly(
                        new DynamicStartResult.MaxChildren(),
                        List.of(new DynamicChildInfo(Optional.empty(), ChildType.WORKER)),
                        new ChildCounts(1, 0, 0, 1));
            });
        }

        @Test
        void terminate_child_removes_a_restarting_child_and_drops_its_retry() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT.withIntensity(100, Duration.ofSeconds(5)));
                Pid child = startChild(ctx, sup, restartsFailOnceACallIsQueued());
                stopWith(ctx, child, ExitReason.custom("boom"));

                Object terminated = whileRestarting(ctx, helper -> DynamicSupervisor.terminateChild(helper, sup, child));

                assertThat(terminated).isEqualTo(TerminateChildResult.OK);
                // a retry not dropped would fail again once this call is queued, leaving the child restarting
                assertThat(DynamicSupervisor.countChildren(ctx, sup)).isEqualTo(new ChildCounts(0, 0, 0, 0));
            });
        }
    }

    @Nested
    class Termination {

        @Test
        void terminate_child_stops_the_child_with_shutdown_and_unknown_pids_are_not_found() {
            run(ctx -> {
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid child = startChild(ctx, sup, worker(Probe::plain));
                MonitorRef monitor = ctx.monitor(child);

                assertThat(DynamicSupervisor.terminateChild(ctx, sup, child)).isEqualTo(TerminateChildResult.OK);
                assertThat(awaitDown(ctx, monitor).reason()).isEqualTo(ExitReason.SHUTDOWN);
                assertThat(DynamicSupervisor.terminateChild(ctx, sup, child)).isEqualTo(TerminateChildResult.NOT_FOUND);
                assertThat(DynamicSupervisor.terminateChild(ctx, sup, ctx.self())).isEqualTo(TerminateChildResult.NOT_FOUND);
                assertThat(ctx.isAlive(ctx.self())).isTrue();
            });
        }

        @Test
        void shutdown_stops_all_children_concurrently_with_one_kill_timer() {
            run(ctx -> {
                ctx.trapExit(true); // the linked supervisor exits shutdown
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid test = ctx.self();
                // each takes 500 ms to terminate; one after the other would need 1000 ms > the shared 900 ms timer
                ChildSpec slow = worker(() -> Probe.slowToTerminate(test, Duration.ofMillis(500))).withShutdown(Shutdown.millis(900));
                Pid a = startChild(ctx, sup, slow);
                Pid b = startChild(ctx, sup, slow);
                Map<Pid, MonitorRef> monitors = Map.of(a, ctx.monitor(a), b, ctx.monitor(b));

                GenServer.stop(ctx, sup, ExitReason.SHUTDOWN, Timeout.INFINITY);

                assertThat(awaitDown(ctx, monitors.get(a)).reason()).isEqualTo(ExitReason.SHUTDOWN);
                assertThat(awaitDown(ctx, monitors.get(b)).reason()).isEqualTo(ExitReason.SHUTDOWN);
                List<Object> events = List.of(awaitEvent(ctx), awaitEvent(ctx), awaitEvent(ctx), awaitEvent(ctx));
                assertThat(events.subList(0, 2)).as("both entered terminate before either left it: %s", events)
                        .containsExactlyInAnyOrder(new Entered(a), new Entered(b));
                assertThat(events.subList(2, 4))
                        .containsExactlyInAnyOrder(new Left(a, ExitReason.SHUTDOWN), new Left(b, ExitReason.SHUTDOWN));
            });
        }

        @Test
        void shutdown_signals_every_child_before_waiting_for_any() {
            run(ctx -> {
                ctx.trapExit(true); // the linked supervisor exits shutdown
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                // each partner's terminate waits for the other's: stopped one at a time, the first would be killed
                ChildSpec partner = ChildSpec.worker("partner", s -> GenServer.startLink(s, new Partner()))
                        .withShutdown(Shutdown.timeout(Duration.ofSeconds(2)));
                Pid a = startChild(ctx, sup, partner);
                Pid b = startChild(ctx, sup, partner);
                GenServer.cast(ctx, a, b);
                GenServer.cast(ctx, b, a);
                GenServer.call(ctx, a, "sync");
                GenServer.call(ctx, b, "sync");
                MonitorRef monitorA = ctx.monitor(a);
                MonitorRef monitorB = ctx.monitor(b);

                GenServer.stop(ctx, sup, ExitReason.SHUTDOWN, Timeout.INFINITY);

                assertThat(awaitDown(ctx, monitorA).reason()).isEqualTo(ExitReason.SHUTDOWN);
                assertThat(awaitDown(ctx, monitorB).reason()).isEqualTo(ExitReason.SHUTDOWN);
            });
        }

        @Test
        void each_distinct_shutdown_value_has_its_own_kill_timer() {
            run(ctx -> {
                ctx.trapExit(true); // the linked supervisor exits shutdown
                Pid sup = startSupervisor(ctx, DynamicSupervisorSpec.DEFAULT);
                Pid test = ctx.self();
                ChildSpec stubborn = worker(() -> Probe.slowToTerminate(test, Duration.ofSeconds(30))).withShutdown(Shutdown.millis(200));
                ChildSpec patient = worker(() -> Probe.slowToTerminate(test, Duration.ofMillis(500)))
                        .withShutdown(Shutdown.timeout(Duration.ofSeconds(4)));
                ChildSpec unhurried = worker(() -> Probe.slowToTerminate(test, Duration.ofMillis(300))).withShutdown(Shutdown.INFINITY);
                ChildSpec brutal = worker(() -> Probe.slowToTerminate(test, Duration.ofSeconds(30))).withShutdown(Shutdown.BRUTAL_KILL);
                List<Pid> children = new ArrayList<>();
                for (ChildSpec spec : List.of(stubborn, stubborn, patient, unhurried, brutal)) {
                    children.add(startChild(ctx, sup, spec));
                }
                List<MonitorRef> monitors = children.stream().map(ctx::monitor).toList();

                GenServer.stop(ctx, sup, ExitReason.SHUTDOWN, Timeout.INFINITY);

                assertThat(monitors.stream().map(m -> awaitDown(ctx, m).reason()).toList()).containsExactly(
                        ExitReason.KILLED, ExitReason.KILLED,   // their 200 ms timer fired
                        ExitReason.SHUTDOWN,                   // its own 4 s timer did not
                        ExitReason.SHUTDOWN,                   // infinity: no timer at all
                        ExitReason.KILLED);                    // brutal kill
            });
        }

        @Test
        void parent_exit_stops_the_supervisor_and_its_children_even_when_normal() {
            run(ctx -> {
                Pid test = ctx.self();
                Pid parent = ctx.spawn(p -> {
                    Pid sup = startSupervisor(p, DynamicSupervisorSpec.DEFAULT);
                    p.send(test, List.of(sup, startChild(p, sup, worker(Probe::plain))));
                    p.receive(m -> m.equals("exit"), PATIENCE);
                });
                List<?> pids = (List<?>) await(ctx, m -> m instanceof List);
                MonitorRef sup = ctx.monitor((Pid) pids.get(0));
                MonitorRef child = ctx.monitor((Pid) pids.get(1));

                ctx.send(parent, "exit");

                assertThat(awaitDown(ctx, child).reason()).isEqualTo(ExitReason.SHUTDOWN);
                assertThat(awaitDown(ctx, sup).reason()).isEqualTo(ExitReason.NORMAL); // T1
            });
        }
    }

    // ---- a child stuck restarting ----------------------------------------------------

    record HelperResult(Object value) {}

    /**
     * The first start succeeds; every restart waits until another message is queued in the
     * supervisor's mailbox (a call of {@link #whileRestarting}'s helper), then fails. So the retry it
     * queues comes after that call, which therefore sees the child restarting.
     */
    private static ChildSpec restartsFailOnceACallIsQueued() {
        AtomicInteger starts = new AtomicInteger();
        ChildStart start = s -> {
            if (starts.getAndIncrement() == 0) {
                return GenServer.startLink(s, Probe.plain());
            }
            AtomicBoolean queued = new AtomicBoolean();
            for (int wait = 0; wait < 250 && !queued.get(); wait++) {
                s.receive(message -> {
                    queued.set(true); // look, do not take
                    return false;
                }, Timeout.ofMillis(20));
            }
            return new StartResult.Failed(ExitReason.custom("no_restart"));
        };
        return ChildSpec.worker("stuck", start);
    }

    /** Runs {@code calls} in a helper process while the child of {@link #restartsFailOnceACallIsQueued} restarts. */
    private static <T> T whileRestarting(ProcessContext ctx, ProcessFunction<T> calls) {
        Pid test = ctx.self();
        ctx.spawn(helper -> helper.send(test, new HelperResult(calls.apply(helper))));
        @SuppressWarnings("unchecked")
        T value = (T) ((HelperResult) await(ctx, m -> m instanceof HelperResult)).value();
        return value;
    }

    // ---- helpers --------------------------------------------------------------------------

    private interface Body {
        void run(ProcessContext ctx) throws Exception;
    }

    private static void run(Body body) {
        try (Node node = Node.start(TestScheduler.create(), RuntimeListener.NONE)) {
            node.run(ctx -> {
                body.run(ctx);
                return null;
            });
        }
    }

    /** Each start gets a fresh server: a server object holds its own process's context. */
    private static ChildSpec worker(Supplier<? extends GenServer<?>> server) {
        return ChildSpec.worker("probe", server);
    }

    private static Pid startSupervisor(ProcessContext ctx, DynamicSupervisorSpec spec) {
        return DynamicSupervisor.startLink(ctx, spec).pid();
    }

    private static Pid startChild(ProcessContext ctx, Pid sup, ChildSpec spec) {
        DynamicStartResult result = DynamicSupervisor.startChild(ctx, sup, spec);
        assertThat(result).isInstanceOf(DynamicStartResult.Started.class);
        return ((DynamicStartResult.Started) result).pid();
    }

    /**
     * Makes {@code child} stop itself with {@code reason} and waits for its DOWN. The runtime tells a
     * dying process's links before its monitors, so the supervisor's 'EXIT' is queued before any
     * call made after this returns.
     */
    private static void stopWith(ProcessContext ctx, Pid child, ExitReason reason) {
        MonitorRef monitor = ctx.monitor(child);
        GenServer.cast(ctx, child, reason);
        assertThat(awaitDown(ctx, monitor).reason()).isEqualTo(reason);
    }

    private static Down awaitDown(ProcessContext ctx, MonitorRef monitor) {
        return (Down) await(ctx, m -> m instanceof Down down && down.ref().equals(monitor));
    }

    private static Object awaitEvent(ProcessContext ctx) {
        return await(ctx, m -> m instanceof Entered || m instanceof Left);
    }

    private static Object await(ProcessContext ctx, Predicate<Object> match) {
        return ctx.receive(match, PATIENCE)
                .orElseThrow(() -> new AssertionError("no matching message within " + PATIENCE));
    }
}
