package dev.cascade.runtime;

import java.util.Objects;

/**
 * How many ordinary messages a process's mailbox holds, and what happens to one more. Unbounded by
 * default, as in Erlang. The bound counts what processes send each other (sends, casts, call
 * requests); exit messages, DOWNs, call replies and start acknowledgements are signals of the
 * runtime and always get in, so a full mailbox never breaks a supervisor or a call in progress.
 *
 * <pre>{@code
 * GenServer.startLink(ctx, new Ingest(), StartOptions.DEFAULT.withMailbox(MailboxLimit.of(100, Overflow.DROP_OLDEST)));
 * }</pre>
 *
 * @param capacity at most this many ordinary messages queued ({@code >= 1}); {@link Integer#MAX_VALUE} is unbounded
 * @param overflow what a message that finds the mailbox full causes
 */
public record MailboxLimit(int capacity, Overflow overflow) {
    /** Erlang's mailbox: no bound. */
    public static final MailboxLimit UNBOUNDED = new MailboxLimit(Integer.MAX_VALUE, Overflow.DROP_NEWEST);

    /** What a message that finds a bounded mailbox full causes. Every outcome is traced. */
    public enum Overflow {
        /** The sender's send (or cast, or call) throws {@link MailboxFullException}; the message is dropped. */
        REJECT_TO_SENDER,
        /** The new message is dropped; the sender carries on unaware. */
        DROP_NEWEST,
        /** The oldest ordinary message is dropped to make room for the new one. */
        DROP_OLDEST,
        /** The receiver is killed with reason {@code mailbox_overflow}; everything it had queued is lost with it. */
        CRASH_RECEIVER
    }

    /** The exit reason of a receiver ended by {@link Overflow#CRASH_RECEIVER}. */
    public static final ExitReason OVERFLOW_REASON = ExitReason.custom("mailbox_overflow");

    public MailboxLimit {
        Objects.requireNonNull(overflow, "overflow");
        if (capacity < 1) {
            throw new IllegalArgumentException("a mailbox capacity must be >= 1 but was " + capacity
                    + "; use MailboxLimit.UNBOUNDED for no bound");
        }
    }

    /** At most {@code capacity} ordinary messages; {@code overflow} decides about one more. */
    public static MailboxLimit of(int capacity, Overflow overflow) {
        return new MailboxLimit(capacity, overflow);
    }

    /** Whether this is a bound at all. */
    public boolean bounded() {
        return capacity != Integer.MAX_VALUE;
    }
}
