package dev.cascade.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;

/**
 * The lock-free front of a mailbox: senders push with one compare-and-set, the mailbox drains
 * everything at once, under its lock, into its queue. A push is a node on a stack (newest first),
 * so draining reverses it; the order of the pushes (one linearisation of all senders) is the
 * order in the queue, which keeps every sender's messages in the order it sent them (P8).
 * Closing swaps in a sentinel that refuses every later push, atomically with taking what is left.
 */
final class Inbox {
    private static final class Node {
        final Object entry;
        Node next;

        Node(Object entry) {
            this.entry = entry;
        }
    }

    private static final Node CLOSED = new Node(null);
    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(Inbox.class, "head", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through HEAD
    private volatile Node head;

    /** Pushes {@code entry}; false if the inbox is closed (nothing was pushed). */
    boolean push(Object entry) {
        Node node = new Node(entry);
        Node current = head;
        while (true) {
            if (current == CLOSED) {
                return false;
            }
            node.next = current;
            Node witness = (Node) HEAD.compareAndExchange(this, current, node);
            if (witness == current) {
                return true;
            }
            current = witness;
        }
    }

    /** Whether something was pushed since the last drain (or the inbox closed): a cheap check for a waiting owner. */
    boolean hasNews() {
        return head != null;
    }

    /**
     * Appends every pushed entry to {@code queue}, oldest first; returns how many. Called under the
     * mailbox lock, never after {@link #close}.
     */
    int drainTo(ArrayDeque<Object> queue) {
        Node current = head;
        if (current == null || current == CLOSED) {
            return 0; // only pushes race with a drain, and they cannot empty or close the inbox
        }
        return appendReversed((Node) HEAD.getAndSet(this, (Node) null), queue);
    }

    /** Refuses every push from now on, and appends what was pushed but not drained to {@code queue}. */
    void close(ArrayDeque<Object> queue) {
        Node rest = (Node) HEAD.getAndSet(this, CLOSED);
        if (rest != CLOSED) {
            appendReversed(rest, queue);
        }
    }

    private static int appendReversed(Node newestFirst, ArrayDeque<Object> queue) {
        Node oldestFirst = null;
        int count = 0;
        for (Node node = newestFirst; node != null; ) {
            Node next = node.next;
            node.next = oldestFirst;
            oldestFirst = node;
            node = next;
            count++;
        }
        for (Node node = oldestFirst; node != null; node = node.next) {
            queue.addLast(node.entry);
        }
        return count;
    }
}
