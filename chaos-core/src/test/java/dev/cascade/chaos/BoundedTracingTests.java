package dev.cascade.chaos;

import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Tracing;
import dev.cascade.simulation.SimulatedScheduler;
import dev.cascade.supervisor.ChildSpec;
import dev.cascade.supervisor.SupervisorSpec;
import dev.cascade.trace.LeftOut;
import dev.cascade.trace.SchedulerInfo;
import dev.cascade.trace.Trace;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TraceFile;
import dev.cascade.trace.TraceRecord;
import dev.cascade.trace.TreeShape;
import dev.cascade.trace.internal.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bounded trace keeps every lifecycle, fault and loss event and the last n routine message events
 * of each process, says what it left out, and keeps the accounting exact: compared here with the
 * full trace of the same simulated run.
 */
class BoundedTracingTests {
    private static final int LAST = 10;
    private static final Set<Class<?>> ROUTINE = Set.of(TraceEvent.Sent.class, TraceEvent.Delivered.class,
            TraceEvent.Handled.class, TraceEvent.CallStarted.class, TraceEvent.CallReplied.class, TraceEvent.CallTimedOut.class,
            TraceEvent.CallFailed.class, TraceEvent.UserCall.class);

    private static SupervisorSpec spec(Worker.Journal journal) {
        return SupervisorSpec.oneForOne().withChild(ChildSpec.worker("w", () -> new Worker(journal)))
                .withChild(ChildSpec.worker("v", () -> new Worker(journal)));
    }

    /** A run with floods (routine events), a kill amid a flood (losses) and a restart. */
    private static Trace run(Tracing tracing) {
        try (ChaosTree tree = ChaosTree.builder(spec(new Worker.Journal())).scheduler(SimulatedScheduler.withSeed(5))
                .tracing(tracing).start()) {
            tree.apply(FaultPlan.builder()
                    .at(Duration.ofMillis(10), Fault.flood("root/w", 200, Worker.Hop::new))
                    .at(Duration.ofMillis(10), Fault.kill("root/w"))
                    .at(Duration.ofMillis(50), Fault.flood("root/v", 100, Worker.Hop::new).atRate(Duration.ofMillis(1)))
                    .build());
            tree.runFor(Duration.ofSeconds(1));
            return tree.trace();
        }
    }

    private static Pid owner(TraceEvent event) {
        return switch (event) {
            case TraceEvent.Sent e -> e.to() instanceof ProcessId to ? to.pid() : e.from().pid(); // to a name: the sender's
            case TraceEvent.Delivered e -> e.to().pid();
            case TraceEvent.Handled e -> e.by().pid();
            case TraceEvent.CallStarted e -> e.caller().pid();
            case TraceEvent.CallReplied e -> e.caller().pid();
            case TraceEvent.CallTimedOut e -> e.caller().pid();
            case TraceEvent.CallFailed e -> e.caller().pid();
            case TraceEvent.UserCall e -> e.process().pid();
            default -> throw new AssertionError("not routine: " + event);
        };
    }

    @Test
    void a_bounded_trace_keeps_every_lifecycle_fault_and_loss_event_and_the_last_events_of_each_process() {
        Trace full = run(Tracing.ON);
        Trace bounded = run(Tracing.bounded(LAST));

        List<TraceEvent> telling = full.events().stream().filter(event -> !ROUTINE.contains(event.getClass())).toList();
        assertThat(telling).hasAtLeastOneElementOfType(TraceEvent.MessageLost.class)
                .hasAtLeastOneElementOfType(TraceEvent.RestartDecided.class).hasAtLeastOneElementOfType(TraceEvent.FaultFired.class);
        assertThat(bounded.events().stream().filter(event -> !ROUTINE.contains(event.getClass())).toList())
                .containsExactlyElementsOf(telling);
        Map<Pid, List<TraceEvent>> fullByOwner = new HashMap<>();
        full.events().stream().filter(event -> ROUTINE.contains(event.getClass()))
                .forEach(event -> fullByOwner.computeIfAbsent(owner(event), pid -> new java.util.ArrayList<>()).add(event));
        fullByOwner.forEach((pid, events) -> assertThat(bounded.events().stream()
                .filter(event -> ROUTINE.contains(event.getClass()) && owner(event).equals(pid)).toList())
                .as("the routine events of %s", pid)
                .containsExactlyElementsOf(events.subList(Math.max(0, events.size() - LAST), events.size())));
        assertThat(fullByOwner.values()).anySatisfy(events -> assertThat(events).hasSizeGreaterThan(LAST));
    }

    @Test
    void a_bounded_trace_says_how_many_events_of_each_type_it_left_out_and_keeps_the_accounting_exact() {
        Trace full = run(Tracing.ON);
        Trace bounded = run(Tracing.bounded(LAST));

        Map<String, Long> missing = new LinkedHashMap<>();
        full.events().stream().filter(event -> bounded.event(event.id()).isEmpty())
                .forEach(event -> missing.merge(EventTypes.of(event), 1L, Long::sum));
        assertThat(bounded.leftOut()).isEqualTo(new LeftOut(full.events().size() - bounded.events().size(), missing));
        assertThat(bounded.leftOut().events()).isGreaterThan(400);
        assertThat(bounded.accounting()).isEqualTo(full.accounting());
        assertThat(bounded.accounting().balanced()).isTrue();
        assertThat(bounded.accountingByPath()).isEqualTo(full.accountingByPath());
        assertThat(full.leftOut()).isEqualTo(LeftOut.NOTHING);
    }

    @Test
    void a_bounded_trace_explains_a_lost_message_as_the_full_trace_does_and_is_read_back_equal() throws IOException {
        Trace full = run(Tracing.ON);
        Trace bounded = run(Tracing.bounded(LAST));
        TraceEvent.MessageLost lost = bounded.events(TraceEvent.MessageLost.class).getLast();

        assertThat(bounded.explain(lost).text()).isEqualTo(full.explain(lost).text()).contains("lost in root/w#1");
        TraceRecord record = new TraceRecord("bounded", SchedulerInfo.of(SimulatedScheduler.withSeed(5)),
                TreeShape.of("root", spec(new Worker.Journal())), bounded, List.of());
        StringWriter out = new StringWriter();
        TraceFile.write(record, out);
        assertThat(TraceFile.read(new StringReader(out.toString()))).isEqualTo(record);
        assertThat(out.toString()).contains("\"left_out\": {", "\"events\": " + bounded.leftOut().events());
    }

    @Test
    void a_budget_below_one_event_per_process_is_refused_with_what_to_do() {
        assertThatThrownBy(() -> Tracing.bounded(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bounded trace keeps at least 1 event per process but was asked for 0; use Tracing.OFF for no trace");
        assertThat(Tracing.bounded(5)).hasToString("bounded(5)").isEqualTo(Tracing.bounded(5));
        assertThat(Tracing.ON.records()).isTrue();
        assertThat(Tracing.OFF.records()).isFalse();
    }
}
