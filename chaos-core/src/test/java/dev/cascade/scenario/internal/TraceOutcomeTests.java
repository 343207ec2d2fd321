package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TreeShape;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome's events and final state as a view of a trace, built here event by event. */
class TraceOutcomeTests {
    private static final OptionalLong ROOT = OptionalLong.empty();
    private static final long MS = 1_000_000L;

    private final List<TraceEvent> events = new ArrayList<>();

    private long add(LongFunction<TraceEvent> maker) {
        long id = events.size() + 1L;
        events.add(maker.apply(id));
        return id;
    }

    private static TreeShape shape() {
        return TreeShape.of("root", SupervisorSpec.oneForOne()
                .withChild(ChildSpec.supervisor("sub", SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w", ctx -> null))))
                .withChild(ChildSpec.worker("db", ctx -> null)));
    }

    private static ProcessId.Incarnation at(long pid, String path, int number) {
        return ProcessId.incarnation(new Pid(pid), path, number);
    }

    @Test
    void starts_ends_and_ignored_starts_become_outcome_events_with_times_since_fault_time_zero_and_supervisors_terminate() {
        add(id -> new TraceEvent.Started(id, 0, ROOT, at(3, "root/sub/w", 1)));
        add(id -> new TraceEvent.Started(id, 0, ROOT, at(2, "root/sub", 1)));
        add(id -> new TraceEvent.StartIgnored(id, 0, ROOT, "root/db"));
        add(id -> new TraceEvent.Started(id, 0, ROOT, at(1, "root", 1)));
        add(id -> new TraceEvent.Exited(id, 15 * MS, ROOT, ProcessId.outside(new Pid(9)), ExitReason.NORMAL)); // not in the tree
        add(id -> new TraceEvent.Exited(id, 20 * MS, ROOT, at(2, "root/sub", 1), ExitReason.KILLED));

        TraceOutcome.View view = TraceOutcome.of(new Trace(events, Map.of()), shape(), new FaultLedger(List.of()), 10 * MS);

        assertThat(view.events()).containsExactly(
                new OutcomeEvent.Started("root/sub/w", 1, OptionalLong.of(-10)),
                new OutcomeEvent.Started("root/sub", 1, OptionalLong.of(-10)),
                new OutcomeEvent.Ignored("root/db", OptionalLong.of(-10)),
                new OutcomeEvent.Started("root", 1, OptionalLong.of(-10)),
                new OutcomeEvent.SupervisorTerminated("root/sub", 1, "killed", OptionalLong.of(10)));
        Map<String, Integer> finals = new LinkedHashMap<>();
        finals.put("root", 1);
        finals.put("root/sub", null);
        finals.put("root/sub/w", 1);
        finals.put("root/db", null);
        assertThat(view.finals()).containsExactlyEntriesOf(finals);
    }

    @Test
    void an_incarnation_that_ended_before_its_start_was_recorded_ends_right_after_its_start() {
        add(id -> new TraceEvent.Exited(id, 0, ROOT, ProcessId.starting(new Pid(4), "root/db"), ExitReason.KILLED));
        add(id -> new TraceEvent.Started(id, 0, ROOT, at(4, "root/db", 2)));
        add(id -> new TraceEvent.Exited(id, 0, ROOT, ProcessId.starting(new Pid(5), "root/db"), ExitReason.custom("init_failed")));

        TraceOutcome.View view = TraceOutcome.of(new Trace(events, Map.of()), shape(), new FaultLedger(List.of()), 0);

        assertThat(view.events()).extracting(OutcomeEvent::withoutTime).containsExactly(
                new OutcomeEvent.Started("root/db", 2, OptionalLong.empty()),
                new OutcomeEvent.Exited("root/db", 2, "killed", OptionalLong.empty()));
        assertThat(view.finals().get("root/db")).isNull();
    }

    @Test
    void only_a_fault_that_acts_at_once_and_found_no_target_is_a_fault_skipped_event_and_a_failed_call_is_spelled_call() {
        FaultLedger ledger = new FaultLedger(List.of(
                new LedgerEntry(1, Duration.ZERO, Fault.kill("root/db"), LedgerEntry.Status.SKIPPED, List.of(), "no live process"),
                new LedgerEntry(2, Duration.ZERO, Fault.drop("root/sub", "root/db", Duration.ofSeconds(1)),
                        LedgerEntry.Status.SKIPPED, List.of(), "no message")));
        add(id -> new TraceEvent.Started(id, 0, ROOT, at(4, "root/db", 1)));
        add(id -> new TraceEvent.FaultSkipped(id, 0, ROOT, 1, "kill root/db", Optional.of("root/db"), "no live process"));
        add(id -> new TraceEvent.FaultSkipped(id, 0, ROOT, 2, "drop root/sub -> root/db", Optional.of("root/db"), "no message"));
        add(id -> new TraceEvent.Exited(id, 0, ROOT, at(4, "root/db", 1),
                new ExitReason.CallFailed(ExitReason.KILLED, "call to root/sub")));

        TraceOutcome.View view = TraceOutcome.of(new Trace(events, Map.of()), shape(), ledger, 0);

        assertThat(view.events()).extracting(OutcomeEvent::withoutTime).containsExactly(
                new OutcomeEvent.Started("root/db", 1, OptionalLong.empty()),
                new OutcomeEvent.FaultSkipped("root/db", OptionalLong.empty()),
                new OutcomeEvent.Exited("root/db", 1, "call:killed", OptionalLong.empty()));
    }
}
