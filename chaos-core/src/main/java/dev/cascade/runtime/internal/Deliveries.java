package dev.cascade.runtime.internal;

import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Pid;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.internal.Tracer;

/** What happens to a message that did not simply get into its receiver's mailbox. */
public final class Deliveries {
    private Deliveries() {}

    /**
     * Queues an entry that a fault held back (or copied) now, from whatever thread: the message was
     * sent, and traced as sent, earlier. A full mailbox that rejects drops it (the sender is gone).
     */
    public static void deliverHeld(Kernel kernel, Pid to, Object entry) {
        ProcessCell target = kernel.cell(to);
        int status;
        if (target == null) {
            status = Mailbox.CLOSED;
        } else if (Envelope.payload(entry) instanceof AliasedReply reply) {
            status = target.mailbox.offerIfAlias(reply.alias(), entry); // a held reply to a call that ended is late
        } else {
            status = target.mailbox.offer(entry);
        }
        settle(kernel, to, target, entry, status, false);
    }

    /** Traces a message that did not get in, and carries out what the receiver's overflow policy asks. */
    static void settle(Kernel kernel, Pid to, ProcessCell target, Object entry, int status, boolean toSender) {
        if (status == Mailbox.DELIVERED) {
            return;
        }
        long messageId = messageId(entry);
        DropReason reason = switch (status) {
            case Mailbox.CLOSED -> DropReason.NO_PROCESS;
            case Mailbox.REJECTED -> DropReason.REJECTED_FULL;
            case Mailbox.DROPPED_NEWEST -> DropReason.DROPPED_NEWEST;
            case Mailbox.LATE -> DropReason.LATE_REPLY;
            default -> null; // OVERFLOWED: it is queued, and lost with the receiver
        };
        if (reason != null) {
            dropped(kernel, messageId, target == null ? ProcessId.of(to) : target.traceId(), reason);
        }
        if (status == Mailbox.OVERFLOWED) {
            target.terminate(MailboxLimit.OVERFLOW_REASON, messageId);
        }
        if (status == Mailbox.REJECTED && toSender) {
            throw new MailboxFullException(to, target.mailbox.limit().capacity());
        }
    }

    /** Traces that message {@code messageId} (0: untraced, nothing to do) to {@code to} was dropped. */
    public static void dropped(Kernel kernel, long messageId, ProcessId to, DropReason reason) {
        Tracer tracer = kernel.tracer();
        if (tracer != null && messageId != 0) {
            tracer.record((id, at) -> new TraceEvent.MessageDropped(id, at, messageId, messageId, to, reason));
        }
    }

    /** The trace id of a queued entry's message (its {@code Sent} event), or 0 untraced. */
    public static long messageId(Object entry) {
        return entry instanceof Envelope envelope ? envelope.id() : 0;
    }

    /** The message inside a queued entry (an envelope on a traced node). */
    public static Object payload(Object entry) {
        return Envelope.payload(entry);
    }
}
