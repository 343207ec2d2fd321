package dev.cascade.runtime.internal;

import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.MailboxLimit;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A process's message queue and the lock that also guards the process's links and monitors.
 * The lock is only ever held for short, non-blocking steps; the owner waits outside it, through
 * its {@link Doorbell} and so the node's {@link Scheduler#park()}, and every timeout is a timer of
 * that scheduler, never a timed JDK wait, so a simulated scheduler governs which process runs and
 * when timeouts fire.
 *
 * <p>A plain message to an unbounded mailbox on an untraced node takes no lock: it is pushed on the
 * {@link Inbox}. Everything else (signals, bounded mailboxes, call replies, traced messages) is
 * queued under the lock, which first drains the inbox, so the queue's order is the order in which
 * entries were pushed or queued: a sender's message is always ahead of its later exit signal (P7).
 */
final class Mailbox {
    private final ProcessCell owner;
    private final ReentrantLock guard; // null on a scheduler with one thread of control: nothing to exclude
    private final Inbox inbox = new Inbox();
    private final Doorbell doorbell;
    private final ArrayDeque<Object> queue = new ArrayDeque<>(4); // under the lock, after the inbox was drained; small while idle (W1)
    private HashSet<Long> aliases; // created by the first call
    private volatile MailboxLimit limit; // null: unbounded; read without the lock by a sender choosing its path
    private int ordinary; // ordinary messages in the queue, counted only while bounded
    private boolean closed;
    private long waitToken;
    private long expiredToken = -1;

    record Remains(List<Pid> links, Map<MonitorRef, Pid> watchers, List<Object> unhandled) {
        Remains(List<Pid> links, Map<MonitorRef, Pid> watchers) {
            this(links, watchers, List.of());
        }
    }

    Mailbox(ProcessCell owner, boolean exclusive) {
        this.owner = owner;
        this.guard = exclusive ? null : new ReentrantLock();
        this.doorbell = new Doorbell(owner.kernel().scheduler());
    }

    private void lock() {
        if (guard != null) {
            guard.lock();
        }
    }

    private void unlock() {
        if (guard != null) {
            guard.unlock();
        }
    }

    <T> T withLock(Supplier<T> action) {
        lock();
        try {
            return action.get();
        } finally {
            unlock();
        }
    }

    /** What became of an offered message. */
    static final int DELIVERED = 0;
    /** The owner is dead: the message was not queued. */
    static final int CLOSED = 1;
    /** Full, policy reject-to-sender: not queued. */
    static final int REJECTED = 2;
    /** Full, policy drop-newest: not queued. */
    static final int DROPPED_NEWEST = 3;
    /** Full, policy crash-receiver: queued, and the owner must now be ended. */
    static final int OVERFLOWED = 4;
    /** A reply to an alias that is no longer active: not queued (G20). */
    static final int LATE = 5;



    /** Bounds the ordinary messages from now on. */
    void limit(MailboxLimit limit) {
        lock();
        try {
            inbox.drainTo(queue);
            this.limit = limit.bounded() ? limit : null;
            ordinary = 0;
            for (Object entry : queue) {
                if (!SystemMessage.is(Envelope.payload(entry))) {
                    ordinary++;
                }
            }
        } finally {
            unlock();
        }
    }

    MailboxLimit limit() {
        MailboxLimit current = limit;
        return current == null ? MailboxLimit.UNBOUNDED : current;
    }

    /** Appends a message (P8) unless the owner is dead or the bound says otherwise; wakes the owner. */
    int offer(Object entry) {
        if (guard != null && limit == null && !(entry instanceof Envelope)) { // with one thread of control, the queue is as cheap
            if (!inbox.push(entry)) {
                return CLOSED;
            }
            doorbell.ring();
            return DELIVERED;
        }
        int status;
        lock();
        try {
            status = offerLocked(entry);
        } finally {
            unlock();
        }
        if (status == DELIVERED || status == OVERFLOWED) {
            doorbell.ring();
        }
        return status;
    }

    /** Queues a message under the lock; the caller calls {@link #wakeOwner} once it released it. */
    int offerLocked(Object entry) {
        if (closed) {
            return CLOSED;
        }
        drain();
        MailboxLimit bound = limit;
        int status = DELIVERED;
        if (bound != null && !SystemMessage.is(Envelope.payload(entry))) {
            if (ordinary >= bound.capacity()) {
                switch (bound.overflow()) {
                    case REJECT_TO_SENDER -> {
                        return REJECTED;
                    }
                    case DROP_NEWEST -> {
                        return DROPPED_NEWEST;
                    }
                    case DROP_OLDEST -> evictOldest();
                    case CRASH_RECEIVER -> status = OVERFLOWED;
                }
            }
            ordinary++;
        }
        queue.addLast(entry);
        if (entry instanceof Envelope envelope) {
            owner.tracing.traced(envelope, Fate.DELIVERED);
        }
        return status;
    }

    /** Under the lock: moves what senders pushed into the queue, counting it while bounded. */
    private void drain() {
        int drained = inbox.drainTo(queue);
        if (drained > 0 && limit != null) {
            Iterator<Object> newest = queue.descendingIterator();
            for (int i = 0; i < drained; i++) {
                if (!SystemMessage.is(Envelope.payload(newest.next()))) {
                    ordinary++;
                }
            }
        }
    }

