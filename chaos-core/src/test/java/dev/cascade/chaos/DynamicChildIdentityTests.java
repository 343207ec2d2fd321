package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.cascade.chaos.TreeCallTests.PAYMENTS;
import static dev.cascade.chaos.TreeCallTests.startSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The children of a DynamicSupervisor have paths of their own: their registry key
 * ({@code root/sessions/alice}) or, without one, their id and position ({@code root/sessions/session-1});
 * faults, the trace, incarnations and calls name them; their restarts are traced as a static
 * supervisor's are (otp-semantics 4.2).
 */
@ExtendWith(TestScheduler.Verify.class)
class DynamicChildIdentityTests {

    private static List<String> started(Trace trace) {
        return trace.events(TraceEvent.Started.class).stream().map(started -> started.process().toString()).toList();
    }

    @Test
    void a_child_registered_under_a_key_holds_the_path_of_its_key() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            startSession(tree, "bob");
            assertThat(started(tree.trace())).contains("root/sessions/alice#1", "root/sessions/bob#1");
            assertThat(tree.whereis("root/sessions/alice")).isEqualTo(
                    tree.node().run(ctx -> dev.cascade.registry.Registry.lookup(ctx, "sessions", "alice")));
            assertThat(tree.incarnations("root/sessions/alice")).isEqualTo(1);
        }
    }

    @Test
    void a_child_without_a_key_is_named_by_its_id_and_position() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            Pid sessions = tree.whereis("root/sessions").orElseThrow();
            tree.node().run(ctx -> DynamicSupervisor.startChild(ctx, sessions, ChildSpec.worker("worker", Account::new)));
            startSession(tree, "alice");
            tree.node().run(ctx -> DynamicSupervisor.startChild(ctx, sessions, ChildSpec.worker("worker", Account::new)));
            assertThat(started(tree.trace())).contains("root/sessions/worker-1#1", "root/sessions/alice#1",
                    "root/sessions/worker-2#1");
            tree.cast("root/sessions/worker-2", "deposit");
            assertThat(tree.call("root/sessions/worker-2", "balance").orElseThrow()).isEqualTo(1);
        }
    }

    @Test
    void a_fault_by_key_hits_that_child_only_and_incarnations_count_per_child_4_2() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            startSession(tree, "bob");
            tree.inject(Fault.kill("root/sessions/alice"));
            Trees.awaitIncarnations(tree, "root/sessions/alice", 2);
            assertThat(tree.incarnations("root/sessions/alice")).isEqualTo(2);
            assertThat(tree.incarnations("root/sessions/bob")).isEqualTo(1);
            assertThat(Trees.exits(tree.trace(), "root/sessions/alice")).containsExactly("killed");
            assertThat(Trees.exits(tree.trace(), "root/sessions/bob")).isEmpty();
            // the restarted child registered under its key again
            assertThat(tree.call(ServerRef.via("sessions", "alice"), "balance").orElseThrow()).isEqualTo(0);
        }
    }

    @Test
    void a_dynamic_supervisors_restart_is_traced_as_a_restart_decided_event() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            tree.inject(Fault.raise("root/sessions/alice", "boom"));
            Trees.awaitIncarnations(tree, "root/sessions/alice", 2);
            Trace trace = tree.trace();
            TraceEvent.RestartDecided restart = trace.events(TraceEvent.RestartDecided.class).getLast();
            assertThat(restart.describe()).isEqualTo("root/sessions#1 restarts root/sessions/alice");
            assertThat(trace.explain(restart).text()).contains("root/sessions/alice#1 exited error:boom");
        }
    }

    @Test
    void breaching_a_dynamic_childs_intensity_makes_its_supervisor_give_up_and_says_why_4_2() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            tree.inject(Fault.breachIntensity("root/sessions/alice"));
            tree.runFor(Duration.ofSeconds(1));
            Trace trace = tree.trace();
            TraceEvent.SupervisorGaveUp gaveUp = trace.events(TraceEvent.SupervisorGaveUp.class).getFirst();
            assertThat(gaveUp.describe()).isEqualTo("root/sessions#1 gave up (4 restarts > intensity 3 in 5 s)");
            assertThat(gaveUp.child()).isEqualTo("root/sessions/alice");
            assertThat(trace.explain(gaveUp).text()).startsWith("root/sessions/alice exited killed 4× ") // at once, or in 2 ms when real
                    .contains("(fault intensity breach on root/sessions/alice)\n→ root/sessions#1 gave up");
            assertThat(tree.incarnations("root/sessions")).isEqualTo(2); // the root restarted it
        }
    }

    @Test
    void a_fault_on_a_dynamic_child_the_tree_never_had_is_refused_listing_the_children_it_has() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            assertThatThrownBy(() -> tree.inject(Fault.kill("root/sessions/alcie")))
                    .isInstanceOf(FaultPlanException.class)
                    .hasMessage("fault \"kill root/sessions/alcie\": the tree has no path root/sessions/alcie (paths: root, "
                            + "root/gateway, root/ledger, root/audit, root/registry, root/sessions, root/sessions/alice)");
            assertThatThrownBy(() -> tree.incarnations("root/sessions/alcie"))
                    .hasMessageEndingWith("root/sessions, root/sessions/alice)");
        }
    }

    @Test
    void a_dynamic_child_that_ended_keeps_its_path_and_a_call_to_it_is_noproc() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            Pid sessions = tree.whereis("root/sessions").orElseThrow();
            Pid alice = tree.whereis("root/sessions/alice").orElseThrow();
            tree.node().run(ctx -> DynamicSupervisor.terminateChild(ctx, sessions, alice));
            assertThat(tree.call("root/sessions/alice", "balance")).isEqualTo(new CallOutcome.NoProc("root/sessions/alice"));
            startSession(tree, "alice"); // the same key again: the next incarnation of the same path
            assertThat(tree.incarnations("root/sessions/alice")).isEqualTo(2);
        }
    }
}
