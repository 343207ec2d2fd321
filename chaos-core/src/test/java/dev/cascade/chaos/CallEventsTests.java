package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.dynamic.DynamicSupervisor;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.cascade.chaos.TreeCallTests.PAYMENTS;
import static dev.cascade.chaos.TreeCallTests.startSession;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call gets its events whatever its fate: one that fails at once ({@code noproc}: nothing is
 * sent, G21) is traced as started and failed, against the process that held the name last, so the
 * failure can be explained from the trace.
 */
@ExtendWith(TestScheduler.Verify.class)
class CallEventsTests {

    /** The started call's description and its failure's, the last call of the trace (the test's own included). */
    private static String lastCall(Trace tree) {
        Trace trace = tree.everything();
        TraceEvent.CallStarted started = trace.events(TraceEvent.CallStarted.class).getLast();
        TraceEvent.CallFailed failed = trace.events(TraceEvent.CallFailed.class).getLast();
        assertThat(failed.call()).isEqualTo(started.id());
        return started.describe().replaceFirst("^<[0-9.]+>", "<caller>") + " / " + failed.describe().replaceFirst("^<[0-9.]+>", "<caller>");
    }

    @Test
    void a_call_by_registry_key_to_a_dead_server_records_call_started_and_call_failed_G21() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            startSession(tree, "alice");
            Pid sessions = tree.whereis("root/sessions").orElseThrow();
            Pid alice = tree.whereis("root/sessions/alice").orElseThrow();
            tree.node().run(ctx -> DynamicSupervisor.terminateChild(ctx, sessions, alice));
            assertThat(tree.call(ServerRef.via("sessions", "alice"), "balance")).isInstanceOf(CallOutcome.NoProc.class);
            assertThat(lastCall(tree.trace())).matches("<caller> called root/sessions/alice#1 with balance \\(timeout 5000 ms\\)"
                    + " / <caller>'s call #\\d+ failed: noproc");
        }
    }

    @Test
    void a_call_by_local_name_to_a_dead_server_records_call_started_and_call_failed_G21() {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("ledger",
                ctx -> GenServer.startLink(ctx, new Account(), StartOptions.named("ledger"))).withRestart(Restart.TEMPORARY));
        try (ChaosTree tree = Trees.start(spec)) {
            tree.inject(Fault.kill("root/ledger"));
            tree.runFor(Duration.ofMillis(10));
            String failure = tree.node().run(ctx -> {
                try {
                    return "replied " + GenServer.call(ctx, ServerRef.named("ledger"), "balance");
                } catch (CallFailedException failed) {
                    return failed.cause().describe();
                }
            });
            assertThat(failure).isEqualTo("noproc");
            assertThat(lastCall(tree.trace())).matches("<caller> called root/ledger#1 with balance \\(timeout 5000 ms\\)"
                    + " / <caller>'s call #\\d+ failed: noproc");
        }
    }

    @Test
    void a_tree_call_to_a_path_whose_process_died_records_its_events() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.inject(Fault.kill("root/audit")); // temporary: not restarted
            tree.runFor(Duration.ofMillis(10));
            assertThat(tree.call("root/audit", "balance")).isEqualTo(new CallOutcome.NoProc("root/audit"));
            assertThat(lastCall(tree.trace())).matches("<caller> called root/audit#1 with balance \\(timeout 5000 ms\\)"
                    + " / <caller>'s call #\\d+ failed: noproc");
        }
    }

    @Test
    void a_call_to_itself_records_its_events() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            String failure = tree.node().run(ctx -> {
                try {
                    return "replied " + GenServer.call(ctx, ctx.self(), "balance");
                } catch (CallFailedException failed) {
                    return failed.cause().describe();
                }
            });
            assertThat(failure).isEqualTo("calling_self");
            assertThat(lastCall(tree.trace())).matches("<caller> called <[0-9.]+> with balance \\(timeout 5000 ms\\)"
                    + " / <caller>'s call #\\d+ failed: calling_self");
        }
    }
}
