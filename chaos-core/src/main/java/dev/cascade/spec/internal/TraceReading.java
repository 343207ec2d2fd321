package dev.cascade.spec.internal;

import dev.cascade.chaos.FaultLedger;
import dev.cascade.chaos.LedgerEntry;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.List;
import java.util.Optional;

/**
 * Every way the built-in specs read a trace goes through here, so a change of the trace model
 * (how causes and process names are kept) is answered in one file.
 */
public final class TraceReading {
    private TraceReading() {}

    /** The causal chain of {@code event}, its root first and {@code event} last. */
    public static List<TraceEvent> chain(Trace trace, TraceEvent event) {
        return trace.chain(event);
    }

    /** The tree path of {@code process}, if it holds one. */
    public static Optional<String> path(ProcessId process) {
        return process == null ? Optional.empty() : process.path();
    }

    /** The tree path an exit ended, if the process held one. */
    public static Optional<String> path(TraceEvent.Exited exited) {
        return path(exited.process());
    }

    /** The supervisor's path of a restart decision or a give-up. */
    public static Optional<String> supervisor(TraceEvent event) {
        return switch (event) {
            case TraceEvent.RestartDecided decided -> path(decided.supervisor());
            case TraceEvent.SupervisorGaveUp gaveUp -> path(gaveUp.supervisor());
            default -> Optional.empty();
        };
    }

    /** The ledger entry of a fired fault event. */
    public static Optional<LedgerEntry> entry(FaultLedger ledger, TraceEvent.FaultFired fired) {
        int number = fired.fault();
        return number >= 1 && number <= ledger.entries().size() ? Optional.of(ledger.entry(number)) : Optional.empty();
    }

    /** The first fired fault in {@code event}'s causal chain: the fault that caused it, if any. */
    public static Optional<TraceEvent.FaultFired> rootFault(Trace trace, TraceEvent event) {
        for (TraceEvent step : chain(trace, event)) {
            if (step instanceof TraceEvent.FaultFired fired) {
                return Optional.of(fired);
            }
        }
        return Optional.empty();
    }

    /**
     * For every event (indexed by id), the nearest event strictly before it in its causal chain that
     * {@code wanted} accepts, or null: one pass over the trace instead of a chain walk per event.
     */
    public static TraceEvent[] nearestCause(Trace trace, java.util.function.Predicate<TraceEvent> wanted) {
        List<TraceEvent> events = trace.everything().events(); // every kept id: a chain may pass outside the tree
        TraceEvent[] nearest = new TraceEvent[slots(events)];
        for (TraceEvent event : events) {
            TraceEvent cause = causeOf(trace, event);
            if (cause != null) {
                nearest[(int) event.id()] = wanted.test(cause) ? cause : nearest[(int) cause.id()];
            }
        }
        return nearest;
    }

    /**
     * For every event (indexed by id), the root-most fired fault of its causal chain (itself
     * included), or null: what {@link #rootFault} finds, for all events in one pass.
     */
    public static TraceEvent.FaultFired[] rootFaults(Trace trace) {
        List<TraceEvent> events = trace.everything().events(); // every kept id: a chain may pass outside the tree
        TraceEvent.FaultFired[] roots = new TraceEvent.FaultFired[slots(events)];
        for (TraceEvent event : events) {
            TraceEvent cause = causeOf(trace, event);
            TraceEvent.FaultFired above = cause == null ? null : roots[(int) cause.id()];
            roots[(int) event.id()] = above != null ? above : event instanceof TraceEvent.FaultFired fired ? fired : null;
        }
        return roots;
    }

    /** One slot per id: a bounded trace leaves events out without renumbering, so ids may exceed the count. */
    private static int slots(List<TraceEvent> events) {
        return events.isEmpty() ? 1 : (int) events.getLast().id() + 1;
    }

    /** The event that caused {@code event}, if the trace recorded one. */
    public static Optional<TraceEvent> cause(Trace trace, TraceEvent event) {
        return trace.cause(event).filter(cause -> cause.id() < event.id());
    }

    private static TraceEvent causeOf(Trace trace, TraceEvent event) {
        return cause(trace, event).orElse(null);
    }

    /** The readable cascade that led to {@code event}. */
    public static String explain(Trace trace, TraceEvent event) {
        return trace.explain(event).text();
    }
}
