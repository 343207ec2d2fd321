package dev.cascade.scenario.internal;

import dev.cascade.chaos.Fault;
import dev.cascade.chaos.FaultLedger;
import dev.cascade.runtime.Pid;
import dev.cascade.scenario.OutcomeEvent;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.TreeShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An outcome's events and {@code final} as a view of a run's trace (scenario-format.md, Outcome):
 * the starts, ignored and failed starts, and ends of the static tree's paths, and the faults that
 * found no live target when they fired, with times in ms since fault time zero, in the canonical
 * order. Not API: {@link dev.cascade.scenario.Outcome#of} is.
 */
public final class TraceOutcome {
    /** What a trace makes of an outcome. */
    public record View(List<OutcomeEvent> events, Map<String, Integer> finals) {}

    private final Set<String> supervisors = new HashSet<>();
    private final FaultLedger ledger;
    private final long zeroNanos;
    private final List<OutcomeEvent> events = new ArrayList<>();
    private final Map<Pid, ProcessId.Incarnation> alive = new HashMap<>();
    private final Map<Pid, TraceEvent.Exited> endedBeforeStarted = new HashMap<>();

    private TraceOutcome(TreeShape shape, FaultLedger ledger, long zeroNanos) {
        shape.nodes().stream().filter(node -> !(node instanceof TreeShape.Worker)).forEach(node -> supervisors.add(node.path()));
        this.ledger = ledger;
        this.zeroNanos = zeroNanos;
    }

    /**
     * The outcome view of {@code trace}, a trace taken at the end of the settle time, before the tree
     * is stopped.
     *
     * @param shape     the static tree: its paths (in order) are the outcome's, its supervisors end
     *                  with {@code supervisor_terminated}
     * @param ledger    the run's fault ledger: a skipped fault that acts at once (raise, stop, exit
     *                  signal, kill, flood) is a {@code fault_skipped} event
     * @param zeroNanos fault time zero on the trace's clock
     */
    public static View of(Trace trace, TreeShape shape, FaultLedger ledger, long zeroNanos) {
        TraceOutcome view = new TraceOutcome(shape, ledger, zeroNanos);
        trace.events().forEach(view::add);
        Map<String, Integer> finals = new LinkedHashMap<>();
        List<String> paths = shape.paths();
        paths.forEach(path -> finals.put(path, null));
        view.alive.values().forEach(incarnation -> finals.replace(incarnation.treePath(), incarnation.number()));
        return new View(CanonicalOrder.apply(view.events, paths), finals);
    }

    private void add(TraceEvent event) {
        switch (event) {
            case TraceEvent.Started started -> {
                ProcessId.Incarnation process = started.process();
                add(new OutcomeEvent.Started(process.treePath(), process.number(), at(started)));
                TraceEvent.Exited early = endedBeforeStarted.remove(process.pid());
                if (early == null) {
                    alive.put(process.pid(), process);
                } else {
                    ended(process, early); // it ended before its start was recorded: its end comes right after its start
                }
            }
            case TraceEvent.StartFailed failed -> add(new OutcomeEvent.StartFailed(failed.path(), Spelling.of(failed.reason()), at(failed)));
            case TraceEvent.StartIgnored ignored -> add(new OutcomeEvent.Ignored(ignored.path(), at(ignored)));
            case TraceEvent.Exited exited -> {
                ProcessId.Incarnation ended = alive.remove(exited.process().pid());
                if (ended != null) {
                    ended(ended, exited);
                } else if (exited.process().inTree()) {
                    // On the real scheduler a fault can end a new incarnation before its start is recorded: its end
                    // comes right after its start. Any other (a failed start) never gets a start and stays unrecorded.
                    endedBeforeStarted.put(exited.process().pid(), exited);
                }
            }
            case TraceEvent.FaultSkipped skipped when actsAtOnce(skipped.fault()) && skipped.path().isPresent() ->
                    add(new OutcomeEvent.FaultSkipped(skipped.path().get(), at(skipped)));
            default -> { }
        }
    }

    private void ended(ProcessId.Incarnation process, TraceEvent.Exited exited) {
        String reason = Spelling.of(exited.reason());
        OptionalLong when = at(exited);
        add(supervisors.contains(process.treePath()) // a set, not the shape's linear search: once per exit
                ? new OutcomeEvent.SupervisorTerminated(process.treePath(), process.number(), reason, when)
                : new OutcomeEvent.Exited(process.treePath(), process.number(), reason, when));
    }

    private boolean actsAtOnce(int number) {
        if (number < 1 || number > ledger.entries().size()) {
            return false;
        }
        return switch (ledger.entry(number).fault()) {
            case Fault.Raise r -> true;
            case Fault.Stop s -> true;
            case Fault.ExitSignal e -> true;
            case Fault.Kill k -> true;
            case Fault.Flood f -> true;
            default -> false;
        };
    }

    private OptionalLong at(TraceEvent event) {
        return OptionalLong.of(Math.floorDiv(event.atNanos() - zeroNanos, 1_000_000L));
    }

    private void add(OutcomeEvent event) {
        events.add(event);
    }
}
