package dev.cascade.junit;

import dev.cascade.trace.Accounting;
import dev.cascade.trace.Trace;
import dev.cascade.trace.TraceEvent;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What one of the test's trees did, read from its trace in one pass: the failure block (its last crash), the run's
 * files and the result record all take it from here instead of each fetching and walking the trace again. A tree
 * that does not trace is {@link Untraced}: it has no times, counts or crash to report, rather than zeros.
 */
sealed interface TreeSeen {
    TestRun.Started started();

    default String name() {
        return started().name();
    }

    /** A tree started without tracing: only its name, root and ledger can be reported. */
    record Untraced(TestRun.Started started) implements TreeSeen {}

    /**
     * A traced tree, read from its trace.
     *
     * @param trace      the tree's trace
     * @param lastCrash  its last abnormal exit, give-up or lost message
     * @param zero       the time of its first event (0 when the trace has no events), from which offsets count
     * @param end        the time of its last event (0 when the trace has no events)
     * @param restarts   restarts (starts of an incarnation after the first) per path
     * @param giveUps    give-ups per supervisor
     * @param recovery   nanoseconds from the first fault that fired to the last restart, when the tree recovered (the
     *                   root did not give up)
     * @param byPath     message accounting per tree path
     */
    record Traced(TestRun.Started started, Trace trace, Optional<TraceEvent> lastCrash, long zero, long end,
            Map<String, Long> restarts, Map<String, Long> giveUps, OptionalLong recovery, Map<String, Accounting> byPath)
            implements TreeSeen {}

    static TreeSeen of(TestRun.Started started) {
        if (!started.tree().traced()) {
            return new Untraced(started);
        }
        Trace trace = started.tree().trace();
        Map<String, Long> restarts = new TreeMap<>();
        Map<String, Long> giveUps = new TreeMap<>();
        TraceEvent lastCrash = null;
        long firstFault = -1;
        long lastStart = -1;
        boolean rootGaveUp = false;
        for (TraceEvent event : trace.events()) {
            if (Failures.isCrash(event)) {
                lastCrash = event;
            }
            switch (event) {
                case TraceEvent.Started s when s.process().number() > 1 -> {
                    restarts.merge(s.process().treePath(), 1L, Long::sum);
                    lastStart = event.atNanos();
                }
                case TraceEvent.SupervisorGaveUp g -> {
                    giveUps.merge(g.supervisor().path().orElse(g.supervisor().toString()), 1L, Long::sum);
                    rootGaveUp |= g.supervisor().isAt(started.tree().root());
                }
                case TraceEvent.FaultFired f -> firstFault = firstFault < 0 ? event.atNanos() : firstFault;
                default -> { }
            }
        }
        long zero = trace.events().isEmpty() ? 0 : trace.events().getFirst().atNanos();
        long end = trace.events().isEmpty() ? 0 : trace.events().getLast().atNanos();
        boolean recovered = firstFault >= 0 && lastStart > firstFault && !rootGaveUp;
        return new Traced(started, trace, Optional.ofNullable(lastCrash), zero, end, restarts, giveUps,
                recovered ? OptionalLong.of(lastStart - firstFault) : OptionalLong.empty(), trace.accountingByPath());
    }
}