    private void evictOldest() {
        Iterator<Object> it = queue.iterator();
        while (it.hasNext()) {
            Object entry = it.next();
            if (!SystemMessage.is(Envelope.payload(entry))) {
                it.remove();
                ordinary--;
                if (entry instanceof Envelope envelope) {
                    owner.tracing.traced(envelope, Fate.EVICTED);
                }
                return;
            }
        }
    }

    /** The traced things that happen to a queued message inside the mailbox. */
    enum Fate { DELIVERED, EVICTED, FLUSHED }

    int offerIfAlias(long alias, Object entry) {
        int status;
        lock();
        try {
            status = aliases != null && aliases.contains(alias) ? offerLocked(entry) : LATE;
        } finally {
            unlock();
        }
        wakeOwner();
        return status;
    }

    /** Lets replies to {@code alias} in (a call in progress). */
    void activateAlias(long alias) {
        lock();
        try {
            if (aliases == null) {
                aliases = new HashSet<>(4);
            }
            aliases.add(alias);
        } finally {
            unlock();
        }
    }

    /** Drops replies to {@code alias} from now on (the call ended; late replies vanish, G20). */
    void deactivateAlias(long alias) {
        lock();
        try {
            if (aliases != null) {
                aliases.remove(alias);
            }
        } finally {
            unlock();
        }
    }

    /**
     * Wakes the owner if it waits in {@link #take}; harmless if it does not. Called after a change
     * made under the lock, which the owner, armed before it looked, cannot miss.
     */
    void wakeOwner() {
        doorbell.ring();
    }

    void removeIf(Predicate<Object> match) {
        lock();
        try {
            drain();
            Iterator<Object> it = queue.iterator();
            while (it.hasNext()) {
                Object entry = it.next();
                if (match.test(Envelope.payload(entry))) {
                    it.remove();
                    taken(entry);
                    if (entry instanceof Envelope envelope) {
                        owner.tracing.traced(envelope, Fate.FLUSHED);
                    }
                }
            }
        } finally {
            unlock();
        }
    }

    /** Closes the mailbox for good: wakes the owner and hands back what was still queued. */
    Remains close(Supplier<Remains> detach) {
        lock();
        try {
            closed = true;
            inbox.close(queue);
            aliases = null;
            Remains remains = detach.get();
            List<Object> unhandled = List.copyOf(queue);
            queue.clear();
            ordinary = 0;
            return new Remains(remains.links(), remains.watchers(), unhandled);
        } finally {
            unlock();
            wakeOwner();
        }
    }

    /** How many traced messages are queued now (a fault's own signals to its helpers are not traced). */
    int size() {
        lock();
        try {
            drain();
            int traced = 0;
            for (Object entry : queue) {
                if (entry instanceof Envelope) {
                    traced++;
                }
            }
            return traced;
        } finally {
            unlock();
        }
    }

    /** The entry taken (an {@link Envelope} on a traced node), or null when the timeout passed. */
    Object take(Predicate<Object> match, Timeout timeout) {
        Scheduler scheduler = owner.kernel().scheduler();
        Scheduler.Cancellable timer = null;
        long token = 0;
        try {
            while (true) {
                lock();
                try {
                    if (token == 0) {
                        token = ++waitToken;
                    }
                    if (closed) {
                        throw ProcessDeath.INSTANCE;
                    }
                    doorbell.arm();
                    drain();
                    Object found = removeFirst(match);
                    if (found != null) {
                        return found;
                    }
                    if (expiredToken == token) {
                        return null;
                    }
                    if (timer == null && timeout instanceof Timeout.Finite finite) {
                        if (finite.duration().isZero()) {
                            return null;
                        }
                        long expiring = token;
                        timer = scheduler.schedule(finite.duration(), () -> expire(expiring));
                    }
                } finally {
                    unlock();
                }
                doorbell.await();
                if (Thread.interrupted()) {
                    interruptedWhileWaiting();
                }
            }
        } finally {
            doorbell.disarm();
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private void interruptedWhileWaiting() {
        lock();
        try {
            if (closed) {
                throw ProcessDeath.INSTANCE;
            }
        } finally {
            unlock();
        }
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting in receive");
    }

    private void expire(long token) {
        lock();
        try {
            if (waitToken != token) {
                return;
            }
            expiredToken = token;
        } finally {
            unlock();
        }
        wakeOwner();
    }

    private Object taken(Object entry) {
        if (limit != null && !SystemMessage.is(Envelope.payload(entry))) {
            ordinary--;
        }
        return entry;
    }

    private Object removeFirst(Predicate<Object> match) {
        Object head = queue.peekFirst();
        if (head == null) {
            return null;
        }
        if (match.test(Envelope.payload(head))) {
            return taken(queue.pollFirst());
        }
        Iterator<Object> it = queue.iterator();
        it.next();
        while (it.hasNext()) {
            Object entry = it.next();
            if (match.test(Envelope.payload(entry))) {
                it.remove();
                return taken(entry);
            }
        }
        return null;
    }
}
