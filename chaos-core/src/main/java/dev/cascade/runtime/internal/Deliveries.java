package dev.cascade.runtime.internal;

import dev.cascade.runtime.ExitReason;
import dev.cascade.runtime.MailboxFullException;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.ServerRef;
import dev.cascade.trace.Addressee;
import dev.cascade.trace.DropReason;
import dev.cascade.trace.ProcessId;
import dev.cascade.trace.TraceEvent;
import dev.cascade.trace.internal.Tracer;

import java.util.Optional;

/**
 * How a message gets from its sender into its receiver's mailbox (sent by a process, or held back
 * by a fault and delivered later), and what happens to one that did not simply get in; and how a
 * process's exit signal reaches its target. The sender holds its {@link Liveness} while it
 * delivers (see the locking in {@link ProcessCell}).
 */
public final class Deliveries {
    private Deliveries() {}

    /**
     * Delivers {@code message} from {@code from}, on its own thread, in order with its other signals
     * (P8). A bounded mailbox that rejects makes this throw {@link MailboxFullException}.
     */
    public static void send(ProcessCell from, Pid to, Object message) {
        deliver(from, to, NO_ALIAS, message);
    }

    /** Delivers a reply from {@code from} to an alias: dropped unless the alias is still active (late call replies, G20). */
    public static void sendToAlias(ProcessCell from, Pid to, long alias, Object message) {
        deliver(from, to, alias, message);
    }

    /** Tags ({@link Kernel#newTag}) start at 1: no reply is sent to alias 0. */
    private static final long NO_ALIAS = 0;

    private static void deliver(ProcessCell from, Pid to, long alias, Object message) {
        ProcessCell target = cellOf(from, to);
        Object entry;
        int status;
        from.liveness.enter();
        try {
            entry = from.tracing.envelope(to, target, message);
            Interventions interventions = from.kernel().interventions();
            if (interventions != null && isMessage(message) && !interventions.beforeSend(from, to, entry)) {
                return; // a fault took it: dropped, held back, or duplicated
            }
            status = target == null ? Mailbox.CLOSED
                    : alias == NO_ALIAS ? target.mailbox.offer(entry) : target.mailbox.offerIfAlias(alias, entry);
        } finally {
            from.liveness.exit();
        }
        settle(from.kernel(), to, target, entry, status, alias == NO_ALIAS); // a rejected reply does not throw at its sender
    }

    /**
     * Whether faults on a link may act on {@code message}: messages only (plain sends, casts, calls
     * and their replies), never the runtime's own protocol (start acknowledgements, system stops,
     * fault commands). Exit signals and DOWNs never come this way at all: within one node OTP never
     * loses, delays or reorders a signal, so a link fault cannot swallow a death or move a restart.
     */
    private static boolean isMessage(Object message) {
        return !(message instanceof SystemMessage) || message instanceof AliasedReply;
    }

    /**
     * The live process {@code to}, or null: the one {@code from} sent to last if it is still alive
     * (pids are never reused), which spares a lookup in the node's table when a process talks to the
     * same partner again and again (a client and its server).
     */
    private static ProcessCell cellOf(ProcessCell from, Pid to) {
        ProcessCell last = from.lastTarget;
        if (last != null && last.pid().equals(to) && last.alive()) {
            return last;
        }
        ProcessCell target = from.kernel().cell(to);
        from.lastTarget = target;
        return target;
    }

    /**
     * Delivers an exit signal from {@code from} (on its own thread) to {@code target} and carries
     * out its effect.
     */
    static void sendExit(ProcessCell from, Pid target, ExitReason reason) {
        ProcessCell cell = from.kernel().cell(target);
        if (cell == null) {
            return;
        }
        ExitReason death;
        long because = from.tracing.cause();
        from.liveness.enter();
        try {
            death = cell.connections.receiveExitSignal(from.pid(), reason, false, because);
        } finally {
            from.liveness.exit();
        }
        if (death != null) {
            cell.terminate(death, because);
        } else {
            cell.mailbox.wakeOwner();
        }
    }

    /**
     * Traces a message to {@code name}, which resolves to no process, as sent and dropped
     * ({@code no_process}): sent to the process that held the name last, or, if none ever did, to the
     * name itself. Erlang sends nothing (a cast is dropped, G23; a send raises badarg); the trace
     * keeps it, so that what became of it can be explained.
     */
    public static void unresolved(ProcessCell from, ServerRef name, Object message) {
        if (from.kernel().tracer() == null) {
            return; // nothing to record, so no addressee to look up
        }
        Addressee to = addressee(from.kernel(), name);
        dropped(from.kernel(), from.tracing.sentNowhere(to, message), to, DropReason.NO_PROCESS);
    }

    /**
     * Whom the trace names for a message or call to {@code name}, which resolves to no process now: the
     * process that held it last (dead), or the name itself if no process ever held it.
     */
    public static Addressee addressee(Kernel kernel, ServerRef name) {
        return lastHolder(kernel, name).<Addressee>map(ProcessCell::traceId).orElseGet(() -> new Addressee.Unheld(name.toString()));
    }

    /** The process that held {@code name} last, dead or alive; none for a pid or a name never held. */
    private static Optional<ProcessCell> lastHolder(Kernel kernel, ServerRef name) {
        return switch (name) {
            case Pid pid -> Optional.empty();
            case ServerRef.Name local -> kernel.lastHolder(local.name());
            case ServerRef.Via via -> ViaNames.of(kernel).lastHolder(via);
        };
    }

    /** The pid a send to {@code to} goes to; an {@link IllegalArgumentException} (badarg) if it names no process. */
    static Pid resolve(Kernel kernel, ServerRef to) {
        return switch (to) {
            case Pid p -> p;
            case ServerRef.Name n -> kernel.whereis(n.name()).orElseThrow(() -> new IllegalArgumentException(
                    "badarg: no process is registered as \"" + n.name() + "\""));
            case ServerRef.Via v -> ViaNames.of(kernel).whereis(v).orElseThrow(() -> new IllegalArgumentException(
                    "badarg: no live process is registered under key " + v.key() + " in registry \"" + v.registry() + "\""));
        };
    }

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
            dropped(kernel, messageId, target == null ? ProcessId.outside(to) : target.traceId(), reason);
        }
        if (status == Mailbox.OVERFLOWED) {
            target.terminate(MailboxLimit.OVERFLOW_REASON, messageId);
        }
        if (status == Mailbox.REJECTED && toSender) {
            throw new MailboxFullException(to, target.mailbox.limit().capacity());
        }
    }

    /** Traces that message {@code messageId} (0: untraced, nothing to do) to {@code to} was dropped. */
    public static void dropped(Kernel kernel, long messageId, Addressee to, DropReason reason) {
        Tracer tracer = kernel.tracer();
        if (tracer != null && messageId != 0) {
            tracer.record((id, at) -> new TraceEvent.MessageDropped(id, at, java.util.OptionalLong.of(messageId), messageId, to, reason));
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
