package dev.cascade.runtime.internal;

import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A process's message queue and the lock that also guards the process's links and monitors.
 * Waiting is an untimed park plus a timer of the node's {@link Scheduler}, never a timed JDK wait,
 * so a simulated clock governs every timeout.
 */
final class Mailbox {
    private final ProcessCell owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean closed;
    private long waitToken;
    private long expiredToken = -1;

    record Remains(List<Pid> links, Map<MonitorRef, Pid> watchers, List<Object> unhandled) {
        Remains(List<Pid> links, Map<MonitorRef, Pid> watchers) {
            this(links, watchers, List.of());
        }
    }

    Mailbox(ProcessCell owner) {
        this.owner = owner;
    }

    <T> T withLock(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Appends a message (P8); dropped if the owner is dead. */
    void put(Object message) {
        lock.lock();
        try {
            putLocked(message);
        } finally {
            lock.unlock();
        }
    }

    void putLocked(Object message) {
        if (!closed) {
            queue.addLast(message);
            changed.signal();
        }
    }

    void putIfAlias(long alias, Object message) {
        lock.lock();
        try {
            if (owner.hasAlias(alias)) {
                putLocked(message);
            }
        } finally {
            lock.unlock();
        }
    }

    void removeIf(Predicate<Object> match) {
        lock.lock();
        try {
            queue.removeIf(match);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the mailbox for good: wakes the owner and hands back what was still queued. */
    Remains close(Supplier<Remains> detach) {
        lock.lock();
        try {
            closed = true;
            Remains remains = detach.get();
            List<Object> unhandled = List.copyOf(queue);
            queue.clear();
            changed.signalAll();
            return new Remains(remains.links(), remains.watchers(), unhandled);
        } finally {
            lock.unlock();
        }
    }

    Optional<Object> take(Predicate<Object> match, Timeout timeout) {
        Scheduler.Cancellable timer = null;
        lock.lock();
        try {
            long token = ++waitToken;
            while (true) {
                if (closed) {
                    throw ProcessDeath.INSTANCE;
                }
                Object found = removeFirst(match);
                if (found != null) {
                    return Optional.of(found);
                }
                if (expiredToken == token) {
                    return Optional.empty();
                }
                if (timer == null && timeout instanceof Timeout.Finite finite) {
                    if (finite.duration().isZero()) {
                        return Optional.empty();
                    }
                    timer = owner.kernel().scheduler().schedule(finite.duration(), () -> expire(token));
                }
                try {
                    changed.await();
                } catch (InterruptedException interrupted) {
                    if (closed) {
                        throw ProcessDeath.INSTANCE;
                    }
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting in receive", interrupted);
                }
            }
        } finally {
            lock.unlock();
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private void expire(long token) {
        lock.lock();
        try {
            if (waitToken == token) {
                expiredToken = token;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private Object removeFirst(Predicate<Object> match) {
        Object head = queue.peekFirst();
        if (head == null) {
            return null;
        }
        if (match.test(head)) {
            return queue.pollFirst();
        }
        Iterator<Object> it = queue.iterator();
        it.next();
        while (it.hasNext()) {
            Object message = it.next();
            if (match.test(message)) {
                it.remove();
                return message;
            }
        }
        return null;
    }
}
