package dev.cascade.runtime;

/**
 * A send was rejected because the receiver's bounded mailbox was full and its policy is
 * {@link MailboxLimit.Overflow#REJECT_TO_SENDER}: the sender's backpressure signal. Uncaught in a
 * handler, it crashes the sender, as any exception does.
 */
public final class MailboxFullException extends RuntimeException {
    private final Pid receiver;

    public MailboxFullException(Pid receiver, int capacity) {
        super("the mailbox of " + receiver + " is full (" + capacity + " messages) and rejects to the sender");
        this.receiver = receiver;
    }

    /** The process whose mailbox was full. */
    public Pid receiver() {
        return receiver;
    }
}
