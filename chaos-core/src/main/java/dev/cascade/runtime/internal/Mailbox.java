package dev.cascade.runtime.internal;

import dev.cascade.runtime.MonitorRef;
import dev.cascade.runtime.Pid;
import dev.cascade.runtime.Scheduler;
import dev.cascade.runtime.Timeout;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A process's message queue and the lock that also guards the process's links and monitors.
 * The lock is only ever held for short, non-blocking steps; the owner waits outside it, through
 * the node's {@link Scheduler#park()}, and every timeout is a timer of that scheduler, never a
 * timed JDK wait, so a simulated scheduler governs which process runs and when timeouts fire.
 */
final class Mailbox {
    private final ProcessCell owner;
    private final ReentrantLock guard; // null on a scheduler with one thread of control: nothing to exclude
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final HashSet<Long> aliases = new HashSet<>();
    private Thread waiter;
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

    /** Appends a message (P8); dropped if the owner is dead. */
    void put(Object message) {
        Thread sleeping = null;
        lock();
        try {
            if (!closed) {
                queue.addLast(message);
                sleeping = waiter;
                waiter = null;
            }
        } finally {
            unlock();
        }
        if (sleeping != null) {
            owner.kernel().scheduler().unpark(sleeping);
        }
    }

    /** Queues a message under the lock; the caller calls {@link #wakeOwner} once it released it. */
    void putLocked(Object message) {
        if (!closed) {
            queue.addLast(message);
        }
    }

    void putIfAlias(long alias, Object message) {
        lock();
        try {
            if (aliases.contains(alias)) {
                putLocked(message);
            }
        } finally {
            unlock();
        }
        wakeOwner();
    }

    /** Lets replies to {@code alias} in (a call in progress). */
    void activateAlias(long alias) {
        withLock(() -> aliases.add(alias));
    }

    /** Drops replies to {@code alias} from now on (the call ended; late replies vanish, G20). */
    void deactivateAlias(long alias) {
        withLock(() -> aliases.remove(alias));
    }

    /** Unparks the owner if it waits in {@link #take}; harmless if it does not. */
    void wakeOwner() {
        Thread sleeping;
        lock();
        try {
            sleeping = waiter;
            waiter = null;
        } finally {
            unlock();
        }
        if (sleeping != null) {
            owner.kernel().scheduler().unpark(sleeping);
        }
    }

    void removeIf(Predicate<Object> match) {
        lock();
        try {
            queue.removeIf(match);
        } finally {
            unlock();
        }
    }

    /** Closes the mailbox for good: wakes the owner and hands back what was still queued. */
    Remains close(Supplier<Remains> detach) {
        lock();
        try {
            closed = true;
            aliases.clear();
            Remains remains = detach.get();
            List<Object> unhandled = List.copyOf(queue);
            queue.clear();
            return new Remains(remains.links(), remains.watchers(), unhandled);
        } finally {
            unlock();
            wakeOwner();
        }
    }

    Optional<Object> take(Predicate<Object> match, Timeout timeout) {
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
                        long expiring = token;
                        timer = scheduler.schedule(finite.duration(), () -> expire(expiring));
                    }
                    waiter = Thread.currentThread();
                } finally {
                    unlock();
                }
                scheduler.park();
                if (Thread.interrupted()) {
                    interruptedWhileWaiting();
                }
            }
        } finally {
            if (waiter == Thread.currentThread()) {
                lock();
                waiter = null;
                unlock();
            }
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
