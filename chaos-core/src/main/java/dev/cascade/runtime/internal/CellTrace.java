package dev.cascade.runtime.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Down;
import dev.cascade.runtime.ExitMessage;
import dev.cascade.trace.Addressee;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.Message;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.internal.Tracer;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One process's part in the trace: the event behind what it does now (its cause), the message its
 * GenServer is handling, and the events of its messages and its death. Used only on a traced node,
 * except {@link #cause}, which the chaos machinery also sets untraced (it is then just a number).
 */
final class CellTrace {
    /** The message a GenServer is handling: its envelope and when it was taken. */
    private record InHand(Envelope envelope, long since) {}

    private final ProcessCell cell;
    private long cause;
    private boolean handleNext;
    // Written by the process's own thread, taken by whichever thread ends it.
    private final AtomicReference<InHand> inHand = new AtomicReference<>();

    CellTrace(ProcessCell cell) {
        this.cell = cell;
    }

    long cause() {
        return cause;
    }

    void causedBy(long eventId) {
        cause = eventId;
    }

    private Tracer tracer() {
        return cell.kernel().tracer();
    }

    /**
     * Records the {@code Sent} event of {@code message} to {@code to}, which it never reaches (a name
     * that resolves to no process); its id, or 0 when not tracing.
     */
    long sentNowhere(Addressee to, Object message) {
        Tracer tracer = tracer();
        if (tracer == null) {
            return 0;
        }
        ProcessId from = cell.traceId();
        OptionalLong because = TraceEvent.causeOf(cause);
        Message shown = Message.of(message);
        return tracer.record((eventId, at) -> new TraceEvent.Sent(eventId, at, because, from, to, shown));
    }

    /** Wraps {@code message} in a traced envelope, recording its {@code Sent} event; as is when not tracing. */
    Object envelope(Pid to, ProcessCell target, Object message) {
        Tracer tracer = tracer();
        if (tracer == null) {
            return message;
        }
        ProcessId from = cell.traceId();
        ProcessId receiver = target == null ? ProcessId.outside(to) : target.traceId();
        OptionalLong because = TraceEvent.causeOf(cause);
        Message shown = Message.of(message);
        long id = tracer.record((eventId, at) -> new TraceEvent.Sent(eventId, at, because, from, receiver, shown));
        return new Envelope(message, id, from, shown);
    }

    /** A message a signal makes for this process (an 'EXIT', a DOWN), traced as sent by {@code from}. */
    Object signalEnvelope(Object message, Pid from, long because) {
        Tracer tracer = tracer();
        if (tracer == null) {
            return message;
        }
        ProcessCell senderCell = cell.kernel().cell(from);
        ProcessId sender = senderCell == null ? tracer.nameOf(from) : senderCell.traceId();
        ProcessId me = cell.traceId();
        Message shown = switch (message) {
            case ExitMessage exit -> Message.exit(exit, sender, exit.reason());
            case Down down -> Message.down(down, sender, down.reason());
            default -> Message.of(message);
        };
        long id = tracer.record((eventId, at) -> new TraceEvent.Sent(eventId, at, TraceEvent.causeOf(because), sender, me, shown));
        return new Envelope(message, id, sender, shown);
    }

    /**
     * A copy of a queued entry for {@code to}, traced as a second {@code Sent} of the same message
     * (caused by the original), so accounting counts both copies.
     */
    Object duplicate(Pid to, Object entry) {
        Tracer tracer = tracer();
        if (tracer == null || !(entry instanceof Envelope original)) {
            return entry;
        }
        ProcessCell target = cell.kernel().cell(to);
        ProcessId receiver = target == null ? ProcessId.outside(to) : target.traceId();
        long id = tracer.record((eventId, at) -> new TraceEvent.Sent(eventId, at, OptionalLong.of(original.id()),
                original.from(), receiver, original.shown()));
        return new Envelope(original.message(), id, original.from(), original.shown());
    }

    /** Inside the mailbox, under its lock: what happened to a queued message. */
    void traced(Envelope envelope, Mailbox.Fate fate) {
        Tracer tracer = tracer();
        ProcessId me = cell.traceId();
        switch (fate) {
            case DELIVERED -> tracer.record((id, at) -> new TraceEvent.Delivered(id, at, OptionalLong.of(envelope.id()),
                    envelope.id(), me));
            case EVICTED -> tracer.record((id, at) -> new TraceEvent.MessageDropped(id, at, OptionalLong.of(envelope.id()),
                    envelope.id(), me, DropReason.DROPPED_OLDEST));
            case FLUSHED -> tracer.record((id, at) -> new TraceEvent.Handled(id, at, OptionalLong.of(envelope.id()),
                    envelope.id(), me, Duration.ZERO, false));
        }
    }

    /** The next message taken is a GenServer's to handle (until {@link #handledDone}). */
    void handleNext(boolean next) {
        handleNext = next;
    }

    /** The process took {@code envelope}: its cause from now on; handled at once, or in hand for a GenServer. */
    Object took(Envelope envelope) {
        cause = envelope.id();
        if (handleNext) {
            handleNext = false;
            inHand.set(new InHand(envelope, cell.kernel().scheduler().nanoTime()));
        } else {
            ProcessId me = cell.traceId();
            tracer().record((id, at) -> new TraceEvent.Handled(id, at, OptionalLong.of(envelope.id()), envelope.id(), me,
                    Duration.ZERO, false));
        }
        return envelope.message();
    }

    /** 1 while a GenServer handles a message it took, else 0. */
    int inHand() {
        return inHand.get() == null ? 0 : 1;
    }

    void handledDone() {
        InHand hand = inHand.getAndSet(null);
        if (hand != null) {
            handled(tracer(), hand, false);
        }
    }

    /** Traces a death: the message it was handling, its exit, then each message lost with it; the exit's id. */
    long death(Tracer tracer, ExitReason reason, long because, List<Object> unhandled) {
        ProcessId me = cell.traceId();
        InHand handlingNow = inHand.getAndSet(null);
        if (handlingNow != null) {
            handled(tracer, handlingNow, true);
        }
        tracer.died(cell.pid(), me);
        long exited = tracer.record((id, at) -> new TraceEvent.Exited(id, at, TraceEvent.causeOf(because), me, reason));
        for (Object entry : unhandled) {
            if (entry instanceof Envelope envelope) {
                tracer.record((id, at) -> new TraceEvent.MessageLost(id, at, OptionalLong.of(exited), envelope.id(), me,
                        envelope.from()));
            }
        }
        return exited;
    }

    private void handled(Tracer tracer, InHand hand, boolean died) {
        ProcessId me = cell.traceId();
        Envelope envelope = hand.envelope();
        tracer.record((id, at) -> new TraceEvent.Handled(id, at, OptionalLong.of(envelope.id()), envelope.id(), me,
                Duration.ofNanos(at - hand.since()), died));
    }
}
