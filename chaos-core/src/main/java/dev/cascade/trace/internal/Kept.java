package dev.cascade.trace.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.LeftOut;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bounded trace keeps (see {@link dev.cascade.runtime.Tracing#bounded}): every lifecycle,
 * fault and loss event, and the last {@code perProcess} routine message events of each process; it
 * counts what it leaves out, and counts every message for the accounting. Used under the tracer's
 * lock. Not API.
 */
final class Kept {
    private final int perProcess;
    private final List<TraceEvent> always = new ArrayList<>();
    private final Map<Pid, ArrayDeque<TraceEvent>> recent = new HashMap<>();
    private final Map<String, Long> leftOut = new HashMap<>();
    private long leftOutTotal;
    private final MessageTally tally = new MessageTally();

    Kept(int perProcess) {
        this.perProcess = perProcess;
    }

    void add(TraceEvent event) {
        tally.add(event);
        Pid owner = routineOwner(event);
        if (owner == null) {
            always.add(event);
            return;
        }
        ArrayDeque<TraceEvent> last = recent.computeIfAbsent(owner, pid -> new ArrayDeque<>());
        if (last.size() == perProcess) {
            leftOut.merge(EventTypes.of(last.removeFirst()), 1L, Long::sum);
            leftOutTotal++;
        }
        last.addLast(event);
    }

    /** The process whose budget a routine message event counts against; null for an event always kept. */
    private static Pid routineOwner(TraceEvent event) {
        return switch (event) {
            case TraceEvent.Sent e -> e.to() instanceof ProcessId to ? to.pid() : e.from().pid();
            case TraceEvent.Delivered e -> e.to().pid();
            case TraceEvent.Handled e -> e.by().pid();
            case TraceEvent.CallStarted e -> e.caller().pid();
            case TraceEvent.CallReplied e -> e.caller().pid();
            case TraceEvent.CallTimedOut e -> e.caller().pid();
            case TraceEvent.CallFailed e -> e.caller().pid();
            case TraceEvent.UserCall e -> e.process().pid();
            default -> null;
        };
    }

    /** The events kept, in id order. */
    List<TraceEvent> events() {
        List<TraceEvent> all = new ArrayList<>(always);
        recent.values().forEach(all::addAll);
        all.sort(Comparator.comparingLong(TraceEvent::id));
        return all;
    }

    LeftOut leftOut() {
        return new LeftOut(leftOutTotal, leftOut);
    }

    /** Each process's messages, counted over every event (queued is left to the trace). */
    Map<Pid, Accounting> counted() {
        return tally.counted();
    }
}
