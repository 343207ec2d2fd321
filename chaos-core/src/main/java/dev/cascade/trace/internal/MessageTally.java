package dev.cascade.trace.internal;

import dev.cascade.runtime.Pid;
import dev.cascade.trace.Accounting;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one count of where each process's messages went, from events (queued is counted from the
 * processes, not from events): a message sent to a process, handled by it, dropped on its way to it,
 * or lost in its mailbox when it died. The trace counts its events with it, and so does a bounded
 * trace as it goes, over every event including those it leaves out. Not thread-safe.
 *
 * <pre>{@code
 * MessageTally tally = new MessageTally();
 * events.forEach(tally::add);
 * Map<Pid, Accounting> byProcess = tally.counted();
 * }</pre>
 */
public final class MessageTally {
    private static final int SENT = 0;
    private static final int HANDLED = 1;
    private static final int DROPPED = 2;
    private static final int LOST = 3;

    private final Map<Pid, long[]> counts = new LinkedHashMap<>();

    /** Counts {@code event} if it is one of a message's four ends; any other event is ignored. */
    public void add(TraceEvent event) {
        switch (event) {
            // a message to a name no process held has no mailbox to account in: its drop balances it
            case TraceEvent.Sent e when e.to() instanceof ProcessId to -> bump(to.pid(), SENT);
            case TraceEvent.Handled e -> bump(e.by().pid(), HANDLED);
            case TraceEvent.MessageDropped e when e.to() instanceof ProcessId to -> bump(to.pid(), DROPPED);
            case TraceEvent.MessageLost e -> bump(e.in().pid(), LOST);
            default -> { }
        }
    }

    private void bump(Pid pid, int column) {
        counts.computeIfAbsent(pid, p -> new long[4])[column]++;
    }

    /** Each process's accounting so far (queued 0), in the order its first message event came. */
    public Map<Pid, Accounting> counted() {
        Map<Pid, Accounting> counted = new LinkedHashMap<>();
        counts.forEach((pid, n) -> counted.put(pid, new Accounting(n[SENT], n[HANDLED], n[DROPPED], n[LOST], 0)));
        return counted;
    }
}
