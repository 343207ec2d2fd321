package dev.cascade.chaos;

import dev.cascade.conformance.TestScheduler;
import dev.cascade.genserver.GenServer;
import dev.cascade.genserver.StartOptions;
import dev.cascade.runtime.CallFailedException;
import dev.cascade.runtime.ServerRef;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.Restart;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.Addressee;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.cascade.chaos.TreeCallTests.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call, cast or send from inside a process to a name no process ever held leaves its events, so
 * that the failure can be explained from the trace: a call fails at once with {@code noproc} without
 * sending anything (G21) and is traced as started and failed against the name; a cast always returns
 * (G23) and is traced as sent to the name and dropped ({@code no_process}); a send raises badarg, as
 * {@code Name ! Msg} does, and is traced the same way. On both schedulers (TestScheduler).
 */
@ExtendWith(TestScheduler.Verify.class)
class UnknownNameEventsTests {

    private static String failure(ChaosTree tree, ServerRef name) {
        return tree.node().run(ctx -> {
            try {
                return "replied " + GenServer.call(ctx, name, "balance");
            } catch (CallFailedException failed) {
                return failed.cause().describe();
            }
        });
    }

    @Test
    void a_call_to_a_local_name_never_registered_records_call_started_and_call_failed_noproc_G21() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            assertThat(failure(tree, ServerRef.named("ledgr"))).isEqualTo("noproc");

            Trace trace = tree.trace().everything();
            TraceEvent.CallStarted started = trace.events(TraceEvent.CallStarted.class).getLast();
            TraceEvent.CallFailed failed = trace.events(TraceEvent.CallFailed.class).getLast();
            assertThat(started.callee()).isEqualTo(new Addressee.Unheld("ledgr"));
            assertThat(failed.call()).isEqualTo(started.id());
            assertThat(failed.reason().describe()).isEqualTo("noproc");
            assertThat(trace.explain(failed).text()).isEqualTo(failed.caller() + "'s call to ledgr (never registered) with balance"
                    + " failed: noproc");
        }
    }

    @Test
    void a_call_to_a_registry_key_never_held_records_its_events_against_the_key_G21() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            assertThat(failure(tree, ServerRef.via("sessions", "alcie"))).isEqualTo("noproc");

            TraceEvent.CallStarted started = tree.trace().everything().events(TraceEvent.CallStarted.class).getLast();
            assertThat(started.describe()).matches("<[0-9.]+> called via\\(sessions, alcie\\) \\(never registered\\) with balance"
                    + " \\(timeout 5000 ms\\)");
        }
    }

    @Test
    void a_cast_to_a_name_never_registered_returns_and_is_traced_as_sent_and_dropped_no_process_G23() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            tree.node().run(ctx -> {
                GenServer.cast(ctx, ServerRef.named("ledgr"), "deposit"); // never fails, as gen_server:cast
                return null;
            });

            Trace trace = tree.trace().everything();
            TraceEvent.MessageDropped dropped = trace.events(TraceEvent.MessageDropped.class).getLast();
            assertThat(dropped.to()).isEqualTo(new Addressee.Unheld("ledgr"));
            assertThat(dropped.reason()).isEqualTo(DropReason.NO_PROCESS);
            TraceEvent.Sent sent = (TraceEvent.Sent) trace.event(dropped.message()).orElseThrow();
            assertThat(sent.to()).isEqualTo(new Addressee.Unheld("ledgr"));
            assertThat(trace.explain(dropped).text()).isEqualTo(sent.from() + " sent cast deposit to ledgr (never registered):"
                    + " dropped (no_process)");
            assertThat(trace.accountingByProcess().values()).allMatch(counts -> counts.sent()
                    == counts.handled() + counts.dropped() + counts.lost() + counts.queued());
        }
    }

    @Test
    void a_send_to_a_name_never_registered_raises_badarg_and_is_traced_as_dropped() {
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            String raised = tree.node().run(ctx -> {
                try {
                    ctx.send(ServerRef.named("ledgr"), "tick");
                    return "sent";
                } catch (IllegalArgumentException badarg) {
                    return badarg.getMessage();
                }
            });

            assertThat(raised).isEqualTo("badarg: no process is registered as \"ledgr\"");
            TraceEvent.MessageDropped dropped = tree.trace().everything().events(TraceEvent.MessageDropped.class).getLast();
            assertThat(dropped.describe()).matches("message #\\d+ to ledgr \\(never registered\\) dropped \\(no_process\\)");
        }
    }

    @Test
    void a_cast_to_a_name_whose_holder_died_is_traced_as_sent_to_that_process_and_dropped() {
        SupervisorSpec spec = SupervisorSpec.oneForOne().withChild(ChildSpec.worker("ledger",
                ctx -> GenServer.startLink(ctx, new Account(), StartOptions.named("ledger"))).withRestart(Restart.TEMPORARY));
        try (ChaosTree tree = Trees.start(spec)) {
            tree.inject(Fault.kill("root/ledger"));
            tree.runFor(Duration.ofMillis(10));
            tree.node().run(ctx -> {
                GenServer.cast(ctx, ServerRef.named("ledger"), "deposit");
                return null;
            });

            TraceEvent.MessageDropped dropped = tree.trace().everything().events(TraceEvent.MessageDropped.class).getLast();
            assertThat(dropped.describe()).matches("message #\\d+ to root/ledger#1 dropped \\(no_process\\)");
        }
    }

    @Test
    void the_events_of_a_name_never_registered_are_written_to_the_trace_file_and_read_back(@TempDir Path dir) {
        TraceRecord record;
        try (ChaosTree tree = Trees.start(PAYMENTS)) {
            failure(tree, ServerRef.named("ledgr"));
            tree.node().run(ctx -> {
                GenServer.cast(ctx, ServerRef.via("sessions", "zed"), "deposit");
                return null;
            });
            record = TraceRecord.of("unknown-names", tree, PAYMENTS);
        }
        Path file = dir.resolve("unknown-names.trace.json");
        TraceFile.write(record, file);

        Trace read = TraceFile.read(file).trace();
        assertThat(read.events(TraceEvent.CallStarted.class)).extracting(TraceEvent.CallStarted::callee)
                .contains(new Addressee.Unheld("ledgr"));
        assertThat(read.events(TraceEvent.MessageDropped.class)).extracting(TraceEvent.MessageDropped::to)
                .contains(new Addressee.Unheld("via(sessions, zed)"));
    }
}
