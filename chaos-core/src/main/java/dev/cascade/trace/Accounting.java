package dev.cascade.trace;

/**
 * Where the messages sent to a process (or a path, or a whole run) went. Every message is in exactly
 * one place, so {@code sent == handled + dropped + lost + queued} holds for a correct runtime; the
 * trace counts the first four from its events and {@code queued} from the processes themselves (their
 * mailboxes, the message a GenServer is handling, and messages a fault holds in flight), so a message
 * the runtime lost silently shows up as imbalance.
 *
 * @param sent    messages sent to it (every copy a duplicating fault made counts)
 * @param handled messages it took from its mailbox and finished with
 * @param dropped messages dropped on the way or by its mailbox's overflow policy
 * @param lost    messages still queued when it died
 * @param queued  messages in its mailbox, being handled, or held in flight by a fault, when the trace was taken
 */
public record Accounting(long sent, long handled, long dropped, long lost, long queued) {
    public static final Accounting ZERO = new Accounting(0, 0, 0, 0, 0);

    /** Whether every sent message is accounted for. */
    public boolean balanced() {
        return sent == handled + dropped + lost + queued;
    }

    /** The sum of two accountings. */
    public Accounting plus(Accounting other) {
        return new Accounting(sent + other.sent, handled + other.handled, dropped + other.dropped,
                lost + other.lost, queued + other.queued);
    }

    Accounting withQueued(long n) {
        return new Accounting(sent, handled, dropped, lost, queued + n);
    }

    @Override
    public String toString() {
        return "sent " + sent + " = handled " + handled + " + dropped " + dropped + " + lost " + lost
                + " + queued " + queued + (balanced() ? "" : "  (UNBALANCED)");
    }
}
